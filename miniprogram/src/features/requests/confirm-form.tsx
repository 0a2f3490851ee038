import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { FormError } from '../../components/states';
import { callCloud } from '../../services/cloud';
import type { StepFormProps } from './step-props';
import { useRequestStep } from './use-request-step';

/** A private matter's guidance, acknowledged by the resident (or closed by itself at autoCloseAt). */
export function ConfirmForm({ r, onDone }: StepFormProps) {
  const step = useRequestStep();
  const confirm = async () => {
    const done = await step.run(() => callCloud('requests', 'confirm', { requestId: r.id }));
    if (done) onDone(done);
  };
  return (
    <View className="top-gap">
      {r.autoCloseAt ? (
        <Text className="muted block">{formatShanghai(r.autoCloseAt, 'M月D日 HH:mm')} 前没有回复的，会自动办结。</Text>
      ) : null}
      <FormError error={step.error} />
      <AppButton id="btn-confirm" busy={step.busy} onClick={() => void confirm()}>
        知道了，按指引办
      </AppButton>
    </View>
  );
}
