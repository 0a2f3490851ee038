import { Text, View } from '@tarojs/components';
import { formatShanghai, SATISFACTION_LABELS, SATISFACTIONS } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { TextField } from '../../components/text-field';
import type { StepFormProps } from './step-props';
import { useRateForm } from './use-rate-form';

/** 评价: whether it was solved and how satisfied the resident is; 不满意 reopens it one level up. */
export function RateForm({ r, onDone }: StepFormProps) {
  const f = useRateForm(r, onDone);
  return (
    <Section id="rate" title="请您评价">
      {r.autoCloseAt ? (
        <Text className="muted block">{formatShanghai(r.autoCloseAt, 'M月D日')} 前没有评价的，会自动办结（不算满意）。</Text>
      ) : null}
      <Text className="h3 block top-gap-small">问题解决了吗？</Text>
      <View className="big-choice top-gap-small">
        <Text id="solved-yes" className={`chip ${f.solved === true ? 'chip-selected' : ''}`} onClick={() => f.setSolved(true)}>
          已解决
        </Text>
        <Text id="solved-no" className={`chip ${f.solved === false ? 'chip-selected' : ''}`} onClick={() => f.setSolved(false)}>
          没解决
        </Text>
      </View>
      <Text className="h3 block top-gap">您对办理满意吗？</Text>
      <View className="big-choice top-gap-small">
        {SATISFACTIONS.map((s) => (
          <Text
            key={s}
            id={`satisfaction-${s}`}
            className={`chip ${f.satisfaction === s ? 'chip-selected' : ''}`}
            onClick={() => f.setSatisfaction(s)}
          >
            {SATISFACTION_LABELS[s]}
          </Text>
        ))}
      </View>
      {f.satisfaction === 'unsatisfied' ? (
        <Text className="muted block top-gap-small">选“不满意”会重新办理，并上报上一级督办。</Text>
      ) : null}
      <View className="top-gap-small">
        <TextField id="input-comment" label="想说的话（可以不写）" value={f.comment} onChange={f.setComment} maxlength={200} />
      </View>
      <FormError error={f.error} />
      <AppButton id="btn-rate" busy={f.busy} onClick={() => void f.submit()}>
        提交评价
      </AppButton>
    </Section>
  );
}
