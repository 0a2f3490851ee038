import {
  err,
  hasStaffScope,
  ok,
  type ActivityDoc,
  type ActivityInput,
  type ActivityView,
  type Result,
  type SignupDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { freeSeats } from '../booking/seat-ledger';
import { firstAnswer } from '../idempotency';
import { activityCommunity, inCommunity, managesActivity, partyMemberId, type CommunityWithSettings } from './volunteer-policy';

/**
 * Activities and their sign-ups. A place and the line for a full activity follow booking's seat
 * rules (seat-ledger's freeSeats: waiting people are owed a freed place before anyone new): the
 * activity's counters and the person's sign-up change in one transaction, so a hundred phones
 * pressing at once for the last places never take more than there are.
 */

export const signupId = (activityId: string, openid: string) => `${activityId}:${openid}`;

async function positionOf(ctx: Ctx, s: SignupDoc): Promise<number | null> {
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

export async function getActivity(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  return ok({ activity: await toActivityView(ctx, a) });
}

const MAX_ACTIVITY_MS = 12 * 3_600_000;

/** Posts an activity; the organiser's key is its id, so a retried post is the same activity. */
export async function postActivity(
  ctx: Ctx,
  input: { communityId: string; key: string; activity: ActivityInput },
  { community }: CommunityWithSettings,
): Promise<Result<{ activity: ActivityView }>> {
  const openid = callerOpenid(ctx);
  const { store, clock, ids } = ctx.ports;
  const id = `va_${input.key}`;
  const replay = {
    collection: 'vol_activities',
    id,
    ownerOf: (a: ActivityDoc) => a.organiser.openid,
    answer: (a: ActivityDoc) => a,
  } as const;
  const earlier = await firstAnswer(store, openid, replay);
  if (earlier) return earlier.ok ? ok({ activity: await toActivityView(ctx, earlier.data) }) : earlier;
  const { startAt, endAt } = input.activity;
  if (Date.parse(endAt) <= Date.parse(startAt)) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'endBeforeStart' });
  if (Date.parse(endAt) - Date.parse(startAt) > MAX_ACTIVITY_MS) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'tooLong' });
  if (Date.parse(startAt) < clock.now().getTime()) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'startInPast' });
  const at = clock.now().toISOString();
  const doc: ActivityDoc = {
    _id: id,
    ...input.activity,
    communityId: community._id,
    communityName: community.name,
    communityPath: community.path,
    organiser: { openid, name: ctx.caller.user?.name ?? '组织者' },
    status: 'open',
    taken: 0,
    waiting: 0,
    lineSeq: 0,
    secret: `${ids.newId()}${ids.newId()}`,
    createdAt: at,
    updatedAt: at,
  };
  if ((await store.insert(COLLECTIONS.volActivities, doc)) === 'duplicate') {
    const again = await firstAnswer(store, openid, replay);
    if (!again) throw new Error(`activity ${id} vanished`);
    return again.ok ? ok({ activity: await toActivityView(ctx, again.data) }) : again;
  }
  return ok({ activity: await toActivityView(ctx, doc) });
}

export async function cancelActivity(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  if (a.status === 'confirmed') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: true });
  const at = ctx.ports.clock.now().toISOString();
  await ctx.ports.store.update(COLLECTIONS.volActivities, a._id, { set: { status: 'cancelled', updatedAt: at } }, { status: 'open' });
  const after = await ctx.ports.store.get(COLLECTIONS.volActivities, a._id);
  return ok({ activity: await toActivityView(ctx, after ?? a) });
}

/** May this caller join? Answers the refusal, or null. */
async function eligibility(ctx: Ctx, caller: Caller, a: ActivityDoc): Promise<Result<null>> {
  if (a.whoMayJoin === 'anyone') return ok(null);
  if (a.whoMayJoin === 'community')
    return inCommunity(caller.grants, activityCommunity(a)) ? ok(null) : err('VOLUNTEER.NOT_ELIGIBLE', { whoMayJoin: a.whoMayJoin });
  const member = caller.openid ? await ctx.ports.store.get(COLLECTIONS.partyMembers, partyMemberId(a.communityId, caller.openid)) : null;
  return member ? ok(null) : err('VOLUNTEER.NOT_ELIGIBLE', { whoMayJoin: a.whoMayJoin });
}

const closedRefusal = (a: ActivityDoc, now: Date) =>
  a.status !== 'open' || Date.parse(a.startAt) <= now.getTime()
    ? err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: Date.parse(a.startAt) <= now.getTime() })
    : null;

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

/** A freed place goes to the first in line, in the same transaction (seat-ledger's passSeatOn, for activities). */
async function passPlaceOn(ctx: Ctx, tx: TxStore, a: ActivityDoc, at: string): Promise<ActivityDoc> {
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
