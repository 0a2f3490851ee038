import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Grant } from '@linli/shared';
import { Section } from '../../components/section';
import { formatDate } from '../../services/format';

export function GrantList({ grants }: { grants: readonly Grant[] }) {
  if (grants.length === 0) return null;
  return (
    <Section id="me-grants" title="我的身份">
      {grants.map((g) => (
        <View key={`${g.role}-${g.placeId}`} className="tap-row grant-item" id={`grant-${g.role}-${g.placeId}`}>
          <View className="tap-row-main">
            <Text className="tap-row-title grant-role">{ROLE_LABELS[g.role]}</Text>
            <Text className="tap-row-sub grant-place">
              {g.placeName} · {formatDate(g.grantedAt)}起
            </Text>
          </View>
        </View>
      ))}
    </Section>
  );
}
