import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { publisherGrants } from '@linli/shared';
import { useEffect, useRef } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { onDevOpenidChange } from '../../services/dev-identity';
import { invalidateMe, loadMeOrNull } from '../identity/me-store';
import { showUnreadBadge } from './tab-badge';

/** The 通知 tab: the household's feed (fresh each time the tab is shown) and whether to offer publishing. */
export function useNoticeFeed() {
  const me = useAsync(() => loadMeOrNull(), []);
  const feed = useAsync(async () => {
    const result = await callCloud('notices', 'feed', {});
    void showUnreadBadge(result.unread);
    return result;
  }, []);
  const first = useRef(true);

  useDidShow(() => {
    // coming back from a notice: its "unread" mark and the badge must change
    if (first.current) first.current = false;
    else feed.reload();
  });
  usePullDownRefresh(() => {
    feed.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 400);
  });
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    return onDevOpenidChange(() => {
      invalidateMe();
      me.reload();
      feed.reload();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const publisher = me.state.data ? publisherGrants(me.state.data.grants).length > 0 : false;
  return { feed, publisher, signedIn: me.state.status !== 'ok' || me.state.data !== null };
}
