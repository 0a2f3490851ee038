import { err, ok, shanghaiDate, toBookingView, type BookingView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * Checks a resident in by the code they show (scanned or typed). The status changes by a
 * conditional write, so a code scanned twice, or at two counters at once, checks in once.
 * A resident marked 未到 who turns up late can still be checked in.
 */
export async function checkInBooking(ctx: Ctx, input: { communityId: string; code: string }): Promise<Result<{ booking: BookingView }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const codeDoc = await store.get(COLLECTIONS.bookingCodes, input.code);
  // a code of another community is not one this counter knows
  const booking = codeDoc?.communityId === input.communityId ? await store.get(COLLECTIONS.bookings, codeDoc.bookingId) : null;
  if (!booking) return err('BOOKING.CODE_NOT_FOUND');
  const refusal = () =>
    booking.status === 'checkedIn'
      ? err('BOOKING.ALREADY_CHECKED_IN', {
          name: booking.name,
          at: booking.checkedInAt ?? null,
        })
      : err('BOOKING.NOT_ACTIVE', { status: booking.status });
  if (booking.status !== 'booked' && booking.status !== 'noShow') return refusal();
  if (booking.date !== shanghaiDate(now)) return err('BOOKING.NOT_TODAY', { date: booking.date, startAt: booking.startAt });
  const at = now.toISOString();
  const changed = await store.update(
    COLLECTIONS.bookings,
    booking._id,
    { set: { status: 'checkedIn', checkedInAt: at, checkedInBy: callerOpenid(ctx), updatedAt: at } },
    { status: { in: ['booked', 'noShow'] } },
  );
  const after = await store.get(COLLECTIONS.bookings, booking._id);
  if (!after) throw new Error(`booking ${booking._id} vanished during check-in`);
  if (!changed) {
    // someone else checked it in (or it was cancelled) between our read and our write
    return after.status === 'checkedIn'
      ? err('BOOKING.ALREADY_CHECKED_IN', {
          name: after.name,
          at: after.checkedInAt ?? null,
        })
      : err('BOOKING.NOT_ACTIVE', { status: after.status });
  }
  return ok({ booking: toBookingView(after, now) });
}
