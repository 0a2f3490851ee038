import { err, isStaffHeld, ok, type RequestDoc, type RequestSummary, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { followerId } from './request-policy';
import { toSummary } from './request-views';

/**
 * 附议: a neighbour adds their voice to an open request and follows it from now on. Once per
 * person (the follower row's id is the pair), so a double tap counts once.
 */
export async function secondRequest(ctx: Ctx, input: { requestId: string }): Promise<Result<{ request: RequestSummary }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const at = clock.now().toISOString();
  const result = await store.transaction(async (tx): Promise<Result<RequestDoc>> => {
    const r = await tx.get(COLLECTIONS.requests, input.requestId);
    if (!r) return err('REQUEST.NOT_FOUND');
    if (r.reporter.openid === openid) return err('REQUEST.OWN_REQUEST');
    if (await tx.get(COLLECTIONS.requestFollowers, followerId(r._id, openid))) return ok(r);
    if (!isStaffHeld(r.status) || r.track === 'private') return err('REQUEST.WRONG_STATE', { status: r.status });
    await tx.insert(COLLECTIONS.requestFollowers, { _id: followerId(r._id, openid), requestId: r._id, openid, at, via: 'second' });
    const next: RequestDoc = { ...r, followerCount: r.followerCount + 1, version: r.version + 1, updatedAt: at };
    await tx.put(COLLECTIONS.requests, next);
    return ok(next);
  });
  if (!result.ok) return result;
  return ok({ request: toSummary(result.data, clock.now(), { forNeighbours: true }) });
}
