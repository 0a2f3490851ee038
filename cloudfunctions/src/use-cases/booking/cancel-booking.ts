import { err, ok, toBookingView, type Booking, type BookingView, type Result } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { BookingInCommunity } from './booking-policy';
import { loadBookable } from './load-bookable';
import { notifyBooking } from './notify-booking';
import { dropFromGuard, passSeatOn } from './seat-ledger';

/** The caller's own booking (its policy checked the owner), if it may still change, or why not. */
export function changeableBooking(booking: Booking, now: Date): Result<Booking> {
  if (booking.status !== 'booked') return err('BOOKING.NOT_ACTIVE', { status: booking.status });
  if (now.getTime() > Date.parse(booking.changeUntil))
    return err('BOOKING.CUTOFF_PASSED', {
      until: booking.changeUntil,
      bookingId: booking._id,
      phone: booking.hallPhone ?? null,
    });
  return ok(booking);
}

/**
 * Cancels a booking (or gives back a seat won from the waitlist). The seat passes to the first
 * in line in the same transaction; they are told after it commits.
 */
export async function cancelBooking(
  ctx: Ctx,
  input: { bookingId: string },
  loaded: BookingInCommunity,
): Promise<Result<{ booking: BookingView }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const own = changeableBooking(loaded.booking, now);
  if (!own.ok) return own;
  // the service is read inside the work, before its first write, and only when someone waits for the
  // seat (plain reads: a retry reads them again); a cancellation nobody waits on skips that round trip
  const outcome = await store.transaction(async (tx): Promise<Result<{ booking: Booking; promoted: Booking | null }>> => {
    const booking = await tx.get(COLLECTIONS.bookings, input.bookingId);
    if (!booking || booking.status !== 'booked') return err('BOOKING.NOT_ACTIVE', { status: booking?.status });
    const slot = await tx.get(COLLECTIONS.bookingSlots, booking.slotId);
    if (!slot) throw new Error(`booking ${booking._id} holds a seat of a missing slot ${booking.slotId}`);
    // the service's settings matter only to pass the seat on: read them when someone waits for it
    const bookable = slot.waiting > 0 ? await loadBookable(ctx, own.data.serviceId, own.data.communityId) : null;
    if (bookable && !bookable.ok) return bookable;
    const at = now.toISOString();
    const cancelled: Booking = { ...booking, status: 'cancelled', cancelledAt: at, updatedAt: at };
    await tx.put(COLLECTIONS.bookings, cancelled);
    await dropFromGuard(tx, booking, now);
    const freed = { ...slot, taken: Math.max(0, slot.taken - 1) };
    const passed = bookable ? await passSeatOn(ctx, tx, bookable.data, freed, now) : { slot: freed, promoted: null };
    await tx.put(COLLECTIONS.bookingSlots, passed.slot);
    return ok({ booking: cancelled, promoted: passed.promoted });
  });
  if (!outcome.ok) return outcome;
  if (outcome.data.promoted) await notifyBooking(ctx, outcome.data.promoted, 'promoted');
  return ok({ booking: toBookingView(outcome.data.booking, now) });
}
