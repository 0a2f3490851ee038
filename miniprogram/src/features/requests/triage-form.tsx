import { Text, View } from '@tarojs/components';
import { TRIAGE_LABELS, TRIAGE_TRACKS } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Chips, ChoiceList } from '../../components/choice';
import { Section } from '../../components/section';
import { FormError, LoadingState } from '../../components/states';
import { TextField } from '../../components/text-field';
import type { StepFormProps } from './step-props';
import { ToggleRow } from './toggle-row';
import { useTriageForm } from './use-triage-form';

/** 分流（三事分流）, or 改派 while it is being handled. */
export function TriageForm({ r, onDone, onWork }: StepFormProps) {
  const f = useTriageForm(r, onDone, onWork);
  if (!f.unfolded)
    return (
      <Section id="triage">
        <AppButton id="btn-reassign" variant="plain" onClick={f.unfold}>
          改派给别人办理
        </AppButton>
      </Section>
    );
  return (
    <Section id="triage" title={r.status === 'handling' ? '改派' : '分流（三事分流）'}>
      <Chips
        idPrefix="track"
        value={f.track}
        onChange={f.setTrack}
        options={TRIAGE_TRACKS.map((t) => ({ value: t, label: TRIAGE_LABELS[t].label }))}
      />
      <Text className="muted block top-gap-small">{TRIAGE_LABELS[f.track].hint}</Text>
      {f.track === 'private' ? (
        <TextField
          id="input-guidance"
          label="给居民的办理指引"
          multiline
          value={f.guidance}
          onChange={f.setGuidance}
          maxlength={300}
          placeholder="例如：请与楼上邻居协商；也可拨打物业电话 024-88881000"
        />
      ) : (
        <>
          <Text className="h3 block top-gap">交给谁办理？</Text>
          {f.candidates.state.status === 'loading' ? <LoadingState /> : null}
          <ChoiceList options={f.options} selectedId={f.handler} onSelect={(o) => f.setHandler(o.id)} className="handler-list" />
          {r.tier === 'general' || r.tier === 'utility' ? (
            <View className="top-gap-small">
              <ToggleRow id="toggle-complex" on={f.complex} onChange={f.setComplex} title="复杂事项" sub="期限改为受理后 15 个工作日" />
            </View>
          ) : null}
        </>
      )}
      <FormError error={f.error} />
      <View className="top-gap-small">
        <AppButton id="btn-triage" busy={f.busy} disabled={!f.canSubmit} onClick={() => void f.submit()}>
          确定分流
        </AppButton>
      </View>
    </Section>
  );
}
