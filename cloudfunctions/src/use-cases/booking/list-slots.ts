import {
  addDays,
  canChangeAt,
  changeDeadline,
  ok,
  shanghaiInstant,
  slotIdOf,
  slotTiming,
  type AvailabilityDay,
  type BookableService,
  type Result,
  type SlotView,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { dayView, seatsOf, slotDocs } from './day-view';
import { bookableView, loadBookableAnd } from './load-bookable';
import { freeSeats } from './seat-ledger';
import { toWaitlistView } from './waitlist-view';

/** One day's slots with the seats left, and where the caller already stands in them. */
export async function listSlots(
  ctx: Ctx,
  input: { serviceId: string; date: string },
): Promise<Result<{ service: BookableService; date: string; day: AvailabilityDay; slots: SlotView[] }>> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const openid = ctx.caller.openid;
  const range = { gte: shanghaiInstant(input.date).toISOString(), lt: shanghaiInstant(addDays(input.date, 1)).toISOString() };
  // the day's slots and where the caller stands in them are read beside the service's community
  const loaded = await loadBookableAnd(ctx, input.serviceId, () =>
    Promise.all([
      slotDocs(ctx, input.serviceId, input.date, input.date),
      openid
        ? store.find(COLLECTIONS.bookings, { where: { openid, startAt: range }, orderBy: [['startAt', 'desc']], limit: 100 })
        : Promise.resolve([]),
      openid
        ? store.find(COLLECTIONS.bookingWaitlist, {
            where: { openid, status: 'waiting', startAt: range },
            orderBy: [['startAt', 'asc']],
            limit: 100,
          })
        : Promise.resolve([]),
    ]),
  );
  if (!loaded.ok) return loaded;
  const { b } = loaded.data;
  const [docs, bookings, entries] = loaded.data.also;
  const { plan, day } = dayView(b, calendar, docs, input.date, now);

  const mine = new Map<string, string>();
  const waiting = new Map<string, { entryId: string; position: number }>();
  for (const bk of bookings) if (bk.serviceId === b.service._id && bk.status === 'booked') mine.set(bk.slotId, bk._id);
  for (const e of entries)
    if (e.serviceId === b.service._id) waiting.set(e.slotId, { entryId: e._id, position: (await toWaitlistView(store, e)).position });

  const slots: SlotView[] = plan.slots.map((s) => {
    const slotId = slotIdOf(b.service._id, s.startAt);
    const seats = seatsOf(b, docs, s.startAt);
    const timing = slotTiming(b.settings, now, s.startAt);
    const left = freeSeats(seats);
    return {
      slotId,
      start: s.start,
      end: s.end,
      startAt: s.startAt,
      endAt: s.endAt,
      seats: seats.seats,
      left,
      waiting: seats.waiting,
      state: timing !== 'open' ? timing : left > 0 ? 'open' : 'full',
      changeUntil: changeDeadline(b.settings, s.startAt).toISOString(),
      changeable: canChangeAt(b.settings, now, s.startAt),
      myBookingId: mine.get(slotId) ?? null,
      myWaitlist: waiting.get(slotId) ?? null,
    };
  });
  return ok({ service: bookableView(b), date: input.date, day, slots });
}
