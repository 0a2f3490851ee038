import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useAsync } from '../../hooks/use-async';
import { useTabRefresh } from '../../hooks/use-tab-refresh';
import { callCloud } from '../../services/cloud';
import { loadMeOrNull } from '../identity/me-store';
import { refreshEscalationBadge } from './escalation-badge';

/**
 * The 诉求 tab: who this is, their own and seconded requests, and for staff the 督办 waiting at
 * their level (also the tab's badge). Read again each time the tab is shown, on pull-down, and
 * when the person changes.
 */
export function useRequestsTab() {
  const me = useAsync(() => loadMeOrNull(), []);
  const person = me.state.data;
  const mine = useAsync(person ? () => callCloud('requests', 'mine', {}) : null, [person?.openid]);
  // staff: the 督办 waiting at their level, on the workbench entry and as the tab's badge (anyone else: none, and no badge)
  const escalated = useAsync(person ? () => refreshEscalationBadge() : null, [person?.openid]);
  const refresh = () => {
    // the person may have changed (or been granted a post) meanwhile: who it is decides the rest,
    // so a changed openid reloads the lists by itself
    me.reload();
    mine.reload();
    escalated.reload();
  };
  // coming back from reporting or rating, or someone else now: show the latest
  useTabRefresh(refresh);
  usePullDownRefresh(() => {
    refresh();
    setTimeout(() => void Taro.stopPullDownRefresh(), 300);
  });
  return { me, mine, waiting: escalated.state.data ?? 0 };
}
