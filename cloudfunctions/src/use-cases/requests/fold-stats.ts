import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { RequestStatDoc, RequestStatRow } from '../../ports/documents';

/** Pending rows read per page. */
const PAGE = 100;
/**
 * Rows added per transaction: rows of one street share its day document (and its district's), so
 * a transaction each would contend with the next; a few together read each day document once.
 */
const ROWS_AT_ONCE = 10;

/**
 * Adds the steps' counter rows (commit-request.ts `statRowOf`) to the day documents of their
 * places, and removes them, in one transaction per few rows: a row is added exactly once, however
 * many runs (the requests timer, figures reads) fold at the same time, because each transaction
 * reads the rows again and adds only those still there. Oldest first, at most `pages` pages.
 */
export async function foldStats(
  ctx: Ctx,
  options: { pages?: number; budget?: { within(): boolean } } = {},
): Promise<{ folded: number; more: boolean }> {
  const { store } = ctx.ports;
  let folded = 0;
  for (let page = 0; page < (options.pages ?? Infinity); page++) {
    const rows = await store.find(COLLECTIONS.requestStatRows, { orderBy: [['at', 'asc']], limit: PAGE });
    for (let i = 0; i < rows.length; i += ROWS_AT_ONCE) {
      if (options.budget && !options.budget.within()) return { folded, more: true };
      folded += await foldRows(ctx, rows.slice(i, i + ROWS_AT_ONCE));
    }
    if (rows.length < PAGE) return { folded, more: false };
  }
  return { folded, more: true };
}

async function foldRows(ctx: Ctx, rows: readonly RequestStatRow[]): Promise<number> {
  return ctx.ports.store.transaction(async (tx) => {
    const live: RequestStatRow[] = [];
    for (const row of rows) {
      const still = await tx.get(COLLECTIONS.requestStatRows, row._id);
      if (still) live.push(still);
    }
    const sums = new Map<string, { placeId: string; day: string; inc: Record<string, number> }>();
    for (const row of live)
      for (const { day, inc } of row.deltas)
        for (const placeId of row.placeIds) {
          const id = `${placeId}:${day}`;
          const sum = sums.get(id) ?? { placeId, day, inc: {} };
          for (const [field, by] of Object.entries(inc)) if (by) sum.inc[field] = (sum.inc[field] ?? 0) + by;
          sums.set(id, sum);
        }
    for (const [id, { placeId, day, inc }] of sums) {
      if (Object.keys(inc).length === 0) continue;
      if (await tx.get(COLLECTIONS.requestStats, id)) await tx.update(COLLECTIONS.requestStats, id, { inc });
      else await tx.insert(COLLECTIONS.requestStats, { _id: id, placeId, day, ...inc } as RequestStatDoc);
    }
    for (const row of live) await tx.remove(COLLECTIONS.requestStatRows, row._id);
    return live.length;
  });
}
