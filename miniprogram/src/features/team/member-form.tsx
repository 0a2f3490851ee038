import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TEAM_ROLE_HINTS, TEAM_ROLE_LABELS, type TeamMember, type TeamPerson, type TeamRole } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Chips } from '../../components/choice';
import { FormError } from '../../components/states';
import { PhoneField } from '../../components/phone-field';
import { TextField } from '../../components/text-field';
import { splitLines } from '../../services/format';
import type { CloudError } from '../../services/cloud';

export type MemberFormMode = { kind: 'add'; role: TeamRole } | { kind: 'replace'; member: TeamMember };

/**
 * Who fills a post: name, phone, duty hours, what they help with, and a short title.
 * Replacing keeps the post's duty hours and services as a start: the post stays the same, the person changes.
 */
export function MemberForm({
  mode,
  checkpoints,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  mode: MemberFormMode;
  checkpoints: readonly string[];
  busy: boolean;
  error: CloudError | null;
  onCancel: () => void;
  onSubmit: (person: TeamPerson, checkpoint: string | undefined) => void;
}) {
  const role = mode.kind === 'add' ? mode.role : mode.member.role;
  const previous = mode.kind === 'replace' ? mode.member : null;
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [title, setTitle] = useState(previous?.title ?? '');
  const [dutyHours, setDutyHours] = useState(previous?.dutyHours ?? '');
  const [services, setServices] = useState(previous ? previous.services.join('\n') : '');
  const [checkpoint, setCheckpoint] = useState<string | null>(null);
  const needsCheckpoint = mode.kind === 'add' && role === 'checkpointGuard';

  const submit = () => {
    const person: TeamPerson = { name, phone, dutyHours, services: splitLines(services) };
    if (title.trim()) person.title = title;
    onSubmit(person, needsCheckpoint ? (checkpoint ?? undefined) : undefined);
  };

  return (
    <View id="member-form" className="member-form">
      <Text className="h3 block">{previous ? `更换${TEAM_ROLE_LABELS[role]}：${previous.name}` : `添加${TEAM_ROLE_LABELS[role]}`}</Text>
      <Text className="muted block form-role-hint">{TEAM_ROLE_HINTS[role]}</Text>
      {previous ? <Text className="muted block">保存后，联系卡上的 {previous.name} 会换成新填的人。</Text> : null}
      {needsCheckpoint ? (
        <View className="field">
          <Text className="field-label">负责的卡口</Text>
          {checkpoints.length === 0 ? (
            <Text className="muted block">这个小区还没有登记卡口，请先联系管理员登记。</Text>
          ) : (
            <Chips
              idPrefix="form-checkpoint"
              options={checkpoints.map((c) => ({ value: c, label: c }))}
              value={checkpoint}
              onChange={setCheckpoint}
            />
          )}
        </View>
      ) : null}
      <TextField id="form-name" label="姓名" value={name} onChange={setName} placeholder="新人员的姓名" maxlength={20} />
      <PhoneField id="form-phone" label="电话" value={phone} onChange={setPhone} />
      <TextField
        id="form-title"
        label="身份说明（可不填）"
        value={title}
        onChange={setTitle}
        placeholder="如：市级下沉干部、3号楼楼栋长"
        maxlength={30}
      />
      <TextField
        id="form-duty"
        label="值班时间"
        value={dutyHours}
        onChange={setDutyHours}
        placeholder="如：工作日 8:30–17:30，急事 24 小时"
        maxlength={40}
      />
      <TextField
        id="form-services"
        label="服务内容"
        value={services}
        onChange={setServices}
        multiline
        placeholder={'每行写一项，例如：\n诉求受理与转办\n矛盾纠纷调解'}
        hint="每行写一项，最多 10 项，每项不超过 30 个字。"
      />
      <FormError error={error} />
      <View className="btn-row">
        <AppButton id="btn-cancel-member" variant="plain" onClick={onCancel}>
          取消
        </AppButton>
        <AppButton id="btn-save-member" busy={busy} onClick={submit}>
          保存
        </AppButton>
      </View>
    </View>
  );
}
