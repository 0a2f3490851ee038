import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useAsync } from '../../hooks/use-async';
import { onDevOpenidChange } from '../../services/dev-identity';
import { invalidateMe, loadMe } from './me-store';

/** identity.me, fetched afresh each time 我的 is shown (a review may have happened meanwhile). */
export function useMePage() {
  const first = useRef(true);
  const me = useAsync(() => loadMe(), []);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    invalidateMe();
    me.reload();
  });
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    return onDevOpenidChange(() => {
      invalidateMe();
      me.reload();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return {
    me,
    refresh: () => {
      invalidateMe();
      me.reload();
    },
  };
}
