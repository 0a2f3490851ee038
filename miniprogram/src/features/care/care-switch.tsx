import { Text } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { useCareMode } from './care-mode';
import './care.css';

/** On 我的: 关怀模式 on or off, with what it does; the choice is remembered for this person. */
export function CareSwitch() {
  const care = useCareMode();
  const state = care.on
    ? care.chosen
      ? '已开启：字更大、按钮更大、颜色更清楚，联系卡上方有三个大按钮。'
      : '已自动开启，因为您把手机上的字体设得较大。不需要可以点下方按钮关闭。'
    : '开启后字更大、按钮更大、颜色更清楚，联系卡上方有“打电话给小区点长”“反映问题”“看通知”三个大按钮。';
  return (
    <Section id="care-switch" title="关怀模式（大字版）">
      <Text className="care-switch-state" id="care-switch-state">
        {state}
      </Text>
      <AppButton id="btn-care-mode" variant={care.on ? 'plain' : 'primary'} onClick={() => care.set(!care.on)}>
        {care.on ? '关闭关怀模式' : '开启关怀模式'}
      </AppButton>
    </Section>
  );
}
