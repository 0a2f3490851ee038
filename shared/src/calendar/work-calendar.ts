/**
 * The official working-day calendar of mainland China (public holidays and make-up workdays,
 * 调休), behind an interface so that shared rules stay pure. The functions supply it from a
 * maintained package, the statutory holidays computed from the lunar calendar, and the schedule
 * an admin entered (see `layered-calendar.rules.ts`); tests may supply a table.
 */
export interface WorkCalendar {
  /** YYYY-MM-DD (a Shanghai date) → is it a working day? Make-up Saturdays are; holidays are not. */
  isWorkday(date: string): boolean;
  /**
   * Every year up to this one has its official schedule (holidays and make-up workdays); later
   * years know their statutory holidays only, and their 调休 is unknown.
   */
  lastOfficialYear: number;
  /** The same calendar with an area's local closures on top (its place and the places above it). */
  within?(placePath: readonly string[]): WorkCalendar;
}

/** True when a date lies past the calendar's official data, so its 调休 is not known yet. */
export const isBeyondOfficialData = (calendar: WorkCalendar, date: string): boolean => Number(date.slice(0, 4)) > calendar.lastOfficialYear;

/** The calendar of an area (a request's or a service's place path): local closures count there. */
export const calendarWithin = (calendar: WorkCalendar, placePath: readonly string[]): WorkCalendar =>
  calendar.within?.(placePath) ?? calendar;
