import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  inShanghai,
  REQUEST_SOURCE_LABELS,
  REQUEST_STATUS_LABELS,
  serviceDayText,
  WORK_GROUP_POST_LABELS,
  workGroupIdOf,
} from '@linli/shared';
import { useState } from 'react';
import { AppButton } from '../../../components/app-button';
import { LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { loadMe } from '../../../features/identity/me-store';
import { useWorkGroupMonth } from '../../../features/workgroups/use-work-groups';
import { useAsync } from '../../../hooks/use-async';
import { decodeParam, formatDateTime } from '../../../services/format';
import { goTo } from '../../../services/routes';

const shiftMonth = (month: string, by: number) => inShanghai(`${month}-15T12:00:00+08:00`).add(by, 'month').format('YYYY-MM');

/** The community's month with its 服务群众工作组: visits, problems collected, dispatched, solved; members record what they collect. */
export default function GroupPage() {
  const params = useRouter().params;
  const communityId = decodeParam(params.communityId);
  const [month, setMonth] = useState(decodeParam(params.month) || inShanghai(new Date()).format('YYYY-MM'));
  const figures = useWorkGroupMonth(communityId, month);
  const me = useAsync(() => loadMe(), []);
  const member = !!me.state.data?.grants.some((g) => g.role === 'workGroupMember' && g.placeId === workGroupIdOf(communityId));
  return (
    <Loaded what={figures} shell>
      {(f) => (
        <PageShell id="group-page">
          <Section id="group-about" title={f.group.name}>
            <Text className="block" id="group-day-text">
              {serviceDayText(f.group.day)}
            </Text>
            <Text className="muted block">
              {f.group.members.map((m) => `${WORK_GROUP_POST_LABELS[m.post]} ${m.name}（${m.unit}）`).join('；')}
            </Text>
          </Section>
          {member ? (
            <View className="top-gap-small">
              <AppButton id="btn-collect" onClick={goTo('department/collect', { communityId })}>
                记录收集的问题
              </AppButton>
            </View>
          ) : null}
          <Section id="group-month" title={`${month.replace('-', ' 年 ')} 月`}>
            <View className="row-wrap">
              <AppButton id="btn-month-prev" small variant="plain" onClick={() => setMonth((m) => shiftMonth(m, -1))}>
                上个月
              </AppButton>
              <AppButton id="btn-month-next" small variant="plain" onClick={() => setMonth((m) => shiftMonth(m, 1))}>
                下个月
              </AppButton>
            </View>
            <Text className="block" id="group-visits">
              开展服务日 {f.daysHeld} 次，预约接访 {f.bookingsMade} 人次，到场 {f.bookingsAttended} 人次
            </Text>
            <Text className="block" id="group-problems">
              收集问题 {f.collected} 件，已派单 {f.dispatched} 件，已解决 {f.solved} 件
            </Text>
            <Text className="muted block">“开展服务日”按当天有居民到场接访或收集了问题的天数计。</Text>
          </Section>
          <Section id="group-collected" title="收集的问题">
            {f.problems.length === 0 ? <Text className="muted block">这个月还没有收集问题。</Text> : null}
            {f.problems.map((p) => (
              <LinkRow
                key={p._id}
                id={`collected-${p._id}`}
                title={p.description}
                sub={`${REQUEST_SOURCE_LABELS.workGroup} · ${p.compoundName} · ${REQUEST_STATUS_LABELS[p.status]}${p.dispatched ? ' · 已派单' : ''} · ${p.collectedBy} · ${formatDateTime(p.createdAt)}`}
                onClick={goTo('workbench/detail', { id: p._id })}
              />
            ))}
          </Section>
        </PageShell>
      )}
    </Loaded>
  );
}
