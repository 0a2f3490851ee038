import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { FormError, Notice } from '../../../components/states';
import { allowLabel, grantStatus } from '../../../features/notices/grant-text';
import { useSubscriptions } from '../../../features/notices/use-subscriptions';
import '../../../features/notices/notices.css';

/** Which WeChat messages the resident allows, and how many are left of each. */
export default function SubscriptionsPage() {
  const { list, items, busy, error, allowOneMore, setOff } = useSubscriptions('resident');
  return (
    <Loaded what={list} shell pick={() => items}>
      {(items) => (
        <PageShell id="subscriptions-page">
          <Notice tone="info">
            <Text>
              {items.some((s) => !s.longTerm)
                ? '微信规定：您每“允许”一次，我们才能给您发一条提醒。次数用完了，再点一次“允许提醒”就行。'
                : '开启一次，以后每次都会提醒您；不想要了可以随时关闭。'}
              通知本身随时都能在“通知”里看到。
            </Text>
          </Notice>
          {items.map((s) => (
            <View key={s.template} id={`subscription-${s.template}`} className="card">
              <Text className="h3 block">{s.label}</Text>
              <Text className="muted block">{s.description}</Text>
              <Text className={`block top-gap-small ${grantStatus(s).none ? 'accent-text' : ''}`} data-remaining={s.remaining}>
                {grantStatus(s).text}
              </Text>
              <View className="btn-row top-gap">
                <AppButton
                  small
                  busy={busy === s.template}
                  disabled={s.longTerm && s.remaining > 0 && !s.off}
                  onClick={() => void allowOneMore(s.template)}
                >
                  {allowLabel(s)}
                </AppButton>
                <AppButton small variant="plain" disabled={busy === s.template} onClick={() => void setOff(s.template, !s.off)}>
                  {s.off ? '打开提醒' : '关闭提醒'}
                </AppButton>
              </View>
            </View>
          ))}
          <FormError error={error} />
        </PageShell>
      )}
    </Loaded>
  );
}
