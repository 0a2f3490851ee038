import { View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { PhoneLink } from '../../components/phone-link';
import type { ErrorLike } from '../../services/error-copy';
import { goTo } from '../../services/routes';

const detailText = (error: ErrorLike, key: string): string | null => {
  const details = error.details !== null && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : {};
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/**
 * What a resident can actually do after a booking was refused, from the refusal's details: open
 * the booking they already hold (when another page showed the refusal), and call the hall.
 */
export function RefusalActions({ error, currentBookingId }: { error: ErrorLike | null | undefined; currentBookingId?: string }) {
  if (!error) return null;
  const bookingId = detailText(error, 'bookingId');
  const phone = detailText(error, 'phone');
  const openBooking = bookingId && bookingId !== currentBookingId ? bookingId : null;
  if (!openBooking && !phone) return null;
  return (
    <View id="refusal-actions" className="stack">
      {openBooking ? (
        <AppButton id="btn-open-held-booking" variant="secondary" onClick={goTo('booking/detail', { id: openBooking })}>
          查看已约的这次
        </AppButton>
      ) : null}
      {phone ? <PhoneLink phone={phone} label="打电话给社区" className="refusal-phone" /> : null}
    </View>
  );
}
