import { err, ok, type ActivityDoc, type Result, type SignupDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { freeSeats } from '../booking/seat-ledger';
import { signupId, toActivityView, eligibility, closedRefusal } from './activity-records';

export async function signUp(ctx: Ctx, input: { activityId: string; waitlist: boolean }, loaded: ActivityDoc) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const eligible = await eligibility(ctx, ctx.caller, loaded);
  if (!eligible.ok) return eligible;
  const id = signupId(loaded._id, openid);
  const user = ctx.caller.user;
  const outcome = await store.transaction(async (tx): Promise<Result<{ a: ActivityDoc; s: SignupDoc }>> => {
    const a = await tx.get(COLLECTIONS.volActivities, loaded._id);
    if (!a) return err('VOLUNTEER.ACTIVITY_NOT_FOUND');
    const closed = closedRefusal(a, now);
    if (closed) return closed;
    const existing = await tx.get(COLLECTIONS.volSignups, id);
    // pressing twice keeps the one place
    if (existing && existing.status !== 'cancelled') return ok({ a, s: existing });
    const at = now.toISOString();
    const base: SignupDoc = {
      _id: id,
      activityId: a._id,
      communityId: a.communityId,
      openid,
      name: user?.name ?? '志愿者',
      phone: user?.phone ?? '',
      startAt: a.startAt,
      status: 'signedUp',
      seq: 0,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    if (freeSeats(a) > 0) {
      const next = { ...a, taken: a.taken + 1, updatedAt: at };
      await tx.put(COLLECTIONS.volActivities, next);
      await tx.put(COLLECTIONS.volSignups, base);
      return ok({ a: next, s: base });
    }
    if (!input.waitlist) return err('VOLUNTEER.FULL', { waiting: a.waiting });
    const next = { ...a, waiting: a.waiting + 1, lineSeq: a.lineSeq + 1, updatedAt: at };
    const s: SignupDoc = { ...base, status: 'waiting', seq: next.lineSeq };
    await tx.put(COLLECTIONS.volActivities, next);
    await tx.put(COLLECTIONS.volSignups, s);
    return ok({ a: next, s });
  });
  if (!outcome.ok) return outcome;
  return ok({ activity: await toActivityView(ctx, outcome.data.a, outcome.data.s) });
}
