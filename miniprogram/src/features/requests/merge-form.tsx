import { View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError, LoadingState, Notice } from '../../components/states';
import { RequestItem } from './request-item';
import type { StepFormProps } from './step-props';
import { useMergeForm } from './use-merge-form';

/** 合并: a duplicate of another request of the same compound and category goes into it. */
export function MergeForm({ r, onDone }: StepFormProps) {
  const f = useMergeForm(r, onDone);
  return (
    <Section id="merge" title="重复的诉求？">
      {!f.open ? (
        <AppButton id="btn-find-duplicates" variant="plain" onClick={f.show}>
          找同小区同类的诉求，合并办理
        </AppButton>
      ) : (
        <>
          {f.similar.state.status === 'loading' ? <LoadingState /> : null}
          {f.similar.state.status === 'ok' && f.others.length === 0 ? <Notice tone="info">没有可以合并的诉求。</Notice> : null}
          {f.others.map((o) => (
            <View key={o.id} className="top-gap-small">
              <RequestItem request={o} onClick={() => undefined} />
              <AppButton id={`btn-merge-into-${o.id}`} variant="secondary" busy={f.busy} onClick={() => void f.merge(o.id)}>
                把这件并入它
              </AppButton>
            </View>
          ))}
          <FormError error={f.error} />
        </>
      )}
    </Section>
  );
}
