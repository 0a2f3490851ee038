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
    ['2027-01-04', true, '2027 年无官方数据：普通周一'],
    ['2027-01-02', false, '2027 年无官方数据：周六'],
    ['2027-01-01', false, '2027 元旦：按放假办法计算'],
    ['2027-02-05', false, '2027 除夕（春节 4 天从除夕起）'],
    ['2027-02-08', false, '2027 正月初三'],
    ['2027-02-09', true, '2027 正月初四：调休未知，按工作日'],
    ['2027-04-05', false, '2027 清明（节气）'],
    ['2027-05-03', true, '2027 劳动节只有 2 天'],
    ['2027-06-09', false, '2027 端午（五月初五）'],
    ['2027-09-15', false, '2027 中秋（八月十五）'],
    ['2027-10-01', false, '2027 国庆'],
    ['2027-10-04', true, '2027 国庆只有 3 天（其余要看调休）'],
  ])('%s → %s (%s)', (date, workday) => expect(chineseDaysCalendar.isWorkday(date)).toBe(workday));
});
