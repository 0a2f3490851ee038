import { ok, recountParts, type DispatchDoc, type RequestDoc, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { MAX_FIND_LIMIT } from '../../ports/store';
import { findAll } from '../find-all';
import { withOutcome } from './department-stats';

const READ_AT_ONCE = 500;
/** A run stops taking departments after this much time, well under the function's 20 s limit. */
export const RECOUNT_BUDGET_MS = 8_000;

/**
 * The backfill and repair path of the department counters: for each of the district's departments,
 * reads its parts, copies each led request's outcome (resolution, rating) and every part's source
 * onto it where it lacks them (a conditional write on the version read), then writes the counter
 * documents the parts make (`recountParts`), whole. Running it again writes the same documents.
 * A step landing while it runs is counted by that step on top of the document written here only if
 * it lands after; run it when the district is quiet (a deploy step).
 *
 * Paged: the departments in id order, `pageSize` of them at most per call and none begun after the
 * time budget; the answer's `after` is the last department done, to pass to the next call (absent
 * when the district is done). A repeated page writes the same documents (each is written whole).
 */
export async function recountStats(
  ctx: Ctx,
  input: { districtId: string; after?: string | undefined; pageSize?: number | undefined },
): Promise<Result<{ parts: number; synced: number; documents: number; after?: string }>> {
  const { store } = ctx.ports;
  const started = Date.now();
  const all = await store.find(COLLECTIONS.departments, {
    where: { districtId: input.districtId },
    orderBy: [['name', 'asc']],
    limit: MAX_FIND_LIMIT,
  });
  const todo = all
    .map((d) => d._id)
    .sort()
    .filter((id) => input.after === undefined || id > input.after);
  const page = todo.slice(0, input.pageSize ?? todo.length);
  let parts = 0;
  let synced = 0;
  let documents = 0;
  let last: string | undefined;
  for (const id of page) {
    if (last !== undefined && Date.now() - started > RECOUNT_BUDGET_MS) break;
    const d = { _id: id };
    const mine = await findAll(store, COLLECTIONS.dispatches, { departmentId: d._id }, [['month', 'asc']], 1_000_000);
    const ids = [...new Set(mine.map((p) => p.requestId))];
    const requests = new Map<string, RequestDoc>();
    for (let i = 0; i < ids.length; i += READ_AT_ONCE)
      for (const r of await store.getMany(COLLECTIONS.requests, ids.slice(i, i + READ_AT_ONCE))) requests.set(r._id, r);
    const counted: DispatchDoc[] = [];
    for (const p of mine) {
      const r = requests.get(p.requestId);
      const next = !r ? p : p.role === 'lead' ? withOutcome(p, r) : p.source ? p : { ...p, source: r.source ?? ('resident' as const) };
      if (JSON.stringify(next) !== JSON.stringify(p)) {
        const set = {
          source: next.source,
          ...(next.resolvedAt ? { resolvedAt: next.resolvedAt, resolvedOnTime: next.resolvedOnTime } : {}),
          ...(next.satisfaction ? { satisfaction: next.satisfaction } : {}),
          version: p.version + 1,
        };
        const unset = (['resolvedAt', 'resolvedOnTime', 'satisfaction'] as const).filter(
          (k) => p[k] !== undefined && next[k] === undefined,
        );
        if (
          await store.update(COLLECTIONS.dispatches, p._id, { set, ...(unset.length ? { unset: [...unset] } : {}) }, { version: p.version })
        )
          synced++;
      }
      counted.push(next);
    }
    parts += mine.length;
    for (const doc of recountParts(counted)) {
      await store.put(COLLECTIONS.departmentStats, doc);
      documents++;
    }
    last = id;
  }
  const more = last !== undefined && todo.indexOf(last) < todo.length - 1;
  return ok({ parts, synced, documents, ...(more ? { after: last } : {}) });
}
