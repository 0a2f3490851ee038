/**
 * The statutory public holidays of 全国年节及纪念日放假办法 (as revised in 2024, in force from
 * 2025): 元旦 1 day, 春节 4 days from 除夕, 清明 1 day, 劳动节 2 days, 端午 1 day, 中秋 1 day,
 * 国庆 3 days. They are known for any year from the lunar calendar and the solar term 清明; the
 * make-up workdays (调休) and the bridging days are not: only the State Council's notice for the
 * year says them.
 */

/** Lunar → solar conversion and the solar term 清明, from a lunar-calendar package behind a port. */
export interface LunarCalendar {
  /** The solar date (YYYY-MM-DD) of a day of a lunar year (month 1–12, not a leap month). */
  solarOf(lunarYear: number, month: number, day: number): string;
  /** The solar date (YYYY-MM-DD) of the solar term 清明 in a year. */
  qingming(year: number): string;
}

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

export type StatutoryHoliday = { date: string; name: HolidayName };

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const run = (from: string, days: number, name: HolidayName): StatutoryHoliday[] =>
  Array.from({ length: days }, (_, i) => ({ date: shift(from, i), name }));

/** The 13 statutory holiday dates of a year, in date order. */
export function statutoryHolidays(year: number, lunar: LunarCalendar): StatutoryHoliday[] {
  const newYear = lunar.solarOf(year, 1, 1);
  return [
    ...run(`${year}-01-01`, 1, '元旦'),
    // 除夕 is the last day of the lunar year before (the 29th or the 30th of 腊月)
    ...run(shift(newYear, -1), 4, '春节'),
    ...run(lunar.qingming(year), 1, '清明节'),
    ...run(`${year}-05-01`, 2, '劳动节'),
    ...run(lunar.solarOf(year, 5, 5), 1, '端午节'),
    ...run(lunar.solarOf(year, 8, 15), 1, '中秋节'),
    ...run(`${year}-10-01`, 3, '国庆节'),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
