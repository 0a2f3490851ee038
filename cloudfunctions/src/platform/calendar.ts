import type { WorkCalendar } from '@linli/shared';
import type { Ports, Store } from '../ports';
import { readCalendarEntries } from '../use-cases/calendar/calendar-entries';

/**
 * How long a container keeps the entries it read: an entry made in another function's container
 * counts there within this time; in the container that made it, at once (`forgetCalendar`).
 */
export const CALENDAR_CACHE_MS = 60_000;

const cache = new WeakMap<Store, { at: number; calendar: WorkCalendar }>();

/** The calendar a call works with: the national layers with the entered schedules and closures on top. */
export async function currentCalendar(ports: Ports): Promise<WorkCalendar> {
  if (!ports.calendarWith) return ports.calendar;
  const hit = cache.get(ports.store);
  if (hit && Date.now() - hit.at < CALENDAR_CACHE_MS) return hit.calendar;
  const calendar = ports.calendarWith(await readCalendarEntries(ports.store));
  cache.set(ports.store, { at: Date.now(), calendar });
  return calendar;
}

/** After a change: the next call reads the entries again. */
export const forgetCalendar = (store: Store): void => void cache.delete(store);
