import { err, ok, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** Takes the caller out of a slot's line. */
export async function leaveWaitlist(ctx: Ctx, input: { entryId: string }): Promise<Result<{ left: true }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  return store.transaction(async (tx): Promise<Result<{ left: true }>> => {
    const entry = await tx.get(COLLECTIONS.bookingWaitlist, input.entryId);
    if (!entry || entry.openid !== openid || entry.status !== 'waiting') return err('BOOKING.WAITLIST_NOT_FOUND');
    await tx.put(COLLECTIONS.bookingWaitlist, { ...entry, status: 'left', updatedAt: now });
    const slot = await tx.get(COLLECTIONS.bookingSlots, entry.slotId);
    if (slot) await tx.put(COLLECTIONS.bookingSlots, { ...slot, waiting: Math.max(0, slot.waiting - 1) });
    return ok({ left: true as const });
  });
}
