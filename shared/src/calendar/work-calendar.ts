/**
 * The official working-day calendar of mainland China (public holidays and make-up workdays,
 * 调休), behind an interface so that shared rules stay pure. The functions supply it from a
 * maintained package; tests may supply a table.
 */
export interface WorkCalendar {
  /** YYYY-MM-DD (a Shanghai date) → is it a working day? Make-up Saturdays are; holidays are not. */
  isWorkday(date: string): boolean;
  /** The last year whose official schedule the calendar holds; later dates fall back to Mon–Fri. */
  lastOfficialYear: number;
}

/** True when a date lies past the calendar's official data, so answers are a Mon–Fri guess. */
export const isBeyondOfficialData = (calendar: WorkCalendar, date: string): boolean => Number(date.slice(0, 4)) > calendar.lastOfficialYear;
