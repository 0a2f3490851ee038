import { ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toActivityView } from './activity-records';

/** 我的志愿活动. */
export async function myActivities(ctx: Ctx) {
  const openid = callerOpenid(ctx);
  const now = ctx.ports.clock.now().getTime();
  const signups = (
    await ctx.ports.store.find(COLLECTIONS.volSignups, { where: { openid }, orderBy: [['startAt', 'desc']], limit: 100 })
  ).filter((s) => s.status !== 'cancelled');
  const activities = await ctx.ports.store.getMany(
    COLLECTIONS.volActivities,
    signups.map((s) => s.activityId),
  );
  const byId = new Map(activities.map((a) => [a._id, a]));
  const views = await Promise.all(
    signups.flatMap((s) => (byId.has(s.activityId) ? [toActivityView(ctx, byId.get(s.activityId)!, s)] : [])),
  );
  return ok({
    upcoming: views.filter((v) => Date.parse(v.endAt) >= now && v.status !== 'cancelled').reverse(),
    past: views.filter((v) => Date.parse(v.endAt) < now || v.status === 'cancelled'),
  });
}
