import { err, ok, type Booking, type Result, type Schedule, type ScheduleInput } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { ServiceInCommunity } from './booking-policy';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { loadBookable, type Bookable } from './load-bookable';
import { notifyBooking } from './notify-booking';
import { passSeatOn } from './seat-ledger';
import { scheduleView, type ScheduleView } from './get-schedule';

/**
 * Saves a service's schedule. `version` is the one the editor loaded: two staff saving at once
 * cannot overwrite each other unseen. Bookings already made stay as they are; a change of seats
 * applies to every future slot, and new seats go to waiting residents first.
 */
export async function saveSchedule(
  ctx: Ctx,
  input: { serviceId: string; settings: ScheduleInput; version: number },
  { service }: ServiceInCommunity,
): Promise<Result<ScheduleView & { promoted: number }>> {
  const { store, clock } = ctx.ports;
  const by = callerOpenid(ctx);
  const now = clock.now();

  const saved = await store.transaction(async (tx): Promise<Result<Schedule>> => {
    const current = await tx.get(COLLECTIONS.bookingSchedules, service._id);
    if ((current?.version ?? 0) !== input.version) return err('BOOKING.SCHEDULE_STALE', { version: current?.version ?? 0 });
    const next: Schedule = {
      _id: service._id,
      serviceId: service._id,
      communityId: service.communityId,
      settings: input.settings,
      version: input.version + 1,
      updatedAt: now.toISOString(),
      updatedBy: by,
    };
    await tx.put(COLLECTIONS.bookingSchedules, next);
    return ok(next);
  });
  if (!saved.ok) return saved;

  const future = await findAll(store, COLLECTIONS.bookingSlots, { serviceId: service._id, startAt: { gt: now.toISOString() } }, [
    ['startAt', 'asc'],
  ]);
  let promoted = 0;
  if (future.some((s) => s.seats !== input.settings.seats)) {
    await store.updateMany(
      COLLECTIONS.bookingSlots,
      { serviceId: service._id, startAt: { gt: now.toISOString() } },
      { set: { seats: input.settings.seats } },
    );
    const loaded = await loadBookable(ctx, service._id);
    if (loaded.ok)
      for (const slot of future.filter((s) => s.waiting > 0 && s.taken < input.settings.seats))
        for (const booking of await fillFromWaitlist(ctx, loaded.data, slot._id, now)) {
          promoted++;
          await notifyBooking(ctx, booking, 'promoted');
        }
  }
  return ok({ ...(await scheduleView(ctx, service, saved.data)), promoted });
}

/** Gives each free seat of a slot to the next in line, one transaction per seat. */
async function fillFromWaitlist(ctx: Ctx, b: Bookable, slotId: string, now: Date): Promise<Booking[]> {
  const made: Booking[] = [];
  for (;;) {
    const booking = await ctx.ports.store.transaction(async (tx) => {
      const slot = await tx.get(COLLECTIONS.bookingSlots, slotId);
      if (!slot || slot.waiting <= 0 || slot.taken >= slot.seats) return null;
      const passed = await passSeatOn(ctx, tx, b, slot, now);
      await tx.put(COLLECTIONS.bookingSlots, passed.slot);
      // nobody eligible left in line: the `waiting` count went down, so the loop ends
      return passed.promoted ?? (passed.slot.waiting < slot.waiting ? 'skipped' : null);
    });
    if (booking === null) return made;
    if (booking !== 'skipped') made.push(booking);
  }
}
