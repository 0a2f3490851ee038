import { ok, type RequestDoc, type RequestSummary, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toSummary } from './request-views';

const LIMIT = 100;

/**
 * The requests a resident reported or follows (附议, or merged into another). A request merged
 * away shows as the one that remains, so followers always see where the work goes on.
 */
export async function listMyRequests(ctx: Ctx): Promise<Result<{ requests: (RequestSummary & { following: boolean })[] }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const [own, follows] = await Promise.all([
    store.find(COLLECTIONS.requests, { where: { 'reporter.openid': openid }, orderBy: [['createdAt', 'desc']], limit: LIMIT }),
    store.find(COLLECTIONS.requestFollowers, {
      where: { openid },
      orderBy: [['at', 'desc']],
      limit: LIMIT,
    }),
  ]);
  const followed = await store.getMany(
    COLLECTIONS.requests,
    follows.map((f) => f.requestId),
  );
  // one hop is enough: merging into a request that was itself merged moves its followers along
  const targets = await store.getMany(
    COLLECTIONS.requests,
    [...own, ...followed].filter((r) => r.mergedInto).map((r) => r.mergedInto!),
  );
  const byId = new Map<string, { r: RequestDoc; following: boolean }>();
  for (const r of own) if (r.status !== 'merged') byId.set(r._id, { r, following: false });
  for (const r of [...followed, ...targets])
    if (r.status !== 'merged' && !byId.has(r._id)) byId.set(r._id, { r, following: r.reporter.openid !== openid });
  const now = clock.now();
  const requests = [...byId.values()]
    .sort((a, b) => b.r.updatedAt.localeCompare(a.r.updatedAt))
    // a request the caller follows shows what the public board shows, not the reporter's home
    .map(({ r, following }) => ({ ...toSummary(r, now, { viewer: openid, forNeighbours: following }), following }));
  return ok({ requests });
}
