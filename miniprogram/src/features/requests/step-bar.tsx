import { Text, View } from '@tarojs/components';
import { REQUEST_STEP_LABELS, REQUEST_STEPS, type RequestStep } from '@linli/shared';
import './requests.css';

/**
 * The eight steps (发现 受理 分流 处置 跟踪 督办 反馈 评价). 督办 lights up only when the request
 * was escalated; the others are done up to the current one.
 */
export function StepBar({ step, escalated }: { step: RequestStep | 'done'; escalated: boolean }) {
  const current = step === 'done' ? REQUEST_STEPS.length : REQUEST_STEPS.indexOf(step);
  return (
    <View className="steps" id="request-steps">
      {REQUEST_STEPS.map((s, i) => {
        const state = s === 'supervise' ? (escalated ? 'step-now' : '') : i < current ? 'step-done' : i === current ? 'step-now' : '';
        return (
          <View key={s} className={`step ${state}`}>
            <View className="step-dot" />
            <Text>{REQUEST_STEP_LABELS[s]}</Text>
          </View>
        );
      })}
    </View>
  );
}
