import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REQUEST_STATUS_LABELS, type ListView, type RequestStatus } from '@linli/shared';
import { Chips, LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { EmptyState, Notice } from '../../../components/states';
import { RequestItem } from '../../../features/requests/request-item';
import { StaffGrants } from '../../../features/requests/staff-grants';
import { useInbox } from '../../../features/requests/use-inbox';
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
  const inbox = useInbox(decodeParam(useRouter().params.placeId));
  const { places, extraPlace, placeId, view, status, list } = inbox;
  return (
    <Loaded what={inbox.me} onlyFresh shell>
      {() =>
        !placeId ? (
          <PageShell>
            <Notice tone="info" id="inbox-no-place">
              <Text>诉求工作台给小区三长五员和社区、街道工作人员使用。如需开通，请联系社区工作人员。</Text>
            </Notice>
          </PageShell>
        ) : (
          <PageShell>
            {places.length + extraPlace.length > 1 ? (
              <Chips
                idPrefix="place"
                value={placeId}
                onChange={inbox.setPlace}
                options={[...places.map((p) => ({ value: p.id, label: p.name })), ...extraPlace]}
              />
            ) : (
              <Text className="h3 block">{places[0]?.name}</Text>
            )}
            <View className="spacer" />
            <StaffGrants subs={inbox.subs} />
            <Chips idPrefix="view" value={view} onChange={inbox.setView} options={VIEWS} />
            {view === 'all' ? (
              <View className="top-gap-small">
                <Chips idPrefix="status" value={status} onChange={inbox.setStatus} options={STATUS_FILTERS} />
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
            <Loaded what={list} errorWithData>
              {({ requests }) => (
                <>
                  {list.state.status === 'ok' && requests.length === 0 ? (
                    <EmptyState id="inbox-empty" text={view === 'overdue' ? '没有超时的诉求。' : '这里没有诉求。'} />
                  ) : null}
                  <View id="inbox-list">
                    {requests.map((r) => (
                      <RequestItem key={r.id} request={r} onClick={goTo('workbench/detail', { id: r.id })} />
                    ))}
                  </View>
                </>
              )}
            </Loaded>
          </PageShell>
        )
      }
    </Loaded>
  );
}
