import { describe, expect, it } from 'vitest';
import { countBySource, departmentFigures, rankDepartments } from './department-figures.rules';
import type { DispatchDoc } from './department.schema';

const NOW = new Date('2026-11-30T00:00:00.000Z');
type Row = Parameters<typeof departmentFigures>[0] extends Iterable<infer R> ? R : never;
const row = (departmentId: string, over: Partial<DispatchDoc> = {}): Row => ({
  departmentId,
  departmentName: departmentId,
  status: 'arrived',
  role: 'lead',
  dispatchedAt: '2026-11-10T00:00:00.000Z',
  reportBy: '2026-11-10T02:00:00.000Z',
  resolveBy: '2026-11-20T00:00:00.000Z',
  arrivedAt: '2026-11-10T01:00:00.000Z',
  arrivedOnTime: true,
  resolvedAt: '2026-11-12T00:00:00.000Z',
  satisfaction: 'satisfied',
  ...over,
});

describe('department figures', () => {
  it('counts received, on-time 报到, returns, overdue and the three rates', () => {
    const [f] = departmentFigures(
      [
        row('城管'),
        row('城管', { arrivedOnTime: false, arrivedAt: '2026-11-10T03:00:00.000Z', satisfaction: 'unsatisfied' }),
        row('城管', { status: 'returned', arrivedAt: undefined, arrivedOnTime: undefined, resolvedAt: undefined, satisfaction: undefined }),
        row('城管', { status: 'pending', arrivedAt: undefined, arrivedOnTime: undefined, resolvedAt: undefined, satisfaction: undefined }),
        row('城管', { role: 'co', resolvedAt: undefined, satisfaction: undefined }),
        row('城管', { resolvedAt: undefined, satisfaction: undefined }),
      ],
      NOW,
    );
    expect(f).toMatchObject({
      received: 6,
      returned: 1,
      reportedOnTime: 3,
      overdue: 2, // the pending one past its 报到 deadline, the led unresolved one past resolveBy
      led: 4,
      resolved: 2,
      rated: 2,
      satisfied: 1,
      responseRate: 60, // 3 of the 5 kept
      resolutionRate: 50,
      satisfactionRate: 50,
      averageHoursToReport: 1.5,
    });
  });

  it('a department with nothing to count has no rates, not zeros', () => {
    const [f] = departmentFigures([row('供电', { status: 'returned' })], NOW);
    expect(f).toMatchObject({ responseRate: null, resolutionRate: null, satisfactionRate: null, averageHoursToReport: null });
  });
});

describe('ranking per district', () => {
  it.each([
    [
      'by the mean of the rates',
      [
        ['A', [row('A', { arrivedOnTime: false })]],
        ['B', [row('B')]],
      ],
      ['B', 'A'],
    ],
    [
      'ties broken by fewer overdue, then more received',
      [
        ['A', [row('A'), row('A')]],
        ['B', [row('B')]],
        ['C', [row('C'), row('C', { status: 'pending', arrivedAt: undefined, role: 'co', arrivedOnTime: undefined })]],
      ],
      ['A', 'B', 'C'],
    ],
    [
      'nothing to score comes last',
      [
        ['Z', [row('Z', { status: 'returned' })]],
        ['Y', [row('Y')]],
      ],
      ['Y', 'Z'],
    ],
  ] as const)('%s', (_l, groups, order) => {
    const ranked = rankDepartments(
      departmentFigures(
        groups.flatMap(([, rows]) => rows),
        NOW,
      ),
    );
    expect(ranked.map((r) => r.departmentId)).toEqual(order);
    expect(ranked[0]!.rank).toBe(1);
  });

  it('equal departments share a rank', () => {
    const ranked = rankDepartments(departmentFigures([row('甲'), row('乙'), row('丙', { satisfaction: 'unsatisfied' })], NOW));
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe('requests by source', () => {
  it('a request without a source is a resident report', () => {
    expect(countBySource([{}, { source: 'patrol' }, { source: 'patrol' }, { source: 'hotline' }])).toEqual({
      resident: 1,
      patrol: 2,
      workGroup: 0,
      hotline: 1,
    });
  });
});
