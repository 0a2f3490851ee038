import { Text } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { callCloud } from '../../services/cloud';
import type { StepFormProps } from './step-props';
import { useRequestStep } from './use-request-step';

/** 受理: the deadline starts counting. */
export function AcceptForm({ r, onDone, onWork }: StepFormProps) {
  const step = useRequestStep();
  const accept = async () => {
    onWork?.();
    const done = await step.run(() => callCloud('requests', 'accept', { requestId: r.id }));
    if (done) onDone(done);
  };
  return (
    <Section id="accept" title="受理">
      <Text className="block">受理后就开始计算办理期限。</Text>
      <FormError error={step.error} />
      <AppButton id="btn-accept" busy={step.busy} onClick={() => void accept()}>
        受理
      </AppButton>
    </Section>
  );
}
