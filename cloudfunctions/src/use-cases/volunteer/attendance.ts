import {
  addUsage,
  attendanceOpen,
  attended,
  capGrant,
  capId,
  currentAttendanceCode,
  err,
  grantId,
  ok,
  pointsFor,
  provenHours,
  shanghaiDate,
  verifyAttendanceCode,
  type ActivityDoc,
  type AttendanceKind,
  type Result,
  type RosterRow,
  type SignupDoc,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { toActivityView, signupId } from './activities';
import { signerFor } from './attendance-signer';
import { appendEntry, dayAndMonth, recorderOf } from './ledger-writer';
import { settingsOf } from './volunteer-policy';

/**
 * Attendance proven on the spot: the organiser's phone shows a code the server signs for the
 * current minute; the volunteer's scan sends it back; a code older than its window is refused.
 * The organiser may also mark a person by hand, which is recorded as such and by whom. Points
 * are granted only when the organiser confirms, once per activity and person.
 */

/** The organiser's rotating code (the QR code and the characters under it). */
export async function attendanceCode(ctx: Ctx, input: { activityId: string; kind: AttendanceKind }, a: ActivityDoc) {
  const now = ctx.ports.clock.now();
  if (a.status !== 'open') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: true });
  const open = attendanceOpen(a, now);
  if (!open.open) return err('VOLUNTEER.ATTENDANCE_CLOSED', { opensAt: open.opensAt, closesAt: open.closesAt });
  const { code, token, refreshAt } = currentAttendanceCode(signerFor(a.secret), a._id, input.kind, now);
  return ok({ code, token, refreshAt, now: now.toISOString() });
}

/** A volunteer's scan (or typed code): checks them in or out. */
export async function attend(
  ctx: Ctx,
  input: { activityId: string; kind: AttendanceKind; code: string; window?: number | undefined },
  a: ActivityDoc,
) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now();
  if (a.status !== 'open') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: true });
  const open = attendanceOpen(a, now);
  if (!open.open) return err('VOLUNTEER.ATTENDANCE_CLOSED', { opensAt: open.opensAt, closesAt: open.closesAt });
  const verdict = verifyAttendanceCode(
    signerFor(a.secret),
    { activityId: a._id, kind: input.kind, code: input.code, ...(input.window !== undefined ? { window: input.window } : {}) },
    now,
  );
  if (verdict === 'expired') return err('VOLUNTEER.CODE_EXPIRED');
  if (verdict === 'invalid') return err('VOLUNTEER.CODE_INVALID');
  const id = signupId(a._id, openid);
  const s = await store.get(COLLECTIONS.volSignups, id);
  if (!s || s.status !== 'signedUp') return err('VOLUNTEER.NOT_SIGNED_UP');
  const at = now.toISOString();
  if (input.kind === 'in') {
    // scanned twice: the first check-in stands
    if (!s.checkInAt)
      await store.update(COLLECTIONS.volSignups, id, { set: { checkInAt: at, method: 'qr', updatedAt: at } }, { status: 'signedUp' });
  } else {
    if (!s.checkInAt) return err('VOLUNTEER.NOT_CHECKED_IN');
    // the last check-out counts: someone who scanned out and went on helping scans again
    await store.update(COLLECTIONS.volSignups, id, { set: { checkOutAt: at, updatedAt: at } }, { status: 'signedUp' });
  }
  const after = (await store.get(COLLECTIONS.volSignups, id)) ?? s;
  return ok({
    kind: input.kind,
    at: (input.kind === 'in' ? after.checkInAt : after.checkOutAt) ?? at,
    activity: await toActivityView(ctx, a, after),
  });
}

const signupsOf = (ctx: Ctx, activityId: string) =>
  findAll(ctx.ports.store, COLLECTIONS.volSignups, { activityId }, [
    ['activityId', 'asc'],
    ['status', 'asc'],
    ['seq', 'asc'],
  ]);

function toRow(s: SignupDoc, a: ActivityDoc, position: number | null): RosterRow {
  const hours = provenHours(s, a);
  return {
    openid: s.openid,
    name: s.name,
    phone: s.phone,
    status: s.status,
    position,
    checkInAt: s.checkInAt ?? null,
    checkOutAt: s.checkOutAt ?? null,
    method: s.method ?? null,
    hours,
    points: pointsFor(a.points, hours, attended(s)),
  };
}

async function rowsOf(ctx: Ctx, a: ActivityDoc): Promise<RosterRow[]> {
  const all = (await signupsOf(ctx, a._id)).filter((s) => s.status !== 'cancelled');
  let line = 0;
  return all
    .sort((x, y) => (x.status === y.status ? x.seq - y.seq || x.name.localeCompare(y.name) : x.status === 'signedUp' ? -1 : 1))
    .map((s) => toRow(s, a, s.status === 'waiting' ? ++line : null));
}

