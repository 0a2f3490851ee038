import { ok, type RequestCategory, type RequestDoc, type RequestSummary, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toSummary } from './request-views';

/**
 * Before submitting: the open requests of the same compound and category, so a resident can
 * add their voice (附议) instead of filing a duplicate. 私事 are personal and never listed.
 */
export async function listSimilar(
  ctx: Ctx,
  input: { compoundId: string; category: RequestCategory },
): Promise<Result<{ requests: RequestSummary[] }>> {
  const docs = await ctx.ports.store.find<RequestDoc>(COLLECTIONS.requests, {
    where: { compoundId: input.compoundId, category: input.category, status: { in: ['submitted', 'accepted', 'handling'] } },
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  });
  const now = ctx.ports.clock.now();
  return ok({ requests: docs.filter((d) => d.track !== 'private').map((d) => toSummary(d, now, { forNeighbours: true })) });
}
