import chineseDays from 'chinese-days';
import type { WorkCalendar } from '@linli/shared';

/**
 * The working-day calendar from `chinese-days`, a maintained package with the State Council's
 * holiday schedule and its make-up workdays (调休). The schedule for a year is published late in
 * the year before, so dates past the package's data fall back to Monday–Friday and callers can
 * tell (isBeyondOfficialData) to warn staff that the calendar needs an update.
 */
const LAST_OFFICIAL_YEAR = 2026;

function weekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export const chineseDaysCalendar: WorkCalendar = {
  lastOfficialYear: LAST_OFFICIAL_YEAR,
  isWorkday(date) {
    if (Number(date.slice(0, 4)) > LAST_OFFICIAL_YEAR) return weekday(date);
    return chineseDays.isWorkday(date);
  },
};
