import { Text, View } from '@tarojs/components';
import { MAX_STORED_GRANTS, wantsAsking } from '@linli/shared';
import { AppButton } from '../../components/app-button';
import { Section } from '../../components/section';
import { FormError } from '../../components/states';
import { grantStatus } from '../notices/grant-text';
import type { useSubscriptions } from '../notices/use-subscriptions';

/**
 * On the workbench: how many WeChat messages about new, overdue and escalated requests the staff
 * member can still receive, per template, and the tap that allows more (WeChat's dialog).
 */
export function StaffGrants({ subs }: { subs: ReturnType<typeof useSubscriptions> }) {
  const items = subs.items;
  if (!items || items.length === 0) return null;
  const none = items.every((s) => grantStatus(s).none);
  const canAsk = items.some((s) => wantsAsking(s.template, s, MAX_STORED_GRANTS));
  const oneTime = items.some((s) => !s.longTerm);
  return (
    <Section id="staff-grants" title="微信提醒" extra={none ? <Text className="accent-text strong">未开启</Text> : undefined}>
      <Text className="muted block">
        {none ? '现在有新诉求、快超时或督办到您时，微信不会提醒您。' : '有新诉求、快超时或督办到您时，在微信里提醒您。'}
        {oneTime ? '微信规定：每点一次“允许”，每类提醒多一条；受理、分流、办结时也会请您允许。' : ''}
      </Text>
      {items.map((s) => (
        <View key={s.template} id={`grant-${s.template}`} className="grant-row" data-remaining={s.remaining}>
          <Text className="grant-label">{s.label}</Text>
          <Text className={`grant-status ${grantStatus(s).none ? 'accent-text' : ''}`}>{grantStatus(s).text}</Text>
        </View>
      ))}
      {canAsk ? (
        <View className="top-gap-small">
          <AppButton id="btn-allow-staff" small busy={subs.busy !== null} onClick={() => void subs.allowMore()}>
            {none ? '允许微信提醒' : '再多允许几条'}
          </AppButton>
        </View>
      ) : null}
      <FormError error={subs.error} />
    </Section>
  );
}
