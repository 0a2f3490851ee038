import {
  countBySource,
  departmentSeries,
  ok,
  monthlyRates,
  rankFromCounts,
  REQUEST_SOURCES,
  shanghaiDate,
  shanghaiInstant,
  type DispatchDoc,
  type FigureSeries,
  type PartView,
  type Place,
  type RequestCategory,
  type RequestSource,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { MAX_FIND_LIMIT } from '../../ports/store';
import { findAll } from '../find-all';
import { toPartRow } from './part-views';

const READ_AT_ONCE = 500;

/** The first instant of a Shanghai month and of the next. */
function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: shanghaiInstant(`${month}-01`).toISOString(), to: shanghaiInstant(`${next}-01`).toISOString() };
}

/** The month `n` months before a YYYY-MM month. */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/**
 * The district's departments ranked for a month on 响应率 / 解决率 / 满意率, from their month
 * counters (one indexed read of one document per department: department-stats.ts keeps them in
 * every step's transaction); on drill-down a department's parts and its trends (`departmentSeries`:
 * the same charts as a place's figures); the district's requests of the month by source.
 */
export async function getRanking(
  ctx: Ctx,
  input: { districtId: string; month: string; departmentId?: string | undefined },
  district: Place,
): Promise<
  Result<{
    month: string;
    rows: ReturnType<typeof rankFromCounts>;
    parts?: Omit<PartView, 'request'>[];
    months?: ReturnType<typeof monthlyRates>;
    series?: FigureSeries;
    bySource: Record<RequestSource, number>;
  }>
> {
  const { store } = ctx.ports;
  // the month's counters, one document per department that had a part (kept by every step)
  const docs = await store.find(COLLECTIONS.departmentStats, {
    where: { districtId: district._id, month: input.month },
    orderBy: [['month', 'asc']],
    limit: MAX_FIND_LIMIT,
  });
  const ranked = rankFromCounts(docs);
  // drill-down: one department's parts of the month, with the led requests' outcomes
  const rows: DispatchDoc[] = [];
  let months: ReturnType<typeof monthlyRates> | undefined;
  let series: FigureSeries | undefined;
  if (input.departmentId) {
    const since = monthsBefore(input.month, 11);
    const monthDocs = await store.find(COLLECTIONS.departmentStats, {
      where: { departmentId: input.departmentId, month: { gte: since, lte: input.month } },
      orderBy: [['month', 'asc']],
      limit: 12,
    });
    months = monthlyRates(monthDocs);
    const parts = await findAll(
      store,
      COLLECTIONS.dispatches,
      { departmentId: input.departmentId, month: input.month },
      [['month', 'asc']],
      50_000,
    );
    // every part's request, for its category (the charts); the led ones' outcome too
    const ids = [...new Set(parts.map((p) => p.requestId))];
    const outcome = new Map<string, Pick<DispatchDoc, 'resolvedAt' | 'satisfaction'>>();
    const category = new Map<string, RequestCategory>();
    for (let i = 0; i < ids.length; i += READ_AT_ONCE)
      for (const r of await store.getMany(COLLECTIONS.requests, ids.slice(i, i + READ_AT_ONCE))) {
        category.set(r._id, r.category);
        outcome.set(r._id, {
          ...(r.resolvedAt ? { resolvedAt: r.resolvedAt } : {}),
          ...(r.rating ? { satisfaction: r.rating.satisfaction } : {}),
        });
      }
    rows.push(...parts.map((p) => (p.role === 'lead' ? { ...p, ...outcome.get(p.requestId) } : p)));
    series = departmentSeries(
      rows.map((p) => ({ ...p, category: category.get(p.requestId) })),
      input.month,
      monthDocs,
      shanghaiDate(ctx.ports.clock.now()),
    );
  }
  const { from, to } = monthRange(input.month);
  const bySource = countBySource([]);
  const total = await store.count(COLLECTIONS.requests, { districtId: district._id, createdAt: { gte: from, lt: to } });
  let tagged = 0;
  for (const source of REQUEST_SOURCES) {
    if (source === 'resident') continue;
    bySource[source] = await store.count(COLLECTIONS.requests, { districtId: district._id, source, createdAt: { gte: from, lt: to } });
    tagged += bySource[source];
  }
  bySource.resident = total - tagged;
  return ok({
    month: input.month,
    rows: ranked,
    ...(input.departmentId ? { parts: rows.map(toPartRow), months, series } : {}),
    bySource,
  });
}
