import { ok, toBookingView, type BookingView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { BookingInCommunity } from './booking-policy';

/** One booking, for its owner or for staff of its community (its policy: ownerOrStaff). */
export async function getBooking(ctx: Ctx, _input: unknown, { booking }: BookingInCommunity): Promise<Result<{ booking: BookingView }>> {
  return ok({ booking: toBookingView(booking, ctx.ports.clock.now()) });
}
