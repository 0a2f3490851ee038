import { breakdownOf, err, ok, type Change, type RequestDoc, type RequestEvent, type Result, type StatDelta } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { RequestStatRow } from '../../ports/documents';
import type { Patch, TxStore } from '../../ports/store';
import { syncLeadOutcome } from '../departments/department-stats';

/** A written step: the request as it is now and the timeline lines the step added. */
export interface Committed {
  request: RequestDoc;
  events: RequestEvent[];
}

/** The places whose counters a request feeds: its compound, community, street and district. */
export const statPlaces = (r: RequestDoc) => [r.compoundId, r.communityId, r.streetId, r.districtId];

/**
 * A step's counter deltas, merged by day, as one row written in the transaction that changes the
 * request: the figures can never count a step that did not happen, nor miss one that did, and the
 * step pays one write instead of reading and writing four day documents (fold-stats.ts adds the row
 * to them after the answer, and a figures read folds what is pending first). Null when nothing moves.
 */
export function statRowOf(r: RequestDoc, deltas: readonly StatDelta[], at: string): RequestStatRow | null {
  const byDay = new Map<string, Record<string, number>>();
  for (const d of deltas) {
    const sum = byDay.get(d.day) ?? {};
    // a report also counts under its source and category, for the figures' charts (figures.rules.ts)
    for (const [field, by] of Object.entries({ ...d.inc, ...breakdownOf(d.inc, r) })) if (by) sum[field] = (sum[field] ?? 0) + by;
    if (Object.keys(sum).length) byDay.set(d.day, sum);
  }
  if (byDay.size === 0) return null;
  return {
    _id: `${r._id}:${r.version}`,
    requestId: r._id,
    placeIds: statPlaces(r),
    deltas: [...byDay].map(([day, inc]) => ({ day, inc })),
    at,
  };
}

/** The timeline lines of a change, with ids derived from the request's new version. */
export const eventsOf = (change: Change, at: string): RequestEvent[] =>
  change.events.map((e, i): RequestEvent => ({
    ...e,
    _id: `${change.next._id}:${change.next.version}:${i}`,
    requestId: change.next._id,
    at,
  }));

/** The patch that turns one version of a request into the next (top-level fields set or removed). */
export function diffPatch(before: RequestDoc, after: RequestDoc): Patch {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(after))
    if (key !== '_id' && JSON.stringify(value) !== JSON.stringify(before[key as keyof RequestDoc])) set[key] = value;
  for (const key of Object.keys(before)) if (!(key in after)) unset.push(key);
  return { set, ...(unset.length ? { unset } : {}) };
}

/**
 * Writes one change inside a transaction: the whole request (its version was read in the same
 * transaction, so a concurrent change makes this one retry), its timeline lines under ids derived
 * from the new version, and the counters' row.
 */
export async function writeChange(tx: TxStore, change: Change, at: string): Promise<RequestEvent[]> {
  const { next } = change;
  await tx.put(COLLECTIONS.requests, next);
  const events = eventsOf(change, at);
  // put, not insert: the ids carry the version this transaction read, so no other write can hold them
  for (const e of events) await tx.put(COLLECTIONS.requestEvents, e);
  const row = statRowOf(next, change.stats, at);
  // put: the id carries the version this transaction read, as the timeline lines' ids do
  if (row) await tx.put(COLLECTIONS.requestStatRows, row);
  return events;
}

/**
 * Reads a request and applies the step `decide` makes of it, atomically. `decide` sees the
 * request as it is inside the transaction, so two phones pressing at once, or two overlapping
 * timer runs, each decide on the latest state: the second finds nothing to do or a wrong state.
 * `decide` answering null means no change.
 */
export async function mutateRequest(
  ctx: Ctx,
  requestId: string,
  decide: (r: RequestDoc) => Result<Change> | Change | null,
  /**
   * More doc-by-id writes in the same transaction, when the step changes the request, before it is
   * written; answers the request to write (the change's, or one it adjusted).
   */
  also?: (tx: TxStore, next: RequestDoc) => Promise<RequestDoc>,
): Promise<Result<Committed & { changed: boolean }>> {
  const at = ctx.ports.clock.now().toISOString();
  return ctx.ports.store.transaction(async (tx) => {
    const r = await tx.get(COLLECTIONS.requests, requestId);
    if (!r) return err('REQUEST.NOT_FOUND');
    const decided = decide(r);
    if (decided === null) return ok({ request: r, events: [], changed: false });
    const decidedChange = 'ok' in decided ? decided : ok(decided);
    if (!decidedChange.ok) return decidedChange;
    const change = also ? { ...decidedChange.data, next: await also(tx, decidedChange.data.next) } : decidedChange.data;
    // a dispatched request's resolution or rating is its lead department's too (the counters)
    await syncLeadOutcome(tx, r, change.next);
    const events = await writeChange(tx, change, at);
    return ok({ request: change.next, events, changed: true });
  });
}
