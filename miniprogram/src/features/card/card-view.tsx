import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Card, TeamMember, TeamRole } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Notice } from '../../components/states';
import { formatDateTime } from '../../services/format';
import { goTo } from '../../services/routes';
import { MemberItem } from './member-item';
import './card.css';

export function CardHero({ card }: { card: Card }) {
  return (
    <View className="card-hero" id="card-hero">
      <Text className="card-kicker">{card.compound.communityName} · 三长五员服务联系卡</Text>
      <Text className="card-compound-name" id="card-compound-name">
        {card.compound.name}
      </Text>
      {card.compound.address ? (
        <Text className="card-address" id="card-address">
          地址：{card.compound.address}
        </Text>
      ) : null}
      <Text className="card-motto">有事找得到、叫得应、起作用</Text>
    </View>
  );
}

export function MissingNotice({ card, id = 'card-missing' }: { card: Card; id?: string }) {
  if (card.missing.length === 0) return null;
  return (
    <Notice tone="warn" id={id} className="card-missing">
      <Text className="block strong">本小区联系卡还不完整</Text>
      <Text className="block missing-text">{card.missingText}</Text>
    </Notice>
  );
}

/** The team, grouped by role in the card's order. `renderActions` adds staff buttons per member; `renderGroupFooter` per role. */
export function CardGroups({
  card,
  idPrefix,
  renderActions,
  renderBelow,
  renderGroupHeader,
  renderGroupFooter,
  phoneAs = 'button',
}: {
  card: Card;
  /** Staff see the phone as a smaller inline link; residents as a big call button. */
  phoneAs?: 'button' | 'inline';
  idPrefix: string;
  renderActions?: (member: TeamMember) => ReactNode;
  renderBelow?: (member: TeamMember) => ReactNode;
  renderGroupHeader?: (role: TeamRole) => ReactNode;
  renderGroupFooter?: (role: TeamRole) => ReactNode;
}) {
  return (
    <View className="card-groups">
      {card.groups.map((group) => (
        <View key={group.role} id={`${idPrefix}-${group.role}`} className="card role-group">
          <View className="role-group-title">
            <Text className="h2">{group.label}</Text>
            <Text className="role-group-count">{group.members.length > 0 ? `${group.members.length} 人` : ''}</Text>
          </View>
          {renderGroupHeader ? renderGroupHeader(group.role) : null}
          {group.members.length === 0 ? <Text className="role-empty">暂未安排</Text> : null}
          {group.members.map((m) => (
            <MemberItem
              key={m.id}
              member={m}
              actions={renderActions ? renderActions(m) : undefined}
              below={renderBelow ? renderBelow(m) : undefined}
              showPhoneAs={phoneAs}
            />
          ))}
          {renderGroupFooter ? renderGroupFooter(group.role) : null}
        </View>
      ))}
      <Text className="card-updated">名单更新于 {formatDateTime(card.updatedAt)}</Text>
    </View>
  );
}

/** The community's 服务群众工作组: its day and place, its members on the day itself, and booking a slot with it. */
export function ServiceDayCard({ day }: { day: NonNullable<Card['serviceDay']> }) {
  return (
    <View className="card service-day-card" id="card-service-day">
      <View className="role-group-title">
        <Text className="h2">服务群众工作日</Text>
      </View>
      <Text className="block strong">{day.groupName}</Text>
      <Text className="block" id="card-service-day-text">
        {day.today ? '今天 · ' : ''}
        {day.dayText}
      </Text>
      {day.members.map((m) => (
        <Text key={m.name} className="block" id={`card-group-member-${m.name}`}>
          {m.post} {m.name}（{m.unit}）
        </Text>
      ))}
      <View className="top-gap-small">
        <AppButton
          id="btn-book-group"
          variant="secondary"
          onClick={goTo('booking/slots', { serviceId: day.serviceId, date: day.nextDate })}
        >
          预约当面反映
        </AppButton>
      </View>
    </View>
  );
}
