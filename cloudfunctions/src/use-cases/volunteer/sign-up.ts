import { err, ok, type ActivityDoc, type Result, type SignupDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { freeSeats } from '../booking/seat-ledger';
import { compoundInCommunity, representResident, type Represented } from '../ledger/represent';
import { signupId, toActivityView, eligibility, closedRefusal } from './activity-records';
import { activityCommunity } from './volunteer-policy';

/**
 * Takes a place (or one in line). 代办: with `onBehalfOf`, staff or 三长五员 of her compound sign
 * up a resident of the activity's community; the place is then hers (`proxy:<ledger id>` until she
 * binds), the organiser marks her present by hand, and the confirmation's points go to her wallet.
 */
export async function signUp(ctx: Ctx, input: { activityId: string; waitlist: boolean; onBehalfOf?: string }, loaded: ActivityDoc) {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  let represented: Represented | null = null;
  if (input.onBehalfOf) {
    const r = await representResident(ctx, input.onBehalfOf, compoundInCommunity(activityCommunity(loaded)));
    if (!r.ok) return r;
    represented = r.data;
    // a resident of the community; a 党员 activity needs a party member, which someone without the app cannot be yet
    if (loaded.whoMayJoin === 'partyMembers') return err('VOLUNTEER.NOT_ELIGIBLE', { whoMayJoin: loaded.whoMayJoin });
  } else {
    const eligible = await eligibility(ctx, ctx.caller, loaded);
    if (!eligible.ok) return eligible;
  }
  const openid = represented?.openid ?? callerOpenid(ctx);
  const id = signupId(loaded._id, openid);
  const user = represented ? { name: represented.resident.name, phone: represented.resident.phone } : ctx.caller.user;
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
      ...(represented ? { proxy: represented.proxy } : {}),
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
