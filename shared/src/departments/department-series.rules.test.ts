import { describe, expect, it } from 'vitest';
import { departmentSeries, monthToDate, type SeriesPart } from './department-series.rules';
import type { DepartmentStatDoc } from './department-stats.rules';

// 2026-11-02 09:00 in Shanghai is 01:00 UTC; 2026-11-02 23:30 in Shanghai is 15:30 UTC (still the 2nd)
const part = (over: Partial<SeriesPart> = {}): SeriesPart => ({
  role: 'lead',
  dispatchedAt: '2026-11-02T01:00:00.000Z',
  category: 'safety',
  ...over,
});
const doc = (month: string, over: Partial<DepartmentStatDoc>): DepartmentStatDoc => ({
  _id: `dept-cg:${month}`,
  departmentId: 'dept-cg',
  departmentName: '城管',
  districtId: 'd-1',
  month,
  ...over,
});

describe('a department’s trends for a month', () => {
  it.each([
    ['a past month runs to its last day', '2026-11', '2026-12-04', { from: '2026-11-01', to: '2026-11-30' }],
    ['this month runs to today', '2026-12', '2026-12-04', { from: '2026-12-01', to: '2026-12-04' }],
    ['a future month is its first day only', '2027-01', '2026-12-04', { from: '2027-01-01', to: '2027-01-01' }],
  ])('%s', (_name, month, today, range) => {
    expect(monthToDate(month, today)).toEqual(range);
  });

  it('counts parts on their Shanghai dispatch day, led resolutions on their day, by category and source', () => {
    const s = departmentSeries(
      [
        part(),
        part({ dispatchedAt: '2026-11-02T15:30:00.000Z', source: 'patrol', category: 'repairs' }),
        // 11-03 00:30 in Shanghai
        part({ dispatchedAt: '2026-11-02T16:30:00.000Z', source: 'patrol', resolvedAt: '2026-11-04T02:00:00.000Z' }),
        // a co-handler's part is received, but its request's resolution is the lead's
        part({ role: 'co', resolvedAt: '2026-11-04T02:00:00.000Z' }),
      ],
      '2026-11',
      [],
      '2026-11-04',
    );
    expect(s.points.map((p) => [p.label, p.submitted, p.closed])).toEqual([
      ['11/1', 0, 0],
      ['11/2', 3, 0],
      ['11/3', 1, 0],
      ['11/4', 0, 1],
    ]);
    expect(s.byCategory).toEqual([
      { key: 'safety', label: expect.any(String), count: 3 },
      { key: 'repairs', label: expect.any(String), count: 1 },
    ]);
    expect(Object.fromEntries(s.bySource.map((b) => [b.key, b.count]))).toMatchObject({ resident: 2, patrol: 2 });
  });

  it('its three rates month by month are its own (from its counters), “—” for a month it had nothing', () => {
    const s = departmentSeries(
      [],
      '2026-11',
      [
        doc('2026-10', { received: 4, returned: 0, reportedOnTime: 3, led: 2, resolved: 1, rated: 1, satisfied: 1 }),
        doc('2026-11', { received: 2, returned: 1, reportedOnTime: 1, led: 1, resolved: 0, rated: 0, satisfied: 0 }),
      ],
      '2026-11-30',
    );
    expect(s.months).toHaveLength(12);
    expect(s.months.at(-1)).toEqual({ month: '2026-11', responseRate: 100, resolutionRate: 0, satisfactionRate: null });
    expect(s.months.at(-2)).toEqual({ month: '2026-10', responseRate: 75, resolutionRate: 50, satisfactionRate: 100 });
    expect(s.months[0]).toEqual({ month: '2025-12', responseRate: null, resolutionRate: null, satisfactionRate: null });
    expect(s.points).toHaveLength(30);
  });
});
