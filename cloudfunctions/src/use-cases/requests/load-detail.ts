import type { PlaceKind, RequestDetail, RequestDoc, RequestEvent } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { abilities, relationTo } from './request-access';
import { toDetail } from './request-views';

export const followerId = (requestId: string, openid: string) => `${requestId}:${openid}`;

/** The request field that places it at each level of the grid, for per-level queries and counters. */
export const LEVEL_FIELD: Partial<Record<PlaceKind, 'compoundId' | 'communityId' | 'streetId' | 'districtId'>> = {
  compound: 'compoundId',
  community: 'communityId',
  street: 'streetId',
  district: 'districtId',
};

/** A timeline holds at most this many lines per read; a request rarely has more than a few dozen. */
const TIMELINE_LIMIT = 500;

export async function loadTimeline(ctx: Ctx, requestId: string): Promise<RequestEvent[]> {
  return ctx.ports.store.find(COLLECTIONS.requestEvents, {
    where: { requestId },
    orderBy: [['at', 'asc']],
    limit: TIMELINE_LIMIT,
  });
}

/** The request as the caller sees it: timeline, what they may do, the phone only for the handler. */
export async function detailFor(ctx: Ctx, r: RequestDoc): Promise<RequestDetail> {
  const openid = ctx.caller.openid;
  const [events, follower] = await Promise.all([
    loadTimeline(ctx, r._id),
    openid ? ctx.ports.store.get(COLLECTIONS.requestFollowers, followerId(r._id, openid)) : null,
  ]);
  const rel = relationTo(ctx.caller, r);
  const following = !!follower;
  return toDetail(
    r,
    events,
    { openid, following, manager: rel.manager, can: abilities(rel, r, following) },
    ctx.ports.clock.now(),
    ctx.ports.calendar,
  );
}
