import { err, ok, type ActivityDoc, type ActivityView, type Result, type SignupDoc } from '@linli/shared';
import type { Caller } from '../../platform/caller';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { activityCommunity, inCommunity, managesActivity, partyMemberId } from './volunteer-policy';

/**
 * Activities and their sign-ups. A place and the line for a full activity follow booking's seat
 * rules (seat-ledger's freeSeats: waiting people are owed a freed place before anyone new): the
 * activity's counters and the person's sign-up change in one transaction, so a hundred phones
 * pressing at once for the last places never take more than there are.
 */

export const signupId = (activityId: string, openid: string) => `${activityId}:${openid}`;

export async function positionOf(ctx: Ctx, s: SignupDoc): Promise<number | null> {
  if (s.status !== 'waiting') return null;
  const ahead = await ctx.ports.store.count(COLLECTIONS.volSignups, { activityId: s.activityId, status: 'waiting', seq: { lt: s.seq } });
  return ahead + 1;
}

export async function toActivityView(ctx: Ctx, a: ActivityDoc, mine?: SignupDoc | null): Promise<ActivityView> {
  const openid = ctx.caller.openid;
  const own = mine !== undefined ? mine : openid ? await ctx.ports.store.get(COLLECTIONS.volSignups, signupId(a._id, openid)) : null;
  return {
    id: a._id,
    communityId: a.communityId,
    communityName: a.communityName,
    title: a.title,
    description: a.description,
    location: a.location,
    startAt: a.startAt,
    endAt: a.endAt,
    seats: a.seats,
    taken: a.taken,
    waiting: a.waiting,
    points: a.points,
    whoMayJoin: a.whoMayJoin,
    organiserName: a.organiser.name,
    status: a.status,
    confirmedAt: a.confirmedAt ?? null,
    mine:
      own && own.status !== 'cancelled'
        ? { status: own.status, position: await positionOf(ctx, own), checkInAt: own.checkInAt ?? null, checkOutAt: own.checkOutAt ?? null }
        : null,
    canManage: managesActivity(ctx.caller, a),
  };
}

export const MAX_ACTIVITY_MS = 12 * 3_600_000;

/** May this caller join? Answers the refusal, or null. */
export async function eligibility(ctx: Ctx, caller: Caller, a: ActivityDoc): Promise<Result<null>> {
  if (a.whoMayJoin === 'anyone') return ok(null);
  if (a.whoMayJoin === 'community')
    return inCommunity(caller.grants, activityCommunity(a)) ? ok(null) : err('VOLUNTEER.NOT_ELIGIBLE', { whoMayJoin: a.whoMayJoin });
  const member = caller.openid ? await ctx.ports.store.get(COLLECTIONS.partyMembers, partyMemberId(a.communityId, caller.openid)) : null;
  return member ? ok(null) : err('VOLUNTEER.NOT_ELIGIBLE', { whoMayJoin: a.whoMayJoin });
}

export const closedRefusal = (a: ActivityDoc, now: Date) =>
  a.status !== 'open' || Date.parse(a.startAt) <= now.getTime()
    ? err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: Date.parse(a.startAt) <= now.getTime() })
    : null;

/** A freed place goes to the first in line, in the same transaction (seat-ledger's passSeatOn, for activities). */
export async function passPlaceOn(ctx: Ctx, tx: TxStore, a: ActivityDoc, at: string): Promise<ActivityDoc> {
  if (a.waiting <= 0) return a;
  // a plain read inside the work: the transaction re-runs it if the activity (and so its line) changed
  const line = await ctx.ports.store.find(COLLECTIONS.volSignups, {
    where: { activityId: a._id, status: 'waiting' },
    orderBy: [['seq', 'asc']],
    limit: 5,
  });
  for (const candidate of line) {
    const s = await tx.get(COLLECTIONS.volSignups, candidate._id);
    if (!s || s.status !== 'waiting') continue;
    await tx.put(COLLECTIONS.volSignups, { ...s, status: 'signedUp', updatedAt: at });
    return { ...a, taken: a.taken + 1, waiting: a.waiting - 1 };
  }
  return a;
}
