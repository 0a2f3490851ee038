import type { CalendarLayers } from '@linli/shared';
import type { Store } from '../../ports';

/** At most this many local closures count (the latest by date); a street adds a handful a year. */
const CLOSURES_READ = 1000;

/** What admins entered: every year's schedule (one document a year) and the latest local closures. */
export async function readCalendarEntries(store: Store): Promise<Required<Pick<CalendarLayers, 'entered' | 'closures'>>> {
  const [years, closures] = await Promise.all([
    store.find('calendar_years', { orderBy: [['year', 'asc']], limit: 200 }),
    store.find('calendar_closures', { orderBy: [['date', 'desc']], limit: CLOSURES_READ }),
  ]);
  return {
    entered: years.map((y) => ({ year: y.year, holidays: y.holidays, workdays: y.workdays })),
    closures: closures.map((c) => ({ placeId: c.placeId, date: c.date })),
  };
}
