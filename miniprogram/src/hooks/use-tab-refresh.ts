import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { onDevOpenidChange } from '../services/dev-identity';

/** `first`: the first show (only with `firstShow`); `shown`: shown again; `identity`: another person now. */
export type RefreshReason = 'first' | 'shown' | 'identity';

/**
 * The one way a tab page keeps what it shows current. Tab pages stay alive once opened (WeChat and
 * Taro's browser build keep them), so a tab that only loads on mount keeps showing the first
 * answer — or the last person's. `refresh` runs each time the tab is shown again and whenever the
 * person changes (locally: the dev switcher; every tab reloads, shown or not, so none is left on
 * the last person's view). Not on the first show unless `firstShow` asks: the page's own load
 * covers that.
 */
export function useTabRefresh(refresh: (why: RefreshReason) => void, options: { firstShow?: boolean } = {}): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const first = useRef(true);
  useDidShow(() => {
    const isFirst = first.current;
    first.current = false;
    if (!isFirst) latest.current('shown');
    else if (options.firstShow) latest.current('first');
  });
  useEffect(() => (process.env.TARO_ENV === 'h5' ? onDevOpenidChange(() => latest.current('identity')) : undefined), []);
}
