import { err, ok, type ActivityDoc, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { signupId, toActivityView, closedRefusal, passPlaceOn } from './activity-records';

export async function leaveActivity(ctx: Ctx, _input: { activityId: string }, loaded: ActivityDoc) {
  const openid = callerOpenid(ctx);
  const now = ctx.ports.clock.now();
  const id = signupId(loaded._id, openid);
  const outcome = await ctx.ports.store.transaction(async (tx): Promise<Result<ActivityDoc>> => {
    const a = await tx.get(COLLECTIONS.volActivities, loaded._id);
    const s = await tx.get(COLLECTIONS.volSignups, id);
    if (!a) return err('VOLUNTEER.ACTIVITY_NOT_FOUND');
    if (!s || s.status === 'cancelled') return err('VOLUNTEER.NOT_SIGNED_UP');
    const closed = closedRefusal(a, now);
    if (closed) return closed;
    const at = now.toISOString();
    await tx.put(COLLECTIONS.volSignups, { ...s, status: 'cancelled', updatedAt: at });
    let next: ActivityDoc = s.status === 'waiting' ? { ...a, waiting: a.waiting - 1 } : { ...a, taken: a.taken - 1 };
    if (s.status === 'signedUp') next = await passPlaceOn(ctx, tx, next, at);
    await tx.put(COLLECTIONS.volActivities, { ...next, updatedAt: at });
    return ok(next);
  });
  if (!outcome.ok) return outcome;
  return ok({ activity: await toActivityView(ctx, outcome.data, null) });
}
