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

/** What community staff run from here: the shop, 十户联保, coverage, 党员积分, the settings. */
function StaffEntries({ communityId }: { communityId: string }) {
  return (
    <Section id="volunteer-staff" title="社区工作人员">
      <LinkRow
        id="entry-shop-admin"
        title="积分超市管理"
        sub="上架奖品、改价格和库存、核对兑换码发放"
        onClick={goTo('volunteer-staff/shop', { communityId })}
      />
      <LinkRow
        id="entry-lianbao"
        title="十户联保分配"
        sub="按楼栋单元把住户分给联户党员"
        onClick={goTo('volunteer-staff/lianbao', { communityId })}
      />
      <LinkRow
        id="entry-coverage"
        title="走访覆盖"
        sub="多久没走访的住户，按党员和楼栋"
        onClick={goTo('volunteer-staff/coverage', { communityId })}
      />
      <LinkRow
        id="entry-ledger"
        title="积分明细与更正"
        sub="查某人的积分记录，补记或冲销（都留痕）"
        onClick={goTo('volunteer-staff/ledger', { communityId })}
      />
      <LinkRow id="entry-party" title="党员积分" sub="积分项目、按月计分、排名" onClick={goTo('volunteer-staff/party', { communityId })} />
      <LinkRow
        id="entry-settings"
        title="积分与联户设置"
        sub="每日、每月积分上限，每人联系户数，走访间隔"
        onClick={goTo('volunteer-staff/settings', { communityId })}
      />
    </Section>
  );
}

export default function VolunteerListPage() {
  const { me, communityId, activities, households, mine } = useVolunteerHome();
  return (
    <PageShell id="volunteer-list">
      <Loaded what={me} loadingId="volunteer-loading">
        {(m) => (
          <View>
            {m.manages.length > 0 && communityId ? <StaffEntries communityId={communityId} /> : null}
            {communityId ? (
              <Section id="my-points" title="我的志愿积分">
                <LinkRow
                  id="entry-my-points"
                  title={`${m.balance} 积分 · 服务 ${m.hours} 小时`}
                  sub="积分明细、志愿服务记录证明、积分超市"
                  onClick={goTo('volunteer/points', { communityId })}
                />
                <LinkRow
                  id="entry-board"
                  title="志愿服务公示"
                  sub="本社区每月每位志愿者的服务时长和积分，谁都可以查"
                  onClick={goTo('volunteer/board', { communityId })}
                />
              </Section>
            ) : (
              <EmptyState id="volunteer-no-community" text="绑定住址后就能报名本社区的志愿活动" />
            )}
          </View>
        )}
      </Loaded>
      {mine.state.data && mine.state.data.upcoming.length > 0 ? (
        <Section id="my-upcoming" title="我报名的活动" extra={`${mine.state.data.upcoming.length} 个`}>
          {mine.state.data.upcoming.map((a) => (
            <ActivityItem key={a.id} a={a} />
          ))}
        </Section>
      ) : null}
      {communityId ? (
        <Loaded what={activities} loadingId="activities-loading">
          {(d) => (
            <Section
              id="activities"
              title={`${d.communityName} 志愿活动`}
              extra={
                d.canPost ? (
                  <Text id="btn-new-activity" className="link" onClick={goTo('volunteer-staff/post', { communityId })}>
                    发布活动
                  </Text>
                ) : null
              }
            >
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
            <View
              key={n.noticeId}
              id={`door-notice-${n.noticeId}`}
              className="door-notice"
              onClick={goTo('volunteer/door-list', { noticeId: n.noticeId })}
            >
              <Notice tone="warn">
                <Text className="block">
                  紧急通知“{n.title}”您联系的住户还有 {n.unread} 户没看，点这里看敲门清单 ›
                </Text>
              </Notice>
            </View>
          ))}
          {households.state.data.followUps.map((v) => (
            <LinkRow
              key={v.id}
              className="follow-up"
              title={`待回访：${v.householdName}（${v.followUpOn}）`}
              sub={v.need ?? v.topics}
              onClick={goTo('volunteer/visit', { householdId: v.householdId })}
            />
          ))}
          {households.state.data.households.map((h) => (
            <LinkRow
              key={h.householdId}
              id={`household-${h.householdId}`}
              className={`household-row${h.due ? ' household-due' : ''}`}
              title={`${h.buildingName}${h.unitName} ${h.householdName.slice(-3)}`}
              sub={`${h.lastVisitAt ? `上次走访 ${formatDateTime(h.lastVisitAt)}` : '还没走访'}${h.due ? ' · 该走访了' : ''} · 点这里记走访`}
              onClick={goTo('volunteer/visit', { householdId: h.householdId })}
            />
          ))}
        </Section>
      ) : null}
    </PageShell>
  );
}
