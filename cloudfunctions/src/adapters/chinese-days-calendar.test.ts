import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from './chinese-days-calendar';

describe('chinese-days calendar', () => {
  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆假期'],
    ['2026-10-09', true, '节后周五'],
    ['2026-02-14', true, '春节调休的周六'],
    ['2026-02-17', false, '春节'],
    ['2026-11-21', false, '普通周六'],
    ['2026-11-20', true, '普通周五'],
    ['2027-01-04', true, '2027 年无官方数据：按周一至周五'],
    ['2027-01-02', false, '2027 年无官方数据：周六'],
  ])('%s → %s (%s)', (date, workday) => expect(chineseDaysCalendar.isWorkday(date)).toBe(workday));
});
