import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { whenLabel } from '../../../features/booking/format';
import { useCheckIn } from '../../../features/booking/use-check-in';
import '../../../features/booking/booking.css';

export default function CheckInPage() {
  const c = useCheckIn(null);
  return (
    <PageShell id="booking-check-in">
      {c.last ? (
        <Notice tone="ok" id="check-in-done">
          <Text className="h3 block">签到成功：{c.last.name}</Text>
          <Text className="block">
            {c.last.serviceName} · {whenLabel(c.last)}
          </Text>
          {c.last.note ? <Text className="block">备注：{c.last.note}</Text> : null}
        </Notice>
      ) : null}
      {c.canScan ? (
        <AppButton id="btn-scan" onClick={c.scan} busy={c.busy}>
          扫居民的二维码
        </AppButton>
      ) : null}
      <Section title={c.canScan ? '或者输入预约码' : '输入预约码'}>
        <View className="checkin-input">
          <TextField
            id="check-in-code"
            label="6 位预约码（字母不分大小写）"
            value={c.code}
            onChange={c.setCode}
            placeholder="如 K7M 2QX"
            maxlength={9}
          />
        </View>
        <FormError error={c.error} />
        <AppButton id="btn-check-in" busy={c.busy} onClick={c.submit}>
          签到
        </AppButton>
      </Section>
    </PageShell>
  );
}
