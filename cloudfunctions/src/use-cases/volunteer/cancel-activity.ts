import { err, ok, type ActivityDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toActivityView } from './activity-records';

export async function cancelActivity(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  if (a.status === 'confirmed') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: true });
  const at = ctx.ports.clock.now().toISOString();
  await ctx.ports.store.update(COLLECTIONS.volActivities, a._id, { set: { status: 'cancelled', updatedAt: at } }, { status: 'open' });
  const after = await ctx.ports.store.get(COLLECTIONS.volActivities, a._id);
  return ok({ activity: await toActivityView(ctx, after ?? a) });
}
