import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';

/** Notices the publisher may manage, refreshed each time the list is shown. */
export function useMyNotices() {
  const list = useAsync(() => callCloud('notices', 'listMine', {}), []);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else list.reload();
  });
  return { list };
}
