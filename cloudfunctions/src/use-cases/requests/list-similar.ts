import { ok, type RequestCategory, type RequestSummary, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { followerId } from './request-policy';
import { toSummary } from './request-views';

/**
 * Before submitting: the open requests of the same compound and category, so a resident can
 * add their voice (附议) instead of filing a duplicate. 私事 are personal and never listed.
 */
export async function listSimilar(
  ctx: Ctx,
  input: { compoundId: string; category: RequestCategory },
): Promise<Result<{ requests: (RequestSummary & { mine: boolean; following: boolean })[] }>> {
  const docs = await ctx.ports.store.find(COLLECTIONS.requests, {
    where: { compoundId: input.compoundId, category: input.category, status: { in: ['submitted', 'accepted', 'handling'] } },
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  });
  const now = ctx.ports.clock.now();
  const openid = callerOpenid(ctx);
  const open = docs.filter((d) => d.track !== 'private');
  // the caller's own and those they already seconded need no 附议 button
  const followed = new Set(
    (
      await ctx.ports.store.getMany(
        COLLECTIONS.requestFollowers,
        open.map((d) => followerId(d._id, openid)),
      )
    ).map((f) => f.requestId),
  );
  return ok({
    requests: open.map((d) => ({
      ...toSummary(d, now, { forNeighbours: true }),
      mine: d.reporter.openid === openid,
      following: followed.has(d._id),
    })),
  });
}
