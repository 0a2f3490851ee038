import { attendanceOpen, err, ok, verifyAttendanceCode, type ActivityDoc, type AttendanceKind } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toActivityView, signupId } from './activity-records';
import { signerFor } from './attendance-signer';

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
