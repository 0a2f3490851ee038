import { Text } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { TextField } from '../../components/text-field';
import { PhotoPicker } from './photo-picker';
import type { StepFormProps } from './step-props';
import { useResolveForm } from './use-resolve-form';

/** 反馈: what was done; the resident is then asked to rate it. */
export function ResolveForm({ r, onDone, onWork }: StepFormProps) {
  const f = useResolveForm(r, onDone, onWork);
  return (
    <Section id="resolve" title="办结反馈">
      <TextField
        id="input-result"
        label="办理结果"
        multiline
        value={f.result}
        onChange={f.setResult}
        maxlength={300}
        placeholder="例如：楼道灯已更换，恢复照明"
      />
      <PhotoPicker photos={f.photos} onChange={f.setPhotos} />
      <Text className="muted block">反馈后请居民评价；7 天内没有评价的自动办结。</Text>
      <FormError error={f.error} />
      <AppButton id="btn-resolve" busy={f.busy} onClick={() => void f.submit()}>
        办结反馈
      </AppButton>
    </Section>
  );
}
