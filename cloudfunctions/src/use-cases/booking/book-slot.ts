import { err, ok, toBookingView, type Booking, type BookingView, type Result, type Slot } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import type { ServiceInCommunity } from './booking-policy';
import { openSlotFor } from './load-bookable';
import { whoBooks, type HolderInput } from './who-books';
import { bookingIdOf, emptySlot, freeSeats, guardRefusal, readGuard, writeBooking } from './seat-ledger';

export interface BookInput extends HolderInput {
  serviceId: string;
  startAt: string;
  requestKey: string;
}

/**
 * Takes a seat. The seat, the booking, its code and the per-resident limit change together in
 * one transaction over documents by id: two hundred phones pressing at once for the last five
 * seats get five bookings and a clear "full" for everyone else.
 */
export async function bookSlot(ctx: Ctx, input: BookInput, service: ServiceInCommunity): Promise<Result<{ booking: BookingView }>> {
  const caller = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const id = bookingIdOf(input.requestKey);
  const holder = await whoBooks(ctx, input, service);
  if (!holder.ok) return holder;
  const { openid } = holder.data;

  // a retry of a booking that went through gets that booking back, whatever changed since (the
  // key is the caller's: staff who booked for a resident retry as themself)
  const replay = { collection: 'bookings', id, ownerOf: (b: Booking) => b.proxy?.openid ?? b.openid, answer: (b: Booking) => b } as const;
  // asked beside the slot's checks (one wait, not two); a first answer wins over whatever they say now
  const [earlier, open] = await Promise.all([firstAnswer(store, caller, replay), openSlotFor(ctx, service, input.startAt, openid, now)]);
  if (earlier) return earlier.ok ? ok({ booking: toBookingView(earlier.data, now) }) : earlier;
  if (!open.ok) return open;
  const { b, plan, planned, slotId } = open.data;

  const outcome = await store.transaction(async (tx): Promise<Result<Booking>> => {
    const again = await firstAnswer(tx, caller, replay);
    if (again) return again;
    const slot = (await tx.get(COLLECTIONS.bookingSlots, slotId)) ?? emptySlot(b, slotId, plan.date, planned);
    if (freeSeats(slot) <= 0) return err('BOOKING.SLOT_FULL', { waiting: slot.waiting });
    const guard = await readGuard(tx, b.service._id, openid, now);
    const refused = guardRefusal(guard, b, slotId, now);
    if (refused) return refused;
    const taken: Slot = { ...slot, taken: slot.taken + 1 };
    await tx.put(COLLECTIONS.bookingSlots, taken);
    return ok(
      await writeBooking(
        ctx,
        tx,
        b,
        taken,
        guard,
        { openid, ...holder.data.booker, ...(holder.data.proxy ? { proxy: holder.data.proxy } : {}) },
        id,
        'direct',
        now,
      ),
    );
  });
  if (!outcome.ok) return outcome;
  return ok({ booking: toBookingView(outcome.data, now) });
}
