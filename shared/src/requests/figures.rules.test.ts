import { describe, expect, it } from 'vitest';
import { computeFigures, formatRate, periodRange, ratio } from './figures.rules';

describe('figures', () => {
  it.each([
    [97, 100, 97],
    [2, 3, 66.7],
    [0, 5, 0],
    [0, 0, null],
    [5, 4, 100],
  ])('ratio %s / %s = %s', (part, whole, expected) => expect(ratio(part, whole)).toBe(expected));

  it.each([
    [null, '—'],
    [96.7, '96.7%'],
  ])('formats %s as %s', (value, text) => expect(formatRate(value)).toBe(text));

  it.each([
    ['today', '2026-11-20', '2026-11-20'],
    ['month', '2026-11-01', '2026-11-20'],
    ['year', '2026-01-01', '2026-11-20'],
  ] as const)('period %s runs %s..%s (Shanghai dates)', (period, from, to) => {
    // 2026-11-20 23:30 in Shanghai is still the 20th there, though it is the 20th 15:30 UTC
    expect(periodRange(period, new Date('2026-11-20T15:30:00Z'))).toEqual({ from, to });
  });

  it('sums the days in range, takes today from its own day and leaves ratios without data empty', () => {
    const days = [
      { day: '2026-10-31', accepted: 50, acceptedOnTime: 50, closed: 50, closedOfAccepted: 50 },
      { day: '2026-11-02', submitted: 4, accepted: 4, acceptedOnTime: 3, closed: 2, closedOfAccepted: 2, handlingMs: 2 * 3_600_000 * 5 },
      {
        day: '2026-11-20',
        submitted: 2,
        accepted: 1,
        acceptedOnTime: 1,
        closed: 1,
        closedOfAccepted: 0,
        handlingMs: 3_600_000 * 20,
        rated: 1,
        solved: 1,
        satisfied: 1,
      },
    ];
    const f = computeFigures(days, { from: '2026-11-01', to: '2026-11-20' }, '2026-11-20', 3);
    expect(f).toMatchObject({
      submitted: 6,
      accepted: 5,
      acceptedToday: 1,
      closed: 3,
      closedToday: 1,
      responseRate: 80,
      completionRate: 40,
      resolutionRate: 100,
      satisfactionRate: 100,
      avgHandlingHours: 10,
      overdueNow: 3,
    });
    const empty = computeFigures([], { from: '2026-11-01', to: '2026-11-20' }, '2026-11-20', 0);
    expect([empty.responseRate, empty.resolutionRate, empty.satisfactionRate, empty.completionRate, empty.avgHandlingHours]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
