import { addDays, calendarWithin, planDay, shanghaiInstant, type Booking, type WorkCalendar } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { loadBookable, type Bookable } from './load-bookable';
import { notifyBooking } from './notify-booking';
import { dropFromGuard } from './seat-ledger';

/** At most this many bookings of one day are looked at per run (a community hall has a few hundred). */
const BOOKINGS_CAP = 5000;

/**
 * After the calendar changed: the bookings on a date that is now closed for their service (a
 * holiday entered, a local closure of the street) are cancelled, their seats and waitlist cleared
 * (nobody is promoted into a closed day), and each resident is sent a message (the outbox). A
 * booking is decided again inside its transaction, so a repeated run cancels nothing twice.
 */
export async function cancelBookingsOnClosedDays(
  ctx: Ctx,
  dates: readonly string[],
  calendar: WorkCalendar,
  reason: string,
): Promise<number> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const bookables = new Map<string, Bookable | null>();
  let cancelled = 0;
  for (const date of dates) {
    const booked = await findAll(
      store,
      COLLECTIONS.bookings,
      { status: 'booked', startAt: { gte: shanghaiInstant(date).toISOString(), lt: shanghaiInstant(addDays(date, 1)).toISOString() } },
      [['startAt', 'asc']],
      BOOKINGS_CAP,
    );
    for (const booking of booked) {
      if (!bookables.has(booking.serviceId)) {
        const loaded = await loadBookable(ctx, booking.serviceId);
        bookables.set(booking.serviceId, loaded.ok ? loaded.data : null);
      }
      const b = bookables.get(booking.serviceId);
      if (!b || planDay(b.settings, calendarWithin(calendar, b.placePath), date).closed !== 'holiday') continue;
      const done = await store.transaction(async (tx): Promise<Booking | null> => {
        const fresh = await tx.get(COLLECTIONS.bookings, booking._id);
        if (!fresh || fresh.status !== 'booked') return null;
        const at = now.toISOString();
        const next: Booking = { ...fresh, status: 'cancelled', cancelledAt: at, cancelReason: reason, updatedAt: at };
        await tx.put(COLLECTIONS.bookings, next);
        await dropFromGuard(tx, fresh, now);
        const slot = await tx.get(COLLECTIONS.bookingSlots, fresh.slotId);
        if (slot) {
          // the day is closed: nobody waits for its seats any more
          const line = await store.find(COLLECTIONS.bookingWaitlist, {
            where: { slotId: slot._id, status: 'waiting' },
            orderBy: [['seq', 'asc']],
            limit: 1000,
          });
          for (const w of line) {
            const entry = await tx.get(COLLECTIONS.bookingWaitlist, w._id);
            if (entry?.status === 'waiting') await tx.put(COLLECTIONS.bookingWaitlist, { ...entry, status: 'expired', updatedAt: at });
          }
          await tx.put(COLLECTIONS.bookingSlots, { ...slot, taken: Math.max(0, slot.taken - 1), waiting: 0 });
        }
        return next;
      });
      if (done) {
        cancelled++;
        await notifyBooking(ctx, done, 'closedDay');
      }
    }
  }
  return cancelled;
}
