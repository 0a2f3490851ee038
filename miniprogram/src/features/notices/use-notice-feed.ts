import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { publisherGrants } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useTabRefresh } from '../../hooks/use-tab-refresh';
import { callCloud } from '../../services/cloud';
import { loadMeOrNull } from '../identity/me-store';
import { showUnreadBadge } from './tab-badge';

/** The 通知 tab: the household's feed (fresh each time the tab is shown) and whether to offer publishing. */
export function useNoticeFeed() {
  const me = useAsync(() => loadMeOrNull(), []);
  const feed = useAsync(async () => {
    const result = await callCloud('notices', 'feed', {});
    void showUnreadBadge(result.unread);
    return result;
  }, []);
  // coming back from a notice: its "unread" mark and the badge must change; another person: all of it
  useTabRefresh(() => {
    me.reload();
    feed.reload();
  });
  usePullDownRefresh(() => {
    feed.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 400);
  });

  const publisher = me.state.data ? publisherGrants(me.state.data.grants).length > 0 : false;
  return { feed, publisher, signedIn: me.state.status !== 'ok' || me.state.data !== null };
}
