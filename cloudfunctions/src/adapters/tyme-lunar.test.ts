import chineseDays from 'chinese-days';
import { statutoryHolidays } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { tymeLunar } from './tyme-lunar';

describe('tyme4ts lunar dates', () => {
  it.each([
    [2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'],
    [2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
    [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
  ])('%i: 春节 %s, 清明 %s, 端午 %s, 中秋 %s', (year, spring, qingming, duanwu, midAutumn) => {
    expect(tymeLunar.solarOf(year, 1, 1)).toBe(spring);
    expect(tymeLunar.qingming(year)).toBe(qingming);
    expect(tymeLunar.solarOf(year, 5, 5)).toBe(duanwu);
    expect(tymeLunar.solarOf(year, 8, 15)).toBe(midAutumn);
  });

  it.each([2025, 2026])('every statutory holiday it computes for %i is a holiday in the official data of chinese-days', (year) => {
    const days = statutoryHolidays(year, tymeLunar);
    expect(days).toHaveLength(13);
    for (const d of days) expect([d.date, chineseDays.isHoliday(d.date)]).toEqual([d.date, true]);
  });
});
