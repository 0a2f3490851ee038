import type { WorkCalendar } from '../calendar/work-calendar';

/**
 * The official 2026 schedule as the State Council published it (and as `chinese-days` holds
 * it; cloudfunctions' calendar test and the booking integration tests run the package itself):
 * only the days that differ from an ordinary Monday–Friday week. Later years fall back to
 * Monday–Friday, as the package does.
 */
const OFF_WEEKDAYS_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-23',
  '2026-04-06',
  '2026-05-01',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19',
  '2026-09-25',
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
];
const WORKED_WEEKENDS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

export const calendar2026: WorkCalendar = {
  lastOfficialYear: 2026,
  isWorkday(date) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = day === 0 || day === 6;
    if (Number(date.slice(0, 4)) > 2026) return !weekend;
    if (weekend) return WORKED_WEEKENDS_2026.includes(date);
    return !OFF_WEEKDAYS_2026.includes(date);
  },
};
