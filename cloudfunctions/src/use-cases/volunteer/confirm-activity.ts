import {
  addUsage,
  attended,
  capGrant,
  capId,
  err,
  grantId,
  ok,
  pointsFor,
  provenHours,
  shanghaiDate,
  type ActivityDoc,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toActivityView } from './activity-records';
import { appendEntry, dayAndMonth, recorderOf } from './ledger-writer';
import { settingsOf } from './volunteer-policy';
import { signupsOf } from './attendance-records';

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
