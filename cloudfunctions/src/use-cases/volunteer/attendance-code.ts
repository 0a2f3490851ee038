import { attendanceOpen, currentAttendanceCode, err, ok, type ActivityDoc, type AttendanceKind } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { signerFor } from './attendance-signer';

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
