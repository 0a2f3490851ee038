import { Text, View } from '@tarojs/components';
import { CATEGORY_CONFIG } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { TextField } from '../../components/text-field';
import { PhotoPicker } from './photo-picker';
import type { StepFormProps } from './step-props';
import { useProgressForm } from './use-progress-form';

/** 处置/跟踪: tell the resident how it is going, from a quick reply or in one's own words. */
export function ProgressForm({ r, onDone }: StepFormProps) {
  const f = useProgressForm(r, onDone);
  return (
    <Section id="progress" title="告诉居民进展">
      <Text className="muted block">点一句常用回复，再按需修改：</Text>
      <View className="row-wrap top-gap-small">
        {CATEGORY_CONFIG[r.category].quickReplies.map((q, i) => (
          <Text key={q} id={`quick-${i}`} className="chip" onClick={() => f.setText(q)}>
            {q}
          </Text>
        ))}
      </View>
      <View className="top-gap-small">
        <TextField id="input-progress" label="进展" multiline value={f.text} onChange={f.setText} maxlength={300} />
        <PhotoPicker photos={f.photos} onChange={f.setPhotos} />
      </View>
      <FormError error={f.error} />
      <AppButton id="btn-progress" variant="secondary" busy={f.busy} onClick={() => void f.send()}>
        发送进展
      </AppButton>
    </Section>
  );
}
