import { Text, View } from '@tarojs/components';
import type { BookingView } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError } from '../../../components/states';
import { StatusTag } from '../../../features/booking/booking-summary';
import { spacedCode, whenLabel } from '../../../features/booking/format';
import { useMyBookings } from '../../../features/booking/use-my-bookings';
import { goTo, switchTab } from '../../../services/routes';
import '../../../features/booking/booking.css';

const open = (b: BookingView) => goTo('booking/detail', { id: b._id });

function BookingRow({ booking }: { booking: BookingView }) {
  return (
    <View className="booking-item" id={`booking-${booking.code}`} onClick={open(booking)}>
      <View className="row">
        <StatusTag booking={booking} />
        {booking.source === 'waitlist' ? <Text className="tag tag-ok">候补约上</Text> : null}
      </View>
      <Text className="booking-item-when">{whenLabel(booking)}</Text>
      <Text className="block">{booking.serviceName}</Text>
      {booking.proxyLine ? <Text className="block muted booking-item-proxy">{booking.proxyLine}</Text> : null}
      <Text className="block muted">预约码 {spacedCode(booking.code)} · 点开看二维码 ›</Text>
    </View>
  );
}

export default function MyBookingsPage() {
  const { mine, upcoming, past, waitlist, leave, leaving, error } = useMyBookings();
  return (
    <Loaded what={mine} shell errorId="mine-error" loadingId="mine-loading">
      {() => (
        <PageShell id="my-bookings">
          <Section title="即将到来" id="mine-upcoming">
            {upcoming.length === 0 ? (
              <EmptyState text="现在没有预约。">
                <AppButton variant="secondary" onClick={() => void switchTab('services')}>
                  去便民服务预约
                </AppButton>
              </EmptyState>
            ) : (
              upcoming.map((b) => <BookingRow key={b._id} booking={b} />)
            )}
          </Section>
          {waitlist.length > 0 ? (
            <Section title="排队候补中" id="mine-waitlist">
              <FormError error={error} />
              {waitlist.map((e) => (
                <View key={e._id} className="booking-item waitlist-entry">
                  <Text className="booking-item-when">{whenLabel(e)}</Text>
                  <Text className="block">{e.serviceName}</Text>
                  <Text className="block strong accent-text waitlist-position">排第 {e.position} 位，有人取消会自动约给您</Text>
                  <View className="top-gap-small">
                    <AppButton small variant="plain" busy={leaving === e._id} onClick={() => void leave(e)}>
                      不排了
                    </AppButton>
                  </View>
                </View>
              ))}
            </Section>
          ) : null}
          {past.length > 0 ? (
            <Section title="以往预约" id="mine-past">
              {past.map((b) => (
                <BookingRow key={b._id} booking={b} />
              ))}
            </Section>
          ) : null}
        </PageShell>
      )}
    </Loaded>
  );
}
