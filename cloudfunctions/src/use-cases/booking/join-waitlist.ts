import { err, ok, type Result, type WaitlistEntry, type WaitlistView } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { ServiceInCommunity } from './booking-policy';
import { openSlotFor } from './load-bookable';
import { emptySlot, freeSeats, guardRefusal, readGuard, waitlistIdOf } from './seat-ledger';
import { toWaitlistView } from './waitlist-view';
import { whoBooks, type HolderInput } from './who-books';

/**
 * Puts the caller in line for a full slot. One entry per resident and slot (its id), so
 * pressing twice keeps one place; the slot's `waiting` count changes in the same transaction,
 * which keeps free seats for the line and makes a concurrent cancellation see the newcomer.
 */
export async function joinWaitlist(
  ctx: Ctx,
  input: { serviceId: string; startAt: string } & HolderInput,
  service: ServiceInCommunity,
): Promise<Result<{ entry: WaitlistView }>> {
  const holder = await whoBooks(ctx, input, service);
  if (!holder.ok) return holder;
  const { openid, booker, proxy } = holder.data;
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const open = await openSlotFor(ctx, service, input.startAt, openid, now);
  if (!open.ok) return open;
  const { b, plan, planned, slotId } = open.data;

  const entryId = waitlistIdOf(slotId, openid);
  const outcome = await store.transaction(async (tx): Promise<Result<WaitlistEntry>> => {
    const existing = await tx.get(COLLECTIONS.bookingWaitlist, entryId);
    if (existing?.status === 'waiting') return ok(existing);
    const slot = (await tx.get(COLLECTIONS.bookingSlots, slotId)) ?? emptySlot(b, slotId, plan.date, planned);
    if (freeSeats(slot) > 0) return err('BOOKING.SLOT_HAS_SEATS', { left: freeSeats(slot) });
    const refused = guardRefusal(await readGuard(tx, b.service._id, openid, now), b, slotId, now);
    if (refused) return refused;
    const at = now.toISOString();
    const entry: WaitlistEntry = {
      _id: entryId,
      slotId,
      serviceId: b.service._id,
      serviceName: b.service.name,
      communityId: b.service.communityId,
      date: plan.date,
      startAt: planned.startAt,
      endAt: planned.endAt,
      openid,
      ...booker,
      ...(proxy ? { proxy } : {}),
      status: 'waiting',
      joinedAt: at,
      // joining again after leaving goes to the back of the line
      seq: (slot.lineSeq ?? 0) + 1,
      updatedAt: at,
    };
    await tx.put(COLLECTIONS.bookingWaitlist, entry);
    await tx.put(COLLECTIONS.bookingSlots, { ...slot, waiting: slot.waiting + 1, lineSeq: (slot.lineSeq ?? 0) + 1 });
    return ok(entry);
  });
  if (!outcome.ok) return outcome;
  return ok({ entry: await toWaitlistView(store, outcome.data) });
}
