import {
  calendarWithin,
  addDays,
  closedReasonText,
  planDay,
  shanghaiInstant,
  slotIdOf,
  slotTiming,
  type AvailabilityDay,
  type DayPlan,
  type Slot,
  type WorkCalendar,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { freeSeats } from './seat-ledger';
import type { Bookable } from './load-bookable';

/** The slot documents of a service between two dates (inclusive), by id. Slots nobody booked have none. */
export async function slotDocs(ctx: Ctx, serviceId: string, firstDate: string, lastDate: string): Promise<Map<string, Slot>> {
  const docs = await findAll(
    ctx.ports.store,
    COLLECTIONS.bookingSlots,
    { serviceId, startAt: { gte: shanghaiInstant(firstDate).toISOString(), lt: shanghaiInstant(addDays(lastDate, 1)).toISOString() } },
    [['startAt', 'asc']],
  );
  return new Map(docs.map((s) => [s._id, s]));
}

/** A planned slot's seats as they stand: its document if anyone booked it, else all free. */
export const seatsOf = (b: Bookable, docs: Map<string, Slot>, startAt: string) => {
  const doc = docs.get(slotIdOf(b.service._id, startAt));
  return doc ?? { seats: b.settings.seats, taken: 0, waiting: 0 };
};

export function dayView(
  b: Bookable,
  calendar: WorkCalendar,
  docs: Map<string, Slot>,
  date: string,
  now: Date,
): { plan: DayPlan; day: AvailabilityDay } {
  const plan = planDay(b.settings, calendarWithin(calendar, b.placePath), date);
  let free = 0;
  let takeable = 0;
  for (const s of plan.slots)
    if (slotTiming(b.settings, now, s.startAt) === 'open') {
      takeable += 1;
      free += freeSeats(seatsOf(b, docs, s.startAt));
    }
  return {
    plan,
    day: {
      date,
      weekday: plan.weekday,
      kind: plan.kind,
      estimated: plan.estimated,
      closedReason: closedReasonText(plan),
      slots: plan.slots.length,
      takeable,
      free,
    },
  };
}
