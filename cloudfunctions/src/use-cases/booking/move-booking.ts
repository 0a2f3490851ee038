import {
  calendarWithin,
  changeDeadline,
  err,
  locateSlot,
  ok,
  slotIdOf,
  toBookingView,
  type Booking,
  type BookingView,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { BookingInCommunity } from './booking-policy';
import { changeableBooking } from './cancel-booking';
import { loadBookable, takeableSlot } from './load-bookable';
import { notifyBooking } from './notify-booking';
import { emptySlot, freeSeats, guardIdOf, passSeatOn, readGuard } from './seat-ledger';

/**
 * Moves a booking to another slot of the same service, keeping its code. The new seat is taken
 * and the old one passed on (to the waitlist first) in one transaction: the resident never
 * holds two seats, nor none.
 */
export async function moveBooking(
  ctx: Ctx,
  input: { bookingId: string; startAt: string },
  loaded: BookingInCommunity,
): Promise<Result<{ booking: BookingView }>> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const own = changeableBooking(loaded.booking, now);
  if (!own.ok) return own;
  const bookable = await loadBookable(ctx, own.data.serviceId, own.data.communityId);
  if (!bookable.ok) return bookable;
  const b = bookable.data;
  const located = locateSlot(b.settings, calendarWithin(calendar, b.placePath), input.startAt);
  if (!located.ok) return located;
  // moving to the slot it already has is nothing to do, whatever its timing now
  if (slotIdOf(b.service._id, located.data.slot.startAt) === own.data.slotId) return ok({ booking: toBookingView(own.data, now) });
  const takeable = takeableSlot(b, calendar, input.startAt, now);
  if (!takeable.ok) return takeable;
  const { plan, planned, slotId: targetId } = takeable.data;

  const outcome = await store.transaction(async (tx): Promise<Result<{ booking: Booking; promoted: Booking | null }>> => {
    const booking = await tx.get(COLLECTIONS.bookings, input.bookingId);
    if (!booking || booking.status !== 'booked') return err('BOOKING.NOT_ACTIVE', { status: booking?.status });
    const target = (await tx.get(COLLECTIONS.bookingSlots, targetId)) ?? emptySlot(b, targetId, plan.date, planned);
    if (freeSeats(target) <= 0) return err('BOOKING.SLOT_FULL', { waiting: target.waiting });
    const old = await tx.get(COLLECTIONS.bookingSlots, booking.slotId);
    if (!old) throw new Error(`booking ${booking._id} holds a seat of a missing slot ${booking.slotId}`);
    await tx.put(COLLECTIONS.bookingSlots, { ...target, taken: target.taken + 1 });
    const at = now.toISOString();
    const { remindedDayBeforeAt: _d, remindedHourBeforeAt: _h, ...rest } = booking;
    const moved: Booking = {
      ...rest,
      slotId: targetId,
      date: plan.date,
      startAt: planned.startAt,
      endAt: planned.endAt,
      changeUntil: changeDeadline(b.settings, planned.startAt).toISOString(),
      updatedAt: at,
    };
    await tx.put(COLLECTIONS.bookings, moved);
    const guard = await readGuard(tx, booking.serviceId, booking.openid, now);
    await tx.put(COLLECTIONS.bookingGuards, {
      ...guard,
      _id: guardIdOf(booking.serviceId, booking.openid),
      active: [
        ...guard.active.filter((a) => a.bookingId !== booking._id),
        { bookingId: booking._id, slotId: targetId, startAt: planned.startAt, changeUntil: moved.changeUntil },
      ],
    });
    const passed = await passSeatOn(ctx, tx, b, { ...old, taken: Math.max(0, old.taken - 1) }, now);
    await tx.put(COLLECTIONS.bookingSlots, passed.slot);
    return ok({ booking: moved, promoted: passed.promoted });
  });
  if (!outcome.ok) return outcome;
  if (outcome.data.promoted) await notifyBooking(ctx, outcome.data.promoted, 'promoted');
  return ok({ booking: toBookingView(outcome.data.booking, now) });
}
