import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type Service, type ServiceCategory, type ServiceInput } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Chips } from '../../components/choice';
import { FormError } from '../../components/states';
import { TextField } from '../../components/text-field';
import type { CloudError } from '../../services/cloud';
import { splitLines } from '../../services/format';

/** Every field of serviceInputSchema; starts from the service being edited, or blank. */
export function ServiceForm({
  service,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  service: Service | null;
  busy: boolean;
  error: CloudError | null;
  onCancel: () => void;
  onSubmit: (input: ServiceInput) => void;
}) {
  const [name, setName] = useState(service?.name ?? '');
  const [category, setCategory] = useState<ServiceCategory>(service?.category ?? 'convenience');
  const [description, setDescription] = useState(service?.description ?? '');
  const [materials, setMaterials] = useState(service ? service.materials.join('\n') : '');
  const [location, setLocation] = useState(service?.location ?? '');
  const [hours, setHours] = useState(service?.hours ?? '');
  const [contact, setContact] = useState(service?.contact ?? '');
  const [bookable, setBookable] = useState<'yes' | 'no'>(service?.bookable ? 'yes' : 'no');

  return (
    <View id="service-form" className="service-form">
      <Text className="h3 block">{service ? `修改：${service.name}` : '添加一项便民服务'}</Text>
      <View className="spacer" />
      <TextField id="form-service-name" label="服务名称" value={name} onChange={setName} placeholder="如：复印打印" maxlength={30} />
      <View className="field">
        <Text className="field-label">类别</Text>
        <Chips
          idPrefix="form-service-category"
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))}
          value={category}
          onChange={setCategory}
        />
      </View>
      <TextField
        id="form-service-description"
        label="服务说明"
        value={description}
        onChange={setDescription}
        multiline
        maxlength={300}
        placeholder="这项服务能帮居民办什么"
      />
      <TextField
        id="form-service-materials"
        label="所需材料（可不填）"
        value={materials}
        onChange={setMaterials}
        multiline
        placeholder={'每行写一项，例如：\n身份证原件\n户口本'}
        hint="每行写一项，最多 20 项。"
      />
      <TextField
        id="form-service-location"
        label="办理地点"
        value={location}
        onChange={setLocation}
        placeholder="如：社区党群服务中心一楼大厅"
        maxlength={60}
      />
      <TextField
        id="form-service-hours"
        label="办理时间"
        value={hours}
        onChange={setHours}
        placeholder="如：工作日 8:30–17:00"
        maxlength={60}
      />
      <TextField
        id="form-service-contact"
        label="联系方式"
        value={contact}
        onChange={setContact}
        placeholder="如：024-88886666 王老师"
        maxlength={40}
      />
      <View className="field">
        <Text className="field-label">能否预约</Text>
        <Chips
          idPrefix="form-service-bookable"
          options={[
            { value: 'yes', label: '可预约' },
            { value: 'no', label: '不需预约' },
          ]}
          value={bookable}
          onChange={setBookable}
        />
      </View>
      <FormError error={error} />
      <View className="btn-row">
        <AppButton id="btn-cancel-service" variant="plain" onClick={onCancel}>
          取消
        </AppButton>
        <AppButton
          id="btn-save-service"
          busy={busy}
          onClick={() =>
            onSubmit({
              name,
              category,
              description,
              materials: splitLines(materials),
              location,
              hours,
              contact,
              bookable: bookable === 'yes',
            })
          }
        >
          保存
        </AppButton>
      </View>
    </View>
  );
}
