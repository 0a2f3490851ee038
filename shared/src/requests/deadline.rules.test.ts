import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar/work-calendar';
import { shanghaiInstant } from '../common/time';
import { addSpan, addWorkdays, countdownText, deadlineText, deadlineCalendarWarning, warnAtFor } from './deadline.rules';

/**
 * A fixture calendar: Monday–Friday, one made-up holiday (2026-06-01) and one made-up make-up
 * Saturday (2026-06-06), official data through 2026. The real holiday tables (National Day,
 * Spring Festival from the chinese-days package) are tested in cloudfunctions/test/requests-deadlines.test.ts.
 */
const fixture: WorkCalendar = {
  lastOfficialYear: 2026,
  isWorkday(date) {
    if (date === '2026-06-01') return false;
    if (date === '2026-06-06') return true;
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};

const at = (date: string, time: string) => shanghaiInstant(date, time);

describe('working-day deadlines (start day not counted, ends 24:00 of the last day)', () => {
  it.each([
    ['Mon 10:00 + 1', at('2026-06-08', '10:00'), 1, '2026-06-09'],
    ['Fri 16:00 + 1 skips the weekend', at('2026-06-12', '16:00'), 1, '2026-06-15'],
    ['Sat 09:00 + 1: Monday is the first day', at('2026-06-13', '09:00'), 1, '2026-06-15'],
    ['Fri 10:00 + 7', at('2026-06-12', '10:00'), 7, '2026-06-23'],
    ['Thu before the holiday + 2 skips Mon 06-01', at('2026-05-28', '10:00'), 2, '2026-06-02'],
    ['Fri 06-05 + 1 lands on the make-up Saturday', at('2026-06-05', '10:00'), 1, '2026-06-06'],
    ['23:59 on Monday still counts from Tuesday', at('2026-06-08', '23:59'), 1, '2026-06-09'],
  ])('%s → end of %s', (_label, from, days, lastDay) => {
    const d = addWorkdays(from, days, fixture);
    const endOfDay = new Date(shanghaiInstant(lastDay).getTime() + 86_400_000);
    expect(d.at.toISOString()).toBe(endOfDay.toISOString());
    expect(d.estimated).toBe(false);
  });

  it('marks a deadline that reaches past the official data as estimated', () => {
    expect(addWorkdays(at('2026-12-30', '10:00'), 1, fixture).estimated).toBe(false); // 12-31
    const into2027 = addWorkdays(at('2026-12-30', '10:00'), 2, fixture);
    expect(into2027.estimated).toBe(true);
    expect(deadlineCalendarWarning(fixture)).toContain('2027 年的调休安排还没有录入');
  });

  it.each([
    [{ hours: 2 }, at('2026-06-13', '23:30'), '2026-06-13T17:30:00.000Z'],
    [{ hours: 24 }, at('2026-06-01', '08:00'), '2026-06-02T00:00:00.000Z'],
  ])('clock hours ignore holidays: %o from %s', (span, from, expected) => {
    expect(addSpan(from, span, fixture).at.toISOString()).toBe(expected);
  });
});

describe('warning before the deadline', () => {
  const h = (n: number) => n * 3_600_000;
  it.each([
    ['a 2-hour step warns 30 minutes ahead', h(2), h(0.5)],
    ['a 24-hour step warns 6 hours ahead', h(24), h(6)],
    ['a 10-day step warns one day ahead', h(240), h(24)],
    ['a 20-minute remainder warns at once', h(1 / 3), h(1 / 3)],
  ])('%s', (_label, span, lead) => {
    const start = new Date('2026-06-08T00:00:00Z');
    const deadline = new Date(start.getTime() + span);
    expect(deadline.getTime() - warnAtFor(start, deadline).getTime()).toBe(lead);
  });
});

describe('deadline copy', () => {
  it.each([
    ['2026-10-13T16:00:00.000Z', '10月13日 24:00'],
    ['2026-10-13T04:30:00.000Z', '10月13日 12:30'],
  ])('%s reads %s', (iso, text) => expect(deadlineText(iso)).toBe(text));

  it.each([
    ['2026-06-08T12:00:00Z', '2026-06-08T10:00:00Z', '还剩 2 小时'],
    ['2026-06-08T12:00:00Z', '2026-06-08T10:55:00Z', '还剩 1 小时 5 分'],
    ['2026-06-11T14:00:00Z', '2026-06-08T10:00:00Z', '还剩 3 天 4 小时'],
    ['2026-06-08T12:00:00Z', '2026-06-08T12:40:00Z', '已超时 40 分钟'],
    ['2026-06-08T12:00:00Z', '2026-06-08T12:00:20Z', '已超时 1 分钟'],
  ])('deadline %s at %s: %s', (deadline, now, text) => expect(countdownText(deadline, now)).toBe(text));
});
