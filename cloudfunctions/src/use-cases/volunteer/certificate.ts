import { createHash } from 'node:crypto';
import { maskPhone, ok, roundPoints, type Certificate, type Place, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { entriesOf } from './ledger-writer';

/**
 * 志愿服务记录证明, from the records alone (真实、准确、完整): the volunteer, hours by activity with
 * who recorded each (谁记录谁证明), the community that issues it, free of charge (无偿). Its number
 * is a digest of the records, so the same records always print the same number and a changed record
 * a new one.
 */
export async function certificate(ctx: Ctx, _input: { communityId: string }, community: Place): Promise<Result<Certificate>> {
  const openid = callerOpenid(ctx);
  const entries = await entriesOf(ctx.ports.store, 'volunteer', community._id, openid);
  const byActivity = new Map<string, Certificate['activities'][number]>();
  for (const e of entries) {
    if (!e.activityId || (e.kind !== 'grant' && e.kind !== 'reversal')) continue;
    const row = byActivity.get(e.activityId) ?? {
      activityId: e.activityId,
      title: e.activityTitle ?? '',
      date: e.activityDate ?? e.day,
      location: e.activityLocation ?? '',
      hours: 0,
      recordedBy: e.recordedBy.name,
    };
    row.hours = roundPoints(row.hours + e.hours);
    byActivity.set(e.activityId, row);
  }
  const activities = [...byActivity.values()].filter((a) => a.hours > 0).sort((a, b) => a.date.localeCompare(b.date));
  const digest = createHash('sha256')
    .update(JSON.stringify([community._id, openid, activities.map((a) => [a.activityId, a.hours])]))
    .digest('hex')
    .slice(0, 10)
    .toUpperCase();
  const user = ctx.caller.user;
  return ok({
    number: `ZYFW-${digest}`,
    volunteerName: user?.name ?? '志愿者',
    phoneMasked: user?.phone ? maskPhone(user.phone) : null,
    issuer: community.fullName,
    issuedAt: ctx.ports.clock.now().toISOString(),
    totalHours: roundPoints(activities.reduce((n, a) => n + a.hours, 0)),
    activities,
  });
}
