import { View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { PhoneLink } from '../../components/phone-link';
import { detailsOf, type ErrorCode } from '@linli/shared';
import type { ErrorLike } from '../../services/error-copy';
import { goTo } from '../../services/routes';

/** The booking a refusal names and the hall's phone, as the refusal's code carries them (shared/'s ERROR_DETAILS). */
const refusalOf = (error: ErrorLike): { bookingId?: string; phone?: string | null } =>
  (detailsOf(error.code as ErrorCode, error.details) as { bookingId?: string; phone?: string | null } | null) ?? {};

/**
 * What a resident can actually do after a booking was refused, from the refusal's details: open
 * the booking they already hold (when another page showed the refusal), and call the hall.
 */
export function RefusalActions({ error, currentBookingId }: { error: ErrorLike | null | undefined; currentBookingId?: string }) {
  if (!error) return null;
  const { bookingId = null, phone = null } = refusalOf(error);
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
