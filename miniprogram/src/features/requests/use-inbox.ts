import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ListView, RequestStatus } from '@linli/shared';
import { useRef, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { loadMeOrNull } from '../identity/me-store';
import { useSubscriptions } from '../notices/use-subscriptions';
import { refreshEscalationBadge } from './escalation-badge';
import { workPlaces } from './places';

/**
 * The workbench inbox: the places the person works on (or the one a link named), the list view
 * and status filter, the requests, and the staff's WeChat reminders. Coming back to it, or pulling
 * down, reads them again.
 */
export function useInbox(fromParam: string) {
  const me = useAsync(() => loadMeOrNull(), []);
  const places = workPlaces(me.state.data?.grants ?? []);
  const [chosen, setChosen] = useState<string | null>(null);
  const placeId = chosen ?? (fromParam || places[0]?.id || null);
  const [view, setView] = useState<ListView>('open');
  const [status, setStatus] = useState<RequestStatus | 'any'>('any');
  const list = useAsync(
    placeId ? () => callCloud('requests', 'list', { placeId, view, ...(view === 'all' && status !== 'any' ? { status } : {}) }) : null,
    [placeId, view, status],
  );
  const subs = useSubscriptions('staff');
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else {
      list.reload();
      subs.list.reload();
      // coming back from a request just handled: the 督办 badge may have changed
      void refreshEscalationBadge();
    }
  });
  usePullDownRefresh(() => {
    list.reload();
    subs.list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 300);
  });
  // a place below one's own, opened from the figures
  const extraPlace = fromParam && !places.some((p) => p.id === fromParam) ? [{ value: fromParam, label: '下级地点' }] : [];
  return { me, places, extraPlace, placeId, setPlace: setChosen, view, setView, status, setStatus, list, subs };
}
