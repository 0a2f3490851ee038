import { REQUEST_SOURCES, type RequestSource } from '../requests/source.schema';
import { departmentScore, rankDepartments, type DepartmentFigures, type RankedDepartment } from './department-figures.rules';
import type { DispatchDoc } from './department.schema';

/**
 * A department's counters for one month (of dispatch), kept in the transaction of every step that
 * changes one of its parts (派单, 报到, 退单, 反馈, 评价, 督办): each step adds the difference
 * between what the part counted before and what it counts after (`partDelta`), so the ranking
 * reads one document per department whatever the number of requests, and a recount (the same
 * `partCounts` summed over the parts) always equals the counters.
 */
export const DEPARTMENT_STAT_FIELDS = [
  'received',
  'returned',
  'reportedOnTime',
  /** Parts that 报到'd (on time or not), and the total time from dispatch to 报到. */
  'reported',
  'reportMs',
  /** Parts that missed a deadline: 报到 late or 督办 for it, or resolved late or 督办 for it. */
  'overdue',
  'led',
  'resolved',
  /** Total time from dispatch to the request's resolution, over the resolved led parts. */
  'resolveMs',
  'rated',
  'satisfied',
  ...REQUEST_SOURCES.map((s) => `from_${s}` as const),
] as const;
export type DepartmentStatField = (typeof DEPARTMENT_STAT_FIELDS)[number];
export type DepartmentCounts = Record<DepartmentStatField, number>;

/** The counter document: id `${departmentId}:${month}`. */
export type DepartmentStatDoc = Partial<DepartmentCounts> & {
  _id: string;
  departmentId: string;
  departmentName: string;
  districtId: string;
  month: string;
};

export const departmentStatId = (departmentId: string, month: string) => `${departmentId}:${month}`;

export type CountedPart = Pick<
  DispatchDoc,
  | 'status'
  | 'role'
  | 'dispatchedAt'
  | 'arrivedAt'
  | 'arrivedOnTime'
  | 'resolvedAt'
  | 'resolvedOnTime'
  | 'satisfaction'
  | 'escalations'
  | 'source'
>;

const zero = (): DepartmentCounts => Object.fromEntries(DEPARTMENT_STAT_FIELDS.map((f) => [f, 0])) as DepartmentCounts;

/** What one part counts, from its own fields only (no clock: the sweep's 督办 marks what went overdue). */
export function partCounts(p: CountedPart): DepartmentCounts {
  const c = zero();
  c.received = 1;
  c[`from_${(p.source ?? 'resident') as RequestSource}`] = 1;
  if (p.status === 'returned') {
    c.returned = 1;
    return c;
  }
  if (p.arrivedOnTime) c.reportedOnTime = 1;
  if (p.arrivedAt) {
    c.reported = 1;
    c.reportMs = Date.parse(p.arrivedAt) - Date.parse(p.dispatchedAt);
  }
  if (p.escalations > 0 || p.arrivedOnTime === false || p.resolvedOnTime === false) c.overdue = 1;
  if (p.role === 'lead') {
    c.led = 1;
    if (p.resolvedAt) {
      c.resolved = 1;
      c.resolveMs = Date.parse(p.resolvedAt) - Date.parse(p.dispatchedAt);
    }
    if (p.satisfaction) {
      c.rated = 1;
      if (p.satisfaction !== 'unsatisfied') c.satisfied = 1;
    }
  }
  return c;
}

/** What a step adds to the part's month document: after minus before (only the fields that change). */
export function partDelta(before: CountedPart | null, after: CountedPart | null): Partial<DepartmentCounts> {
  const a = after ? partCounts(after) : zero();
  const b = before ? partCounts(before) : zero();
  const inc: Partial<DepartmentCounts> = {};
  for (const f of DEPARTMENT_STAT_FIELDS) if (a[f] !== b[f]) inc[f] = a[f] - b[f];
  return inc;
}

/** The recount: the counter documents the parts make, one per (department, month). */
export function recountParts(
  parts: Iterable<CountedPart & Pick<DispatchDoc, 'departmentId' | 'departmentName' | 'districtId' | 'month'>>,
): DepartmentStatDoc[] {
  const by = new Map<string, DepartmentStatDoc & DepartmentCounts>();
  for (const p of parts) {
    const id = departmentStatId(p.departmentId, p.month);
    let doc = by.get(id);
    if (!doc) {
      doc = {
        _id: id,
        departmentId: p.departmentId,
        departmentName: p.departmentName,
        districtId: p.districtId,
        month: p.month,
        ...zero(),
      };
      by.set(id, doc);
    }
    const c = partCounts(p);
    for (const f of DEPARTMENT_STAT_FIELDS) doc[f] += c[f];
  }
  return [...by.values()];
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
const hours = (ms: number, n: number) => (n === 0 ? null : Math.round((ms / n / 3_600_000) * 10) / 10);

export type CountedFigures = DepartmentFigures & {
  /** Mean hours from dispatch to the request's resolution, over the resolved led parts. */
  averageHoursToResolve: number | null;
  bySource: Record<RequestSource, number>;
};

/** A department's figures from its counters (several months add up). */
export function figuresFromCounts(docs: readonly DepartmentStatDoc[]): CountedFigures[] {
  const by = new Map<string, { name: string; c: DepartmentCounts }>();
  for (const d of docs) {
    const a = by.get(d.departmentId) ?? { name: d.departmentName, c: zero() };
    for (const f of DEPARTMENT_STAT_FIELDS) a.c[f] += d[f] ?? 0;
    by.set(d.departmentId, a);
  }
  return [...by].map(([departmentId, { name, c }]) => ({
    departmentId,
    departmentName: name,
    received: c.received,
    reportedOnTime: c.reportedOnTime,
    returned: c.returned,
    overdue: c.overdue,
    resolved: c.resolved,
    led: c.led,
    rated: c.rated,
    satisfied: c.satisfied,
    responseRate: rate(c.reportedOnTime, c.received - c.returned),
    resolutionRate: rate(c.resolved, c.led),
    satisfactionRate: rate(c.satisfied, c.rated),
    averageHoursToReport: hours(c.reportMs, c.reported),
    averageHoursToResolve: hours(c.resolveMs, c.resolved),
    bySource: Object.fromEntries(REQUEST_SOURCES.map((s) => [s, c[`from_${s}`]])) as Record<RequestSource, number>,
  }));
}

/** The month's ranking from the counter documents (the same order as `rankDepartments`). */
export const rankFromCounts = (docs: readonly DepartmentStatDoc[]) =>
  rankDepartments(figuresFromCounts(docs)) as (RankedDepartment & CountedFigures)[];

/** The three rates of one department, month by month, for its trend chart. */
export function monthlyRates(
  docs: readonly DepartmentStatDoc[],
): { month: string; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; score: number | null }[] {
  return [...docs]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((d) => {
      const [f] = figuresFromCounts([d]);
      return {
        month: d.month,
        responseRate: f!.responseRate,
        resolutionRate: f!.resolutionRate,
        satisfactionRate: f!.satisfactionRate,
        score: departmentScore(f!),
      };
    });
}
