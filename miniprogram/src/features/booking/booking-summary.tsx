import { Text, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, type BookingView } from '@linli/shared';
import { LabelLine } from '../../components/section';
import { shortTime, whenLabel } from './format';

const STATUS_TONE: Record<BookingView['status'], string> = { booked: 'tag-accent', checkedIn: 'tag-ok', noShow: 'tag-warn', cancelled: '' };

export function StatusTag({ booking }: { booking: Pick<BookingView, 'status'> }) {
  return (
    <Text className={`tag booking-status ${STATUS_TONE[booking.status]}`} data-status={booking.status}>
      {BOOKING_STATUS_LABELS[booking.status]}
    </Text>
  );
}

/** What, when and where of a booking, in the order a resident asks. */
export function BookingSummary({ booking }: { booking: BookingView }) {
  return (
    <View className="booking-summary">
      <LabelLine label="服务">
        <Text id="booking-service">{booking.serviceName}</Text>
      </LabelLine>
      <LabelLine label="时间">
        <Text id="booking-when" className="strong">
          {whenLabel(booking)}
        </Text>
      </LabelLine>
      <LabelLine label="地点">
        <Text>{booking.location}</Text>
      </LabelLine>
      {booking.servedBy ? (
        <LabelLine label="接待">
          <Text>{booking.servedBy}</Text>
        </LabelLine>
      ) : null}
      <LabelLine label="预约人">
        <Text>
          {booking.name} {booking.phone}
        </Text>
        {booking.proxyLine ? (
          <Text className="block muted" id="booking-proxy-line">
            {booking.proxyLine}
          </Text>
        ) : null}
      </LabelLine>
      {booking.note ? (
        <LabelLine label="备注">
          <Text>{booking.note}</Text>
        </LabelLine>
      ) : null}
      {booking.status === 'checkedIn' && booking.checkedInAt ? (
        <LabelLine label="签到">
          <Text>{shortTime(booking.checkedInAt)}</Text>
        </LabelLine>
      ) : null}
    </View>
  );
}
