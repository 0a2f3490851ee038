import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PlaceSummary } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { PrivacyNote } from '../../components/privacy-note';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { FormError, Notice } from '../../components/states';
import { PhoneField } from '../../components/phone-field';
import { TextField } from '../../components/text-field';
import { useBindingForm } from '../../features/identity/use-binding-form';
import { loadMeOrNull } from '../../features/identity/me-store';
import { CompoundSearch, type CompoundHit } from '../../features/places/compound-search';
import { PlaceDrillView } from '../../features/places/place-drill-view';
import { usePlaceDrill } from '../../features/places/use-place-drill';
import { useAsync } from '../../hooks/use-async';
import { switchTab } from '../../services/routes';

const backToMe = () => void switchTab('me');

export default function BindPage() {
  const me = useAsync(() => loadMeOrNull(), []);
  const [compound, setCompound] = useState<CompoundHit | null>(null);
  const roots: PlaceSummary[] | null = compound
    ? [{ _id: compound._id, kind: 'compound', name: compound.name, fullName: compound.fullName, parentId: null }]
    : null;
  const drill = usePlaceDrill(roots, 'household', { autoPickSingle: true });
  const form = useBindingForm();

  return (
    <Loaded what={me} onlyFresh shell>
      {(current) => {
        const done = form.submitted;
        if (done) {
          return (
            <PageShell>
              <Section id="bind-done" title="已提交，待社区审核">
                <Text className="h3 block" id="bind-done-household">
                  {done.householdName}
                </Text>
                <Text className="block top-gap-small">
                  社区工作人员核对后会通过您的申请。通过后，打开小程序就能直接看到您小区的联系卡。
                </Text>
                <View className="top-gap">
                  <AppButton id="btn-back-me" onClick={backToMe}>
                    回到“我的”
                  </AppButton>
                </View>
              </Section>
            </PageShell>
          );
        }
        if (current?.household) {
          return (
            <PageShell>
              <Section id="bind-already" title="您已经绑定了住址">
                <Text className="h3 block">{current.household.fullName}</Text>
                <Text className="muted block top-gap-small">如果搬了家，请联系社区工作人员更改。</Text>
                <View className="top-gap">
                  <AppButton onClick={backToMe}>回到“我的”</AppButton>
                </View>
              </Section>
            </PageShell>
          );
        }
        if (current?.binding?.status === 'pending') {
          return (
            <PageShell>
              <Section id="bind-pending" title="待社区审核">
                <Text className="h3 block">{current.binding.householdName}</Text>
                <Text className="block top-gap-small">您的申请已经提交，正在等社区工作人员审核，不用重复提交。</Text>
                <View className="top-gap">
                  <AppButton onClick={backToMe}>回到“我的”</AppButton>
                </View>
              </Section>
            </PageShell>
          );
        }

        return (
          <PageShell>
            <Notice tone="info">
              <Text>按顺序选：小区 → 楼栋 → 单元 → 门牌号，再填写姓名和联系电话（手机或座机）。社区工作人员核对后就绑定好了。</Text>
            </Notice>
            {current?.binding?.status === 'rejected' ? (
              <Notice tone="warn" id="bind-rejected">
                <Text>
                  上次申请（{current.binding.householdName}）没有通过{current.binding.reason ? `：${current.binding.reason}` : ''}
                  。请核对后重新申请。
                </Text>
              </Notice>
            ) : null}
            <Section title="第一步：选择住址" id="bind-place">
              {compound ? (
                <View className="tap-row drill-step" id="bind-compound">
                  <View className="tap-row-main">
                    <Text className="tap-row-sub">小区</Text>
                    <Text className="tap-row-title">{compound.name}</Text>
                  </View>
                  <View className="chip drill-redo" id="btn-rechoose-compound" onClick={() => setCompound(null)}>
                    <Text>重选</Text>
                  </View>
                </View>
              ) : (
                <CompoundSearch onPick={setCompound} />
              )}
              {compound ? (
                <PlaceDrillView drill={drill} hideFirstStep emptyText="这个小区还没有录入楼栋和门牌，请联系社区工作人员。" />
              ) : null}
            </Section>
            {drill.done ? (
              <Section title="第二步：填写本人信息" id="bind-person">
                <TextField
                  id="form-name"
                  label="姓名"
                  value={form.name}
                  onChange={form.setName}
                  placeholder="请填写真实姓名"
                  maxlength={20}
                />
                <PhoneField id="form-phone" value={form.phone} onChange={form.setPhone} hint="只给社区工作人员核对身份用，不会公开。" />
                <PrivacyNote id="bind-privacy" purpose="姓名、手机号和门牌只用于社区核对您是这户的住户。" />
                <FormError error={form.error} />
                <AppButton id="btn-submit-binding" busy={form.busy} onClick={() => drill.done && void form.submit(drill.done)}>
                  {form.busy ? '正在提交…' : '提交申请'}
                </AppButton>
              </Section>
            ) : null}
          </PageShell>
        );
      }}
    </Loaded>
  );
}
