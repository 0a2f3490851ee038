import { err, ok, type ActivityDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { signupId } from './activity-records';
import { rowsOf } from './attendance-records';

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
