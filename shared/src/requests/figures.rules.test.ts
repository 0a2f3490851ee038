import { describe, expect, it } from 'vitest';
import { breakdownOf, computeFigures, computeSeries, formatRate, lastMonths, periodRange, ratio } from './figures.rules';
import { CATEGORY_CONFIG } from './request.schema';

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

describe('chart series', () => {
  it.each([
    [
      'a report counts under its source and category',
      { submitted: 1 },
      { source: 'patrol', category: 'repairs' },
      { from_patrol: 1, cat_repairs: 1 },
    ],
    ['no source is a resident’s', { submitted: 2 }, { category: 'parking' }, { from_resident: 2, cat_parking: 2 }],
    ['other steps add nothing', { closed: 1, accepted: 1 }, { source: 'hotline', category: 'other' }, {}],
  ] as const)('%s', (_, inc, r, expected) => expect(breakdownOf(inc, r)).toEqual(expected));

  it.each([
    ['2026-11-20', ['2025-12', '2026-01', '2026-10', '2026-11']],
    ['2026-01-31', ['2025-02', '2025-03', '2025-12', '2026-01']],
  ])('the last 12 months to %s', (today, ends) => {
    const m = lastMonths(today);
    expect(m).toHaveLength(12);
    expect([m[0], m[1], m[10], m[11]]).toEqual(ends);
  });

  const days = [
    { day: '2026-10-03', submitted: 4, accepted: 4, acceptedOnTime: 2, rated: 2, solved: 1, satisfied: 2, closed: 3 },
    { day: '2026-11-01', submitted: 2, closed: 1, from_resident: 1, from_patrol: 1, cat_repairs: 2 },
    {
      day: '2026-11-03',
      submitted: 3,
      accepted: 5,
      acceptedOnTime: 5,
      rated: 1,
      satisfied: 0,
      from_hotline: 3,
      cat_parking: 1,
      cat_repairs: 2,
    },
  ];

  it('a month: one point a day (none missing), categories most first, every source, 12 months of rates', () => {
    const s = computeSeries(days, { from: '2026-11-01', to: '2026-11-04' }, 'month');
    expect(s.points).toEqual([
      { label: '11/1', submitted: 2, closed: 1 },
      { label: '11/2', submitted: 0, closed: 0 },
      { label: '11/3', submitted: 3, closed: 0 },
      { label: '11/4', submitted: 0, closed: 0 },
    ]);
    expect(s.byCategory).toEqual([
      { key: 'repairs', label: '公共设施报修', count: 4 },
      { key: 'parking', label: CATEGORY_CONFIG.parking.label, count: 1 },
    ]);
    expect(s.bySource.map((x) => [x.key, x.count])).toEqual([
      ['resident', 1],
      ['patrol', 1],
      ['workGroup', 0],
      ['hotline', 3],
    ]);
    expect(s.months).toHaveLength(12);
    expect(s.months.at(-2)).toEqual({ month: '2026-10', responseRate: 50, resolutionRate: 50, satisfactionRate: 100 });
    expect(s.months.at(-1)).toEqual({ month: '2026-11', responseRate: 100, resolutionRate: 0, satisfactionRate: 0 });
    // a month with nothing to divide by is a gap, not 100 %
    expect(s.months[0]).toEqual({ month: '2025-12', responseRate: null, resolutionRate: null, satisfactionRate: null });
  });

  it('a year: one point a month to this month', () => {
    const s = computeSeries(days, { from: '2026-01-01', to: '2026-11-04' }, 'year');
    expect(s.points).toHaveLength(11);
    expect(s.points.slice(-2)).toEqual([
      { label: '10月', submitted: 4, closed: 3 },
      { label: '11月', submitted: 5, closed: 1 },
    ]);
  });
});
