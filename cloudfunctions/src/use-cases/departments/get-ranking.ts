import {
  countBySource,
  departmentFigures,
  ok,
  rankDepartments,
  REQUEST_SOURCES,
  shanghaiInstant,
  type DispatchDoc,
  type PartView,
  type Place,
  type RankedRow,
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

/**
 * The district's departments ranked for a month on 响应率 / 解决率 / 满意率, from the parts
 * dispatched that month (one indexed read) and the led requests' outcomes; a department's parts
 * on drill-down; and the district's requests of the month by source.
 */
export async function getRanking(
  ctx: Ctx,
  input: { districtId: string; month: string; departmentId?: string | undefined },
  district: Place,
): Promise<Result<{ month: string; rows: RankedRow[]; parts?: Omit<PartView, 'request'>[]; bySource: Record<RequestSource, number> }>> {
  const { store, clock } = ctx.ports;
  // a district's month (the bench: 50 departments over 200,000 requests), read department by
  // department: each read pages along its own index range, so the pages stay short
  const departments = await store.find(COLLECTIONS.departments, {
    where: { districtId: district._id },
    orderBy: [['name', 'asc']],
    limit: MAX_FIND_LIMIT,
  });
  const parts: DispatchDoc[] = [];
  for (const d of departments)
    parts.push(...(await findAll(store, COLLECTIONS.dispatches, { departmentId: d._id, month: input.month }, [['month', 'asc']], 500_000)));
  // the rating and the result live on the request: read the led ones, a page at a time
  const led = [...new Set(parts.filter((p) => p.role === 'lead').map((p) => p.requestId))];
  const outcome = new Map<string, Pick<DispatchDoc, 'resolvedAt' | 'satisfaction'>>();
  for (let i = 0; i < led.length; i += READ_AT_ONCE)
    for (const r of await store.getMany(COLLECTIONS.requests, led.slice(i, i + READ_AT_ONCE)))
      outcome.set(r._id, {
        ...(r.resolvedAt ? { resolvedAt: r.resolvedAt } : {}),
        ...(r.rating ? { satisfaction: r.rating.satisfaction } : {}),
      });
  const rows = parts.map((p) => (p.role === 'lead' ? { ...p, ...outcome.get(p.requestId) } : p));
  const ranked = rankDepartments(departmentFigures(rows, clock.now()));
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
    ...(input.departmentId ? { parts: rows.filter((p) => p.departmentId === input.departmentId).map(toPartRow) } : {}),
    bySource,
  });
}
