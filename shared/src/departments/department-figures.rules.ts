import { REQUEST_SOURCES, type RequestSource } from '../requests/source.schema';
import type { DispatchDoc } from './department.schema';

/** One department's figures over a period (Beijing 12345's three rates, and what leads to them). */
export interface DepartmentFigures {
  departmentId: string;
  departmentName: string;
  received: number;
  /** 报到 by the deadline. */
  reportedOnTime: number;
  returned: number;
  /** Parts past their 报到 deadline without 报到, or led and unresolved past the request's deadline. */
  overdue: number;
  /** Led parts whose request was resolved. */
  resolved: number;
  led: number;
  rated: number;
  satisfied: number;
  /** 响应率: 报到 on time over the parts it kept (returned ones excluded). */
  responseRate: number | null;
  /** 解决率: resolved over the parts it led. */
  resolutionRate: number | null;
  /** 满意率: satisfied or basically satisfied over the rated. */
  satisfactionRate: number | null;
  /** Mean hours from dispatch to 报到. */
  averageHoursToReport: number | null;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

interface Acc {
  name: string;
  received: number;
  reportedOnTime: number;
  returned: number;
  overdue: number;
  resolved: number;
  led: number;
  rated: number;
  satisfied: number;
  reportMs: number;
  reportN: number;
}

type Row = Pick<
  DispatchDoc,
  | 'departmentId'
  | 'departmentName'
  | 'status'
  | 'role'
  | 'dispatchedAt'
  | 'reportBy'
  | 'resolveBy'
  | 'arrivedAt'
  | 'arrivedOnTime'
  | 'resolvedAt'
  | 'satisfaction'
>;

/** Figures per department from their parts (one pass; the ranking of a month is computed from it). */
export function departmentFigures(rows: Iterable<Row>, now: Date): DepartmentFigures[] {
  const t = now.getTime();
  const by = new Map<string, Acc>();
  for (const r of rows) {
    let a = by.get(r.departmentId);
    if (!a) {
      a = {
        name: r.departmentName,
        received: 0,
        reportedOnTime: 0,
        returned: 0,
        overdue: 0,
        resolved: 0,
        led: 0,
        rated: 0,
        satisfied: 0,
        reportMs: 0,
        reportN: 0,
      };
      by.set(r.departmentId, a);
    }
    a.received++;
    if (r.status === 'returned') {
      a.returned++;
      continue;
    }
    if (r.arrivedOnTime) a.reportedOnTime++;
    if (r.arrivedAt) {
      a.reportMs += Date.parse(r.arrivedAt) - Date.parse(r.dispatchedAt);
      a.reportN++;
    } else if (Date.parse(r.reportBy) < t) a.overdue++;
    if (r.role === 'lead') {
      a.led++;
      if (r.resolvedAt) a.resolved++;
      else if (r.arrivedAt && Date.parse(r.resolveBy) < t) a.overdue++;
      if (r.satisfaction) {
        a.rated++;
        if (r.satisfaction !== 'unsatisfied') a.satisfied++;
      }
    }
  }
  return [...by].map(([departmentId, a]) => ({
    departmentId,
    departmentName: a.name,
    received: a.received,
    reportedOnTime: a.reportedOnTime,
    returned: a.returned,
    overdue: a.overdue,
    resolved: a.resolved,
    led: a.led,
    rated: a.rated,
    satisfied: a.satisfied,
    responseRate: rate(a.reportedOnTime, a.received - a.returned),
    resolutionRate: rate(a.resolved, a.led),
    satisfactionRate: rate(a.satisfied, a.rated),
    averageHoursToReport: a.reportN === 0 ? null : Math.round((a.reportMs / a.reportN / 3_600_000) * 10) / 10,
  }));
}

/** The mean of the rates a department has (a rate with nothing to count is left out). */
export function departmentScore(f: Pick<DepartmentFigures, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>): number | null {
  const rates = [f.responseRate, f.resolutionRate, f.satisfactionRate].filter((r): r is number => r !== null);
  return rates.length === 0 ? null : Math.round((rates.reduce((s, r) => s + r, 0) / rates.length) * 10) / 10;
}

export type RankedDepartment = DepartmentFigures & { rank: number; score: number | null };

/**
 * The district's ranking for a month: by the mean of the three rates, then fewer overdue, then more
 * received, then name; departments with nothing to score come last. Equal keys share a rank.
 */
export function rankDepartments(figures: readonly DepartmentFigures[]): RankedDepartment[] {
  const scored = figures.map((f) => ({ ...f, score: departmentScore(f) }));
  scored.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      a.overdue - b.overdue ||
      b.received - a.received ||
      a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
  );
  let rank = 0;
  return scored.map((f, i) => {
    const prev = scored[i - 1];
    if (!prev || prev.score !== f.score || prev.overdue !== f.overdue || prev.received !== f.received) rank = i + 1;
    return { ...f, rank };
  });
}

/** Requests counted by where they came from (a request without a source is a resident's). */
export function countBySource(rows: Iterable<{ source?: RequestSource }>): Record<RequestSource, number> {
  const counts = Object.fromEntries(REQUEST_SOURCES.map((s) => [s, 0])) as Record<RequestSource, number>;
  for (const r of rows) counts[r.source ?? 'resident']++;
  return counts;
}
