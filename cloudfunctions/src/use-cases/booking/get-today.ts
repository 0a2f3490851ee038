import { addDays, calendarWarning, ok, shanghaiDate, shanghaiInstant, type Booking, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { loadCommunity } from '../load-community';

type ServiceDay = {
  serviceId: string;
  name: string;
  scheduled: boolean;
  booked: number;
  checkedIn: number;
  noShow: number;
  waiting: number;
};

/** The community's bookable services with the day's figures: where staff start their day. */
export async function getToday(
  ctx: Ctx,
  input: { communityId: string; date?: string | undefined },
): Promise<Result<{ date: string; communityName: string; services: ServiceDay[]; calendarWarning: string | null }>> {
  const { store, clock, calendar } = ctx.ports;
  const found = await loadCommunity(ctx, input.communityId);
  if (!found.ok) return found;
  const community = found.data;
  const date = input.date ?? shanghaiDate(clock.now());
  const range = { gte: shanghaiInstant(date).toISOString(), lt: shanghaiInstant(addDays(date, 1)).toISOString() };
  const services = (await findAll(store, COLLECTIONS.services, { communityId: community._id }, [['sort', 'asc']])).filter(
    (s) => s.bookable,
  );
  const schedules = new Set(
    (
      await store.getMany(
        COLLECTIONS.bookingSchedules,
        services.map((s) => s._id),
      )
    ).map((s) => s._id),
  );
  const rows = await Promise.all(
    services.map(async (s): Promise<ServiceDay> => {
      const [bookings, slots] = await Promise.all([
        findAll(store, COLLECTIONS.bookings, { serviceId: s._id, startAt: range }, [['startAt', 'asc']]),
        findAll(store, COLLECTIONS.bookingSlots, { serviceId: s._id, startAt: range }, [['startAt', 'asc']]),
      ]);
      const count = (status: Booking['status']) => bookings.filter((b) => b.status === status).length;
      return {
        serviceId: s._id,
        name: s.name,
        scheduled: schedules.has(s._id),
        booked: count('booked') + count('checkedIn') + count('noShow'),
        checkedIn: count('checkedIn'),
        noShow: count('noShow'),
        waiting: slots.reduce((n, slot) => n + slot.waiting, 0),
      };
    }),
  );
  return ok({ date, communityName: community.name, services: rows, calendarWarning: calendarWarning(calendar, [date]) });
}
