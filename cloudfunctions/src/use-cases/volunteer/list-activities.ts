import { hasStaffScope, ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { type CommunityWithSettings } from './volunteer-policy';
import { toActivityView } from './activity-records';

/** A community's activities: upcoming soonest first, then the last month's, newest first. */
export async function listActivities(ctx: Ctx, input: { communityId: string }, loaded: CommunityWithSettings) {
  const now = ctx.ports.clock.now();
  const docs = await ctx.ports.store.find(COLLECTIONS.volActivities, {
    where: { communityId: input.communityId, startAt: { gte: new Date(now.getTime() - 31 * 86_400_000).toISOString() } },
    orderBy: [['startAt', 'desc']],
    limit: 200,
  });
  const upcoming = docs.filter((a) => Date.parse(a.endAt) >= now.getTime() && a.status !== 'cancelled').reverse();
  const past = docs.filter((a) => Date.parse(a.endAt) < now.getTime() || a.status === 'cancelled');
  const canPost = hasStaffScope(ctx.caller.grants, loaded.community) || loaded.settings.leads.some((l) => l.openid === ctx.caller.openid);
  return ok({
    communityName: loaded.community.name,
    canPost,
    activities: await Promise.all([...upcoming, ...past].map((a) => toActivityView(ctx, a))),
  });
}
