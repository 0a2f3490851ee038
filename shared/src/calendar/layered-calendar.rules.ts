import { datesOf, type HolidayRun } from './calendar.schema';
import { statutoryHolidays, type LunarCalendar, type StatutoryHoliday } from './statutory.rules';
import type { WorkCalendar } from './work-calendar';

/** A calendar package's official data (`chinese-days`): the years it holds and its answer there. */
export interface PackageCalendar {
  firstYear: number;
  lastYear: number;
  isWorkday(date: string): boolean;
}

/** A year's schedule as entered from the State Council's notice. */
export type EnteredYear = { year: number; holidays: readonly HolidayRun[]; workdays: readonly string[] };
/** A local closure: no working day in this place (and below it) on this date. */
export type LocalClosure = { placeId: string; date: string };

export interface CalendarLayers {
  package: PackageCalendar;
  lunar: LunarCalendar;
  entered?: readonly EnteredYear[];
  closures?: readonly LocalClosure[];
}

/** Where a date's working-day answer comes from. */
export type CalendarSource = 'entered' | 'package' | 'computed';

const isWeekend = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The working-day calendar from its layers, the first that knows a year winning: the schedule an
 * admin entered from the State Council's notice, then the package's official data, then the
 * statutory holidays computed from the lunar calendar (Monday–Friday otherwise: the 调休 of such a
 * year is unknown). Local closures lie on top, for the area they belong to (`within`).
 */
export function layeredCalendar(layers: CalendarLayers): WorkCalendar & {
  sourceOf(year: number): CalendarSource;
  statutory(year: number): StatutoryHoliday[];
} {
  const entered = new Map<number, { off: Set<string>; on: Set<string> }>();
  for (const y of layers.entered ?? [])
    entered.set(y.year, { off: new Set(y.holidays.flatMap((h) => datesOf(h.from, h.to))), on: new Set(y.workdays) });
  const computed = new Map<number, Set<string>>();
  const statutory = (year: number) => statutoryHolidays(year, layers.lunar);
  const computedOff = (year: number) => {
    let off = computed.get(year);
    if (!off) computed.set(year, (off = new Set(statutory(year).map((h) => h.date))));
    return off;
  };
  const pkg = layers.package;
  const sourceOf = (year: number): CalendarSource =>
    entered.has(year) ? 'entered' : year >= pkg.firstYear && year <= pkg.lastYear ? 'package' : 'computed';
  // a notice's days may reach into a neighbouring year (元旦 from 12月31日, a Saturday worked before it)
  const years = [...entered.values()];
  const isWorkday = (date: string): boolean => {
    if (years.some((y) => y.off.has(date))) return false;
    if (years.some((y) => y.on.has(date))) return true;
    const year = Number(date.slice(0, 4));
    const source = sourceOf(year);
    if (source === 'entered') return !isWeekend(date);
    if (source === 'package') return pkg.isWorkday(date);
    return !computedOff(year).has(date) && !isWeekend(date);
  };
  let lastOfficialYear = pkg.lastYear;
  while (entered.has(lastOfficialYear + 1)) lastOfficialYear++;

  const byArea = new Map<string, WorkCalendar>();
  const closures = layers.closures ?? [];
  const base: WorkCalendar = { isWorkday, lastOfficialYear };
  const within = (placePath: readonly string[]): WorkCalendar => {
    const places = new Set(placePath);
    const closed = new Set(closures.filter((c) => places.has(c.placeId)).map((c) => c.date));
    if (closed.size === 0) return base;
    const key = [...closed].sort().join(',');
    let local = byArea.get(key);
    if (!local) byArea.set(key, (local = { lastOfficialYear, isWorkday: (date) => !closed.has(date) && isWorkday(date) }));
    return local;
  };
  return { ...base, within, sourceOf, statutory };
}
