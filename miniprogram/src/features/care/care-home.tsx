import { Text, View } from '@tarojs/components';
import type { Card } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { PhoneLink } from '../../components/phone-link';
import { goTo, switchTab } from '../../services/routes';
import './care.css';

/** The card's 小区点长 (the first listed), the one person a resident calls first. */
export const pointLeaderOf = (card: Card) => card.groups.find((g) => g.role === 'pointLeader')?.members[0] ?? null;

/**
 * 关怀模式's simple home, above the full card: three large buttons and nothing else to read.
 * 反映问题 opens the report form for the resident's own compound; for any other compound it
 * opens 诉求, which says how to bind an address first.
 */
export function CareHome({ card, isOwn }: { card: Card; isOwn: boolean }) {
  const leader = pointLeaderOf(card);
  return (
    <View className="care-home" id="care-home" role="region" aria-label="关怀模式：常用三件事">
      {leader ? (
        <PhoneLink phone={leader.phone} label={`打电话给小区点长 ${leader.name}`} className="care-home-call" />
      ) : (
        <View className="care-home-missing" id="care-home-no-leader">
          <Text>小区点长还没有登记。有急事请拨打下方其他人的电话，或到社区服务大厅。</Text>
        </View>
      )}
      <AppButton
        id="care-home-report"
        className="care-home-button"
        variant="secondary"
        onClick={isOwn ? goTo('request/report', { compoundId: card.compound._id }) : () => void switchTab('requests')}
      >
        反映问题
      </AppButton>
      <AppButton id="care-home-notices" className="care-home-button" variant="secondary" onClick={() => void switchTab('notices')}>
        看通知
      </AppButton>
    </View>
  );
}
