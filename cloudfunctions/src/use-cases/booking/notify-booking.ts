import { bookingMessageData, SUBSCRIBE_TEMPLATES, type Booking, type BookingMessageKind } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { NotifyOutcome } from '../../ports/notifier';

/** The booking's page in the app, where the code and QR code are. */
export const bookingPage = (bookingId: string) => `booking/detail/index?id=${encodeURIComponent(bookingId)}`;

/**
 * Sends a 预约提醒 message about a booking. Best effort, after the write: a message that
 * cannot be sent (no grant left, WeChat down) never undoes or fails the booking.
 */
export async function notifyBooking(ctx: Ctx, booking: Booking, kind: BookingMessageKind): Promise<NotifyOutcome> {
  try {
    return await ctx.ports.notifier.send({
      toOpenid: booking.openid,
      template: SUBSCRIBE_TEMPLATES.bookingReminder.templateId,
      page: bookingPage(booking._id),
      data: bookingMessageData(booking, kind),
    });
  } catch (e) {
    console.error('booking message not sent', { requestId: ctx.requestId, bookingId: booking._id, kind, error: e instanceof Error ? e.message : String(e) });
    return 'failed';
  }
}
