import { bookingMessageData, MESSAGE_PAGES, type Booking, type BookingMessageKind } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { enqueueQuietly, type OutgoingMessage } from '../notifications/message-outbox';

/** The booking's page in the app, where the code and QR code are. */
export const bookingPage = MESSAGE_PAGES.booking;

/**
 * A 预约提醒 message about a booking. The id names the booking, the kind and the start time (a
 * moved booking keeps its id and is reminded again for its new time), so queueing the same
 * reminder twice writes it once.
 */
export const bookingMessage = (booking: Booking, kind: BookingMessageKind): OutgoingMessage => ({
  id: `${booking._id}:${kind}:${Date.parse(booking.startAt)}:${booking.openid}`,
  toOpenid: booking.openid,
  template: 'bookingReminder',
  page: bookingPage(booking._id),
  data: bookingMessageData(booking, kind),
});

/**
 * Queues a 预约提醒 message about a booking (the `messages` timer sends it through the resident's
 * grant). Best effort, after the write: a message that cannot be queued never undoes or fails the booking.
 */
export function notifyBooking(ctx: Ctx, booking: Booking, kind: BookingMessageKind): Promise<boolean> {
  return enqueueQuietly(ctx, [bookingMessage(booking, kind)], { bookingId: booking._id, kind });
}
