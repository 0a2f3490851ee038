import { Text, View } from '@tarojs/components';
import { TEAM_ROLE_LABELS, type TeamChange, type TeamMember } from '@linli/shared';
import { formatDateTime, formatPhone } from '../../services/format';

const KIND_LABELS: Record<TeamChange['kind'], string> = { add: '添加', replace: '更换', remove: '移除' };

const who = (m: TeamMember | null) => (m ? `${m.name}（${formatPhone(m.phone)}）` : '—');

/** One change to a team: who did it, when, what, and the person before → after. */
export function HistoryItem({ change }: { change: TeamChange }) {
  const post = `${change.before?.checkpoint ?? change.after?.checkpoint ?? ''}${TEAM_ROLE_LABELS[change.role]}`;
  return (
    <View className="history-item" id={`history-${change._id}`}>
      <Text className="history-when">
        {formatDateTime(change.at)} · {change.actor.name}
      </Text>
      <Text className="history-what">
        {KIND_LABELS[change.kind]}
        {post}
      </Text>
      <View className="history-change">
        {change.kind !== 'add' ? <Text className="history-before">原来：{who(change.before)}</Text> : null}
        {change.kind !== 'remove' ? (
          <Text className="history-after">
            <Text className="history-arrow">→ </Text>
            {change.kind === 'add' ? '新增：' : '换成：'}
            {who(change.after)}
          </Text>
        ) : (
          <Text className="history-after">
            <Text className="history-arrow">→ </Text>已移除，岗位空缺
          </Text>
        )}
      </View>
    </View>
  );
}
