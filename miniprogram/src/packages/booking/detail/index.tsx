import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { BookingSummary, StatusTag } from '../../../features/booking/booking-summary';
import { shortTime, spacedCode } from '../../../features/booking/format';
import { QrCode } from '../../../features/booking/qr-code';
import { RefusalActions } from '../../../features/booking/refusal-actions';
import { useBookingDetail } from '../../../features/booking/use-booking-detail';
import { goTo, redirectTo } from '../../../services/routes';
import '../../../features/booking/booking.css';

export default function BookingDetailPage() {
  const { detail, fresh, moved, busy, error, justCancelled, cancel, move } = useBookingDetail();
  return (
    <Loaded what={detail} shell errorId="detail-error" pick={(d) => d.booking}>
      {(b) => {
        const live = b.status === 'booked';
        return (
          <PageShell id="booking-detail">
            {fresh && live ? (
              <Notice tone="ok" id="booking-done">
                <Text className="h3 block">预约成功</Text>
                <Text className="block">到了以后把下面的预约码给工作人员看，扫一下就签到了。</Text>
              </Notice>
            ) : null}
            {moved && live ? (
              <Notice tone="ok" id="booking-moved">
                <Text>已改约到新的时间，预约码不变。</Text>
              </Notice>
            ) : null}
            {justCancelled ? (
              <Notice tone="ok" id="booking-cancelled">
                <Text>已取消。名额已经让出来了，需要的话可以重新预约。</Text>
              </Notice>
            ) : null}
            {b.status === 'cancelled' && b.cancelReason ? (
              <Notice tone="warn" id="booking-cancel-reason">
                <Text>社区已取消这个预约：{b.cancelReason}。需要的话请换一天重新预约，给您带来不便请谅解。</Text>
              </Notice>
            ) : null}
            {b.source === 'waitlist' && live && !fresh ? (
              <Notice tone="ok" id="booking-from-waitlist">
                <Text>候补成功：有人取消，这个名额约给您了。去不了的话请点“取消预约”，让给下一位。</Text>
              </Notice>
            ) : null}
            <View className="card booking-code-box">
              <View className="row">
                <StatusTag booking={b} />
              </View>
              <Text className="muted block top-gap-small">预约码</Text>
              <Text id="booking-code" data-code={b.code} className={`booking-code ${live ? '' : 'booking-code-cancelled'}`}>
                {spacedCode(b.code)}
              </Text>
              {live ? <QrCode id="booking-qr" text={b.code} /> : null}
              {live ? <Text className="muted block">到服务大厅出示二维码，或念出预约码</Text> : null}
            </View>
            <Section title="预约信息">
              <BookingSummary booking={b} />
            </Section>
            <FormError error={error} />
            <RefusalActions error={error} currentBookingId={b._id} />
            {b.canChange ? (
              <View className="stack">
                <AppButton id="btn-move" variant="secondary" onClick={move}>
                  改约（换个时间）
                </AppButton>
                <AppButton id="btn-cancel-booking" variant="danger" busy={busy} onClick={() => void cancel()}>
                  {b.source === 'waitlist' ? '取消预约（让给下一位）' : '取消预约'}
                </AppButton>
                <Text className="muted block">{shortTime(b.changeUntil)}以前可以取消或改约。</Text>
              </View>
            ) : live ? (
              <Notice tone="warn" id="booking-locked">
                <Text className="block">
                  已经过了网上取消和改约的时间（{shortTime(b.changeUntil)}）。如果去不了或想换时间，请打电话
                  {b.hallPhone ? '：' : '告诉社区。'}
                </Text>
                {b.hallPhone ? <PhoneLink phone={b.hallPhone} label="打电话给社区" className="booking-locked-phone" /> : null}
              </Notice>
            ) : null}
            {!live ? (
              <AppButton id="btn-book-again" variant="secondary" onClick={goTo('booking/slots', { serviceId: b.serviceId })}>
                重新选时间预约
              </AppButton>
            ) : null}
            <View className="top-gap">
              <AppButton id="btn-my-bookings" variant="plain" onClick={() => void redirectTo('booking/mine')}>
                我的全部预约
              </AppButton>
            </View>
          </PageShell>
        );
      }}
    </Loaded>
  );
}
