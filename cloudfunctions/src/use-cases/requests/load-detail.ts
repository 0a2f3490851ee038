import type { PlaceKind, RequestDetail, RequestDoc, RequestEvent } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { abilities, followerId, relationTo } from './request-policy';
import { toDetail } from './request-views';

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

/**
 * The request as the caller sees it: timeline, what they may do, the phone only for the handler.
 * `following` when the caller's policy already read it (get); otherwise it is read here.
 */
export async function detailFor(ctx: Ctx, r: RequestDoc, known?: { following: boolean }): Promise<RequestDetail> {
  const openid = ctx.caller.openid;
  const [events, follower] = await Promise.all([
    loadTimeline(ctx, r._id),
    known || !openid ? null : ctx.ports.store.get(COLLECTIONS.requestFollowers, followerId(r._id, openid)),
  ]);
  const following = known?.following ?? !!follower;
  const rel = relationTo(ctx.caller, r);
  return toDetail(
    r,
    events,
    { openid, following, manager: rel.manager, can: abilities(ctx.caller, { request: r, following }) },
    ctx.ports.clock.now(),
    ctx.ports.calendar,
  );
}
