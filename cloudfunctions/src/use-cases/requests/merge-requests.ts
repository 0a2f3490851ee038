import { err, mergeRequests as merge, ok, type RequestDetail, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { actorOf } from './actor';
import { writeChange, type Committed } from './commit-request';
import { detailFor } from './load-detail';
import { followerId } from './request-policy';
import { notifyRequest } from './notify-request';

/**
 * Staff merge a duplicate (requestId) into the request that remains (intoId). Both change in one
 * transaction, with the duplicate's reporter added as a follower of the one that remains. The
 * duplicate's own followers are copied afterwards with idempotent inserts: a merge cut short
 * leaves them following the merged request, which still points to the one that remains.
 */
export async function mergeRequests(ctx: Ctx, input: { requestId: string; intoId: string }): Promise<Result<RequestDetail>> {
  const { store, clock, calendar } = ctx.ports;
  const at = clock.now().toISOString();
  const done = await store.transaction(async (tx): Promise<Result<{ source: Committed; target: Committed }>> => {
    const source = await tx.get(COLLECTIONS.requests, input.requestId);
    const target = await tx.get(COLLECTIONS.requests, input.intoId);
    if (!source || !target) return err('REQUEST.NOT_FOUND');
    const change = merge(source, target, actorOf(ctx, source), { now: clock.now(), calendar });
    if (!change.ok) return change;
    const sourceEvents = await writeChange(tx, change.data.source, at);
    const targetEvents = await writeChange(tx, change.data.target, at);
    const reporterRow = followerId(target._id, source.reporter.openid);
    if (source.reporter.openid !== target.reporter.openid && !(await tx.get(COLLECTIONS.requestFollowers, reporterRow)))
      await tx.insert(COLLECTIONS.requestFollowers, {
        _id: reporterRow,
        requestId: target._id,
        openid: source.reporter.openid,
        at,
        via: 'merge',
      });
    return ok({
      source: { request: change.data.source.next, events: sourceEvents },
      target: { request: change.data.target.next, events: targetEvents },
    });
  });
  if (!done.ok) return done;
  const { source, target } = done.data;
  const followers = await findAll(store, COLLECTIONS.requestFollowers, { requestId: source.request._id }, [['at', 'asc']]);
  for (const f of followers)
    if (f.openid !== target.request.reporter.openid)
      await store.insert(COLLECTIONS.requestFollowers, {
        _id: followerId(target.request._id, f.openid),
        requestId: target.request._id,
        openid: f.openid,
        at,
        via: 'merge',
      });
  await notifyRequest(ctx, source.request, source.events);
  return ok(await detailFor(ctx, target.request));
}
