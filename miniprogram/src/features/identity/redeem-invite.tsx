import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS, type Grant } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { LinkRow } from '../../components/choice';
import { Section } from '../../components/section';
import { FormError, Notice } from '../../components/states';
import { TextField } from '../../components/text-field';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';

/** 输入邀请码: how 三长五员 and staff receive their role (identity.redeemInvite). */
export function RedeemInvite({ defaultName, onRedeemed }: { defaultName: string; onRedeemed: (grant: Grant) => void }) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const [granted, setGranted] = useState<Grant | null>(null);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { grant } = await callCloud('identity', 'redeemInvite', { code, name });
      setGranted(grant);
      setCode('');
      setOpen(false);
      onRedeemed(grant);
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="me-invite" title="邀请码">
      {granted ? (
        <Notice tone="ok" id="redeem-result">
          <Text>
            已成为{ROLE_LABELS[granted.role]}（{granted.placeName}）。
          </Text>
        </Notice>
      ) : null}
      {!open ? (
        <LinkRow id="btn-open-invite" title="输入邀请码" sub="三长五员、社区工作人员收到邀请码后在这里输入" onClick={() => setOpen(true)} />
      ) : (
        <View className="invite-form">
          <TextField
            id="invite-code"
            label="邀请码（8 位）"
            value={code}
            onChange={(v) => setCode(v.toUpperCase())}
            placeholder="例如 K7M3Q9XA"
            maxlength={8}
          />
          <TextField id="invite-name" label="您的姓名" value={name} onChange={setName} placeholder="请填写真实姓名" maxlength={20} />
          <FormError error={error} />
          <View className="btn-row">
            <AppButton id="btn-cancel-invite" variant="plain" onClick={() => setOpen(false)}>
              取消
            </AppButton>
            <AppButton id="btn-redeem" busy={busy} onClick={() => void submit()}>
              确认
            </AppButton>
          </View>
        </View>
      )}
    </Section>
  );
}
