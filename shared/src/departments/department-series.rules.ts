import { dayjs, shanghaiDate } from '../common/time';
import { categoryField, computeSeries, lastMonths, sourceField, type DayDoc, type FigureSeries } from '../requests/figures.rules';
import type { RequestCategory } from '../requests/request.schema';
import type { DispatchDoc } from './department.schema';
import { monthlyRates, type DepartmentStatDoc } from './department-stats.rules';

export type SeriesPart = Pick<DispatchDoc, 'role' | 'dispatchedAt' | 'resolvedAt' | 'source'> & {
  /** The request's category (parts do not copy it; the drill-down reads it with the requests). */
  category?: RequestCategory | undefined;
};

/** The days of a month (YYYY-MM) up to today, as the period of its charts. */
export function monthToDate(month: string, today: string): { from: string; to: string } {
  const from = `${month}-01`;
  const end = dayjs.utc(from).endOf('month').format('YYYY-MM-DD');
  const to = today < end ? today : end;
  return { from, to: to < from ? from : to };
}

/**
 * One department's trends for a month, in the shape of a place's (`computeSeries`, so the same
 * charts draw them): 接单 per day of dispatch and 办结 per day its led requests were resolved, its
 * parts by the request's category and source, and its own three rates month by month from its
 * month counters (响应率 = 报到 on time over the parts it kept, 解决率 = resolved over led, 满意率
 * over the rated: `figuresFromCounts`), a month without a counter document shown as “—”.
 */
export function departmentSeries(
  parts: Iterable<SeriesPart>,
  month: string,
  monthDocs: readonly DepartmentStatDoc[],
  today: string,
): FigureSeries {
  const range = monthToDate(month, today);
  const days = new Map<string, DayDoc & Record<string, number>>();
  const add = (at: string, field: string) => {
    const day = shanghaiDate(at);
    const doc = days.get(day) ?? ({ day } as DayDoc & Record<string, number>);
    doc[field] = (doc[field] ?? 0) + 1;
    days.set(day, doc);
  };
  for (const p of parts) {
    add(p.dispatchedAt, 'submitted');
    add(p.dispatchedAt, sourceField(p.source ?? 'resident'));
    if (p.category) add(p.dispatchedAt, categoryField(p.category));
    if (p.role === 'lead' && p.resolvedAt) add(p.resolvedAt, 'closed');
  }
  const series = computeSeries([...days.values()], range, 'month');
  const rates = new Map(monthlyRates(monthDocs).map((m) => [m.month, m]));
  return {
    ...series,
    months: lastMonths(range.to).map((m) => ({
      month: m,
      responseRate: rates.get(m)?.responseRate ?? null,
      resolutionRate: rates.get(m)?.resolutionRate ?? null,
      satisfactionRate: rates.get(m)?.satisfactionRate ?? null,
    })),
  };
}
