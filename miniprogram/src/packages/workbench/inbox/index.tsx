import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { REQUEST_STATUS_LABELS, type ListView, type RequestStatus } from '@linli/shared';
import { Chips, LinkRow } from '../../../components/choice';
import { PageShell } from '../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { loadMeOrNull } from '../../../features/identity/me-store';
import { useSubscriptions } from '../../../features/notices/use-subscriptions';
import { refreshEscalationBadge } from '../../../features/requests/escalation-badge';
import { workPlaces } from '../../../features/requests/places';
import { RequestItem } from '../../../features/requests/request-item';
import { StaffGrants } from '../../../features/requests/staff-grants';
import { useAsync } from '../../../hooks/use-async';
import { callCloud } from '../../../services/cloud';
import { decodeParam } from '../../../services/format';
import { goTo } from '../../../services/routes';

const VIEWS: { value: ListView; label: string }[] = [
  { value: 'open', label: '待办（按期限）' },
  { value: 'mine', label: '我办理的' },
  { value: 'overdue', label: '已超时' },
  { value: 'all', label: '全部' },
];
const STATUS_FILTERS: { value: RequestStatus | 'any'; label: string }[] = [
  { value: 'any', label: '全部状态' },
  ...(['submitted', 'accepted', 'handling', 'resolved', 'closed'] as const).map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] })),
];

/**
 * The inbox: what a place's staff hold — 督办 escalated to this level first, then nearest deadline
 * first, with countdowns — and how many WeChat reminders the staff member can still receive.
 */
export default function InboxPage() {
  const fromParam = decodeParam(useRouter().params.placeId);
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

  if (me.state.status !== 'ok')
    return (
      <PageShell>{me.state.status === 'error' ? <ErrorState error={me.state.error} onRetry={me.reload} /> : <LoadingState />}</PageShell>
    );
  if (!placeId)
    return (
      <PageShell>
        <Notice tone="info" id="inbox-no-place">
          <Text>诉求工作台给小区三长五员和社区、街道工作人员使用。如需开通，请联系社区工作人员。</Text>
        </Notice>
      </PageShell>
    );
  const requests = list.state.data?.requests ?? [];
  const extraPlace = fromParam && !places.some((p) => p.id === fromParam) ? [{ value: fromParam, label: '下级地点' }] : [];
  return (
    <PageShell>
      {places.length + extraPlace.length > 1 ? (
        <Chips
          idPrefix="place"
          value={placeId}
          onChange={setChosen}
          options={[...places.map((p) => ({ value: p.id, label: p.name })), ...extraPlace]}
        />
      ) : (
        <Text className="h3 block">{places[0]?.name}</Text>
      )}
      <View className="spacer" />
      <StaffGrants subs={subs} />
      <Chips idPrefix="view" value={view} onChange={setView} options={VIEWS} />
      {view === 'all' ? (
        <View className="top-gap-small">
          <Chips idPrefix="status" value={status} onChange={setStatus} options={STATUS_FILTERS} />
        </View>
      ) : null}
      <View className="top-gap-small">
        <LinkRow
          id="link-figures"
          title="办理情况和台账"
          sub="受理、办结、满意率，导出 Excel 台账"
          onClick={goTo('workbench/figures', { placeId })}
        />
      </View>
      <View className="spacer" />
      {list.state.data?.calendarWarning ? (
        <Notice tone="warn" id="calendar-warning">
          <Text>{list.state.data.calendarWarning}</Text>
        </Notice>
      ) : null}
      {list.state.status === 'loading' && !list.state.data ? <LoadingState /> : null}
      {list.state.status === 'error' ? <ErrorState error={list.state.error} onRetry={list.reload} /> : null}
      {list.state.status === 'ok' && requests.length === 0 ? (
        <EmptyState id="inbox-empty" text={view === 'overdue' ? '没有超时的诉求。' : '这里没有诉求。'} />
      ) : null}
      <View id="inbox-list">
        {requests.map((r) => (
          <RequestItem key={r.id} request={r} onClick={goTo('workbench/detail', { id: r.id })} />
        ))}
      </View>
    </PageShell>
  );
}
