import {
  addDays,
  closedReasonText,
  ok,
  planDay,
  slotTiming,
  scheduleInputSchema,
  shanghaiDate,
  shanghaiInstant,
  slotIdOf,
  formatShanghai,
  onBehalfLine,
  type AvailabilityDay,
  type Result,
  type RosterSlot,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { ServiceInCommunity } from './booking-policy';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

/**
 * The day's roster of one service: every slot with who booked it and who waits for it. Slots
 * that are no longer in the schedule still show when someone holds a booking in them.
 */
export async function getRoster(
  ctx: Ctx,
  input: { serviceId: string; date?: string | undefined },
  { service }: ServiceInCommunity,
): Promise<
  Result<{
    service: { _id: string; name: string; communityId: string; location: string };
    date: string;
    now: string;
    today: string;
    day: AvailabilityDay | null;
    slots: RosterSlot[];
  }>
> {
  const { store, calendar, clock } = ctx.ports;
  const now = clock.now();
  const today = shanghaiDate(now);
  const date = input.date ?? today;
  const schedule = await store.get(COLLECTIONS.bookingSchedules, service._id);
  const settings = schedule ? scheduleInputSchema.parse(schedule.settings) : null;
  const range = { gte: shanghaiInstant(date).toISOString(), lt: shanghaiInstant(addDays(date, 1)).toISOString() };
  const [bookings, docs] = await Promise.all([
    findAll(store, COLLECTIONS.bookings, { serviceId: service._id, startAt: range }, [['startAt', 'asc']]),
    findAll(store, COLLECTIONS.bookingSlots, { serviceId: service._id, startAt: range }, [['startAt', 'asc']]),
  ]);
  const plan = settings ? planDay(settings, calendar, date) : null;

  const slots = new Map<string, RosterSlot>();
  const add = (startAt: string, endAt: string, seats: number) => {
    const slotId = slotIdOf(service._id, startAt);
    if (!slots.has(slotId))
      slots.set(slotId, {
        slotId,
        start: formatShanghai(startAt, 'HH:mm'),
        end: formatShanghai(endAt, 'HH:mm'),
        startAt,
        seats,
        bookings: [],
        waitlist: [],
      });
    return slots.get(slotId)!;
  };
  for (const s of plan?.slots ?? []) add(s.startAt, s.endAt, settings!.seats);
  for (const d of docs) add(d.startAt, d.endAt, d.seats).seats = d.seats;
  for (const b of bookings.filter((x) => x.status !== 'cancelled'))
    add(b.startAt, b.endAt, settings?.seats ?? 0).bookings.push({
      bookingId: b._id,
      code: b.code,
      name: b.name,
      phone: b.phone,
      note: b.note,
      status: b.status,
      source: b.source,
      ...(b.checkedInAt ? { checkedInAt: b.checkedInAt } : {}),
      ...(b.proxy ? { proxyLine: onBehalfLine(b.name, b.proxy) } : {}),
    });
  for (const d of docs.filter((x) => x.waiting > 0)) {
    const line = await store.find(COLLECTIONS.bookingWaitlist, {
      where: { slotId: d._id, status: 'waiting' },
      orderBy: [['seq', 'asc']],
      limit: 100,
    });
    slots.get(d._id)!.waitlist = line.map((e, i) => ({
      name: e.name,
      phone: e.phone,
      position: i + 1,
      ...(e.proxy ? { proxyLine: onBehalfLine(e.name, e.proxy) } : {}),
    }));
  }

  const rows = [...slots.values()].sort((a, b) => a.startAt.localeCompare(b.startAt));
  const day: AvailabilityDay | null = plan
    ? {
        date,
        weekday: plan.weekday,
        kind: plan.kind,
        estimated: plan.estimated,
        closedReason: closedReasonText(plan),
        slots: plan.slots.length,
        takeable: plan.slots.filter((s) => slotTiming(settings!, now, s.startAt) === 'open').length,
        free: rows.reduce((n, r) => n + Math.max(0, r.seats - r.bookings.length - r.waitlist.length), 0),
      }
    : null;
  return ok({
    service: { _id: service._id, name: service.name, communityId: service.communityId, location: settings?.room || service.location },
    date,
    now: now.toISOString(),
    today,
    day,
    slots: rows,
  });
}
