import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TeamMember } from '@linli/shared';
import { LabelLine } from '../../components/section';
import { PhoneLink } from '../../components/phone-link';

/** One person on the card: who they are, when they are on duty, what they help with, and a big call button. */
export function MemberItem({
  member,
  actions,
  below,
  showPhoneAs = 'button',
}: {
  member: TeamMember;
  actions?: ReactNode;
  below?: ReactNode;
  showPhoneAs?: 'button' | 'inline';
}) {
  return (
    <View className="team-member" id={`member-${member.id}`}>
      <View className="member-head">
        <Text className="member-name">{member.name}</Text>
        {member.title ? <Text className="member-title">{member.title}</Text> : null}
      </View>
      {member.checkpoint ? (
        <LabelLine label="值守卡口" className="member-checkpoint">
          <Text>{member.checkpoint}</Text>
        </LabelLine>
      ) : null}
      <LabelLine label="值班时间" className="member-duty">
        <Text>{member.dutyHours}</Text>
      </LabelLine>
      {member.services.length > 0 ? (
        <LabelLine label="服务内容" className="member-services">
          {member.services.map((s) => (
            <Text key={s} className="member-service block">
              · {s}
            </Text>
          ))}
        </LabelLine>
      ) : null}
      <PhoneLink phone={member.phone} className="member-phone" inline={showPhoneAs === 'inline'} label={`拨打 ${member.name}`} />
      {actions ? <View className="member-actions">{actions}</View> : null}
      {below}
    </View>
  );
}