export async function roster(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  return ok({ activity: await toActivityView(ctx, a), rows: await rowsOf(ctx, a) });
}

/** Marks a signed-up person present (with hours, or the activity's own hours) or absent, by hand. */
export async function markAttendance(
  ctx: Ctx,
  input: { activityId: string; openid: string; present: boolean; hours?: number | undefined },
  a: ActivityDoc,
) {
  const { store, clock } = ctx.ports;
  if (a.status === 'confirmed') return err('VOLUNTEER.ALREADY_CONFIRMED', { confirmedAt: a.confirmedAt ?? a.updatedAt });
  if (a.status !== 'open') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: a.status, started: true });
  const id = signupId(a._id, input.openid);
  const s = await store.get(COLLECTIONS.volSignups, id);
  if (!s || s.status !== 'signedUp') return err('VOLUNTEER.NOT_SIGNED_UP');
  const at = clock.now().toISOString();
  const by = { openid: callerOpenid(ctx), name: ctx.caller.user?.name ?? '组织者' };
  const fullHours = Math.floor(((Date.parse(a.endAt) - Date.parse(a.startAt)) / 3_600_000) * 2) / 2;
  if (input.present)
    await store.update(COLLECTIONS.volSignups, id, {
      set: { method: 'manual', manualHours: input.hours ?? fullHours, markedBy: by, checkInAt: s.checkInAt ?? at, updatedAt: at },
    });
  else
    await store.update(COLLECTIONS.volSignups, id, {
      set: { markedBy: by, updatedAt: at },
      unset: ['method', 'manualHours', 'checkInAt', 'checkOutAt'],
    });
  return ok({ rows: await rowsOf(ctx, a) });
}

/**
 * Grants the activity's points to everyone present, each in their own transaction: the entry's id
 * is (activity × person), so confirming twice, two organisers confirming at once, or a retry after
 * a dropped network writes each grant once. The caps are counted in the same transaction.
 */
export async function confirmActivity(
  ctx: Ctx,
  _input: { activityId: string },
  loaded: ActivityDoc,
): Promise<Result<{ granted: number; points: number; capped: number; activity: Awaited<ReturnType<typeof toActivityView>> }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  if (loaded.status === 'cancelled') return err('VOLUNTEER.ACTIVITY_CLOSED', { status: loaded.status, started: false });
  if (Date.parse(loaded.startAt) > now.getTime()) return err('VOLUNTEER.NOT_ENDED', { endAt: loaded.endAt });
  const settings = await settingsOf(store, loaded.communityId);
  const recorder = recorderOf(ctx.caller, loaded.organiser.openid === ctx.caller.openid ? '活动组织者' : '社区工作人员');
  const { day, month } = dayAndMonth(now);
  const activityDay = shanghaiDate(loaded.startAt);
  let granted = 0;
  let points = 0;
  let capped = 0;
  for (const s of await signupsOf(ctx, loaded._id)) {
    if (s.status !== 'signedUp' || !attended(s)) continue;
    const hours = provenHours(s, loaded);
    const earned = pointsFor(loaded.points, hours, true);
    const written = await store.transaction(async (tx) => {
      const cid = capId(loaded.communityId, s.openid, month);
      const usage = (await tx.get(COLLECTIONS.volCaps, cid)) ?? { _id: cid, month: 0, days: {} };
      const allowed = capGrant(earned, settings, usage, day);
      const result = await appendEntry(tx, {
        _id: grantId('volunteer', loaded._id, s.openid),
        ledger: 'volunteer',
        communityId: loaded.communityId,
        openid: s.openid,
        name: s.name,
        kind: 'grant',
        points: allowed.points,
        hours,
        activityId: loaded._id,
        activityTitle: loaded.title,
        activityDate: activityDay,
        activityLocation: loaded.location,
        reason: `${s.method === 'manual' ? '组织者手工登记' : '扫码签到'}，服务 ${hours} 小时${allowed.capped ? `（本月/本日积分已达上限，计 ${allowed.points} 分）` : ''}`,
        recordedBy: recorder,
        at: now.toISOString(),
        day,
        month,
      });
      if (result.written) await tx.put(COLLECTIONS.volCaps, { _id: cid, ...addUsage(usage, day, allowed.points) });
      return { written: result.written, points: allowed.points, capped: allowed.capped };
    });
    if (written.written) {
      granted++;
      points += written.points;
      if (written.capped) capped++;
    }
  }
  const at = now.toISOString();
  await store.update(
    COLLECTIONS.volActivities,
    loaded._id,
    { set: { status: 'confirmed', confirmedAt: at, confirmedBy: { openid: callerOpenid(ctx), name: recorder.name }, updatedAt: at } },
    { status: 'open' },
  );
  const after = (await store.get(COLLECTIONS.volActivities, loaded._id)) ?? loaded;
  return ok({ granted, points: Math.round(points * 10) / 10, capped, activity: await toActivityView(ctx, after) });
}
