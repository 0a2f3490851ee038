import chineseDays from 'chinese-days';
import { layeredCalendar, type CalendarLayers, type PackageCalendar, type WorkCalendar } from '@linli/shared';
import { tymeLunar } from './tyme-lunar';

/**
 * The official data of `chinese-days`, a maintained package with the State Council's holiday
 * schedule and its make-up workdays (调休) from 2004. The schedule for a year is published late in
 * the year before, so the package lags: later years are computed (the statutory holidays from the
 * lunar calendar) until an admin enters the notice (the `calendar` function).
 */
export const chineseDaysPackage: PackageCalendar = {
  firstYear: 2004,
  lastYear: 2026,
  isWorkday: (date) => chineseDays.isWorkday(date),
};

/** The national layers before anything entered: the package, then the computed statutory holidays. */
export const nationalLayers: CalendarLayers = { package: chineseDaysPackage, lunar: tymeLunar };

/** The calendar with entries (schedules, closures) on top; what dispatch hands each call. */
export const calendarWithEntries = (entries: Pick<CalendarLayers, 'entered' | 'closures'>) =>
  layeredCalendar({ ...nationalLayers, ...entries });

export const chineseDaysCalendar: WorkCalendar = calendarWithEntries({});
