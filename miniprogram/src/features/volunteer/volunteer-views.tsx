import { Text, View } from '@tarojs/components';
import type { ActivityView } from '@linli/shared';
import { LinkRow } from '../../components/choice';
import { PhoneLink } from '../../components/phone-link';
import { Section } from '../../components/section';
import { formatDateTime } from '../../services/format';
import { goTo } from '../../services/routes';
import { useMyPartyMember } from './use-volunteer';

export const pointsText = (a: Pick<ActivityView, 'points'>) =>
  a.points.kind === 'perHour' ? `每小时 ${a.points.points} 积分` : `每次 ${a.points.points} 积分`;

export const STATUS_TEXT = { signedUp: '已报名', waiting: '候补中', cancelled: '已退出' } as const;

export function ActivityItem({ a }: { a: ActivityView }) {
  const mine = a.mine ? ` · ${STATUS_TEXT[a.mine.status]}${a.mine.position ? `第 ${a.mine.position} 位` : ''}` : '';
  return (
    <LinkRow
      className="activity-item"
      title={a.title}
      sub={`${formatDateTime(a.startAt)} · ${a.location} · ${pointsText(a)} · ${a.taken}/${a.seats} 人${mine}${a.status === 'confirmed' ? ' · 已登记积分' : ''}`}
      onClick={goTo('volunteer/activity', { id: a.id })}
    />
  );
}

/** The way into 志愿服务 from 我的. */
export function VolunteerEntry() {
  return (
    <Section id="volunteer-entry">
      <LinkRow
        id="entry-volunteer"
        title="志愿服务与积分超市"
        sub="报名志愿活动、扫码签到、查积分、兑换奖品；联户党员的住户"
        onClick={goTo('volunteer/list')}
      />
    </Section>
  );
}

/** The card page's line: the household's 联户党员, one tap from a call (十户联保). */
export function MyPartyMemberLine() {
  const { state } = useMyPartyMember();
  const pm = state.data?.partyMember;
  if (!pm) return null;
  return (
    <View className="card" id="card-party-member">
      <Text className="h3 block">我家的联户党员</Text>
      <Text className="block">
        {pm.name}（联系 {pm.householdName} 等住户）
      </Text>
      <PhoneLink phone={pm.phone} label={`打电话给 ${pm.name}`} />
    </View>
  );
}
