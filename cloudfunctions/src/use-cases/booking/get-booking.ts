import { err, hasStaffScope, ok, toBookingView, type BookingView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** One booking, for its owner or for staff of its community; anyone else is told it does not exist. */
export async function getBooking(ctx: Ctx, input: { bookingId: string }): Promise<Result<{ booking: BookingView }>> {
  const { store, clock } = ctx.ports;
  const booking = await store.get(COLLECTIONS.bookings, input.bookingId);
  if (!booking) return err('BOOKING.NOT_FOUND');
  if (booking.openid !== ctx.caller.openid) {
    const community = await store.get(COLLECTIONS.places, booking.communityId);
    if (!community || !hasStaffScope(ctx.caller.grants, community)) return err('BOOKING.NOT_FOUND');
  }
  return ok({ booking: toBookingView(booking, clock.now()) });
}
