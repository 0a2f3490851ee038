import { Text, View } from '@tarojs/components';
import { LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, Notice } from '../../../components/states';
import { useVolunteerHome } from '../../../features/volunteer/use-volunteer';
import { ActivityItem } from '../../../features/volunteer/volunteer-views';
import { formatDateTime } from '../../../services/format';
import { goTo } from '../../../services/routes';

export default function VolunteerListPage() {
  const { me, communityId, activities, households } = useVolunteerHome();
  return (
    <PageShell id="volunteer-list">
      <Loaded what={me} loadingId="volunteer-loading">
        {(m) => (
          <View>
            {communityId ? (
              <Section id="my-points" title="我的志愿积分">
                <LinkRow
                  id="entry-my-points"
                  title={`${m.balance} 积分 · 服务 ${m.hours} 小时`}
                  sub="积分明细、志愿服务记录证明、积分超市"
                  onClick={goTo('volunteer/points', { communityId })}
                />
              </Section>
            ) : (
              <EmptyState id="volunteer-no-community" text="绑定住址后就能报名本社区的志愿活动" />
            )}
          </View>
        )}
      </Loaded>
      {communityId ? (
        <Loaded what={activities} loadingId="activities-loading">
          {(d) => (
            <Section id="activities" title={`${d.communityName} 志愿活动`}>
              {d.activities.length === 0 ? <Text className="muted">最近没有志愿活动</Text> : null}
              {d.activities.map((a) => (
                <ActivityItem key={a.id} a={a} />
              ))}
            </Section>
          )}
        </Loaded>
      ) : null}
      {households.state.data ? (
        <Section id="my-households" title="我联系的住户（十户联保）" extra={`${households.state.data.households.length} 户`}>
          {households.state.data.doorNotices.map((n) => (
            <Notice key={n.noticeId} tone="warn" className="door-notice">
              <Text className="block">
                紧急通知“{n.title}”还有 {n.unread} 户没看，请上门告知
              </Text>
            </Notice>
          ))}
          {households.state.data.followUps.map((v) => (
            <Text key={v.id} className="block follow-up">
              待回访：{v.householdName}（{v.followUpOn}）{v.need ?? ''}
            </Text>
          ))}
          {households.state.data.households.map((h) => (
            <Text key={h.householdId} className={`block household-row${h.due ? ' strong' : ''}`}>
              {h.buildingName}
              {h.unitName} {h.householdName.slice(-3)} · {h.lastVisitAt ? `上次走访 ${formatDateTime(h.lastVisitAt)}` : '还没走访'}
              {h.due ? ' · 该走访了' : ''}
            </Text>
          ))}
        </Section>
      ) : null}
    </PageShell>
  );
}
