import { checkQuorum, err, ok, quorumRule, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedMeeting } from './deliberation-policy';
import { setPresent } from './mark-attendance';

/**
 * Attendance by scan: the attendee scans the meeting's code and is marked present: themself, or
 * their household for a meeting counted per household (any member stands for it, once).
 */
export async function checkIn(
  ctx: Ctx,
  _input: { meetingId: string },
  loaded: LoadedMeeting,
): Promise<Result<{ present: number; needed: number }>> {
  const openid = callerOpenid(ctx);
  const { meeting } = loaded;
  let id = openid;
  if (meeting.invitees === 'households') {
    const binding = await ctx.ports.store.get(COLLECTIONS.bindings, openid);
    if (!binding || binding.status !== 'approved') return err('DELIB.NOT_ON_ROLL');
    id = binding.householdId;
  }
  if (!meeting.roll.includes(id)) return err('DELIB.NOT_ON_ROLL');
  const done = await setPresent(ctx, meeting._id, [id], true);
  if (!done.ok) return done;
  const q = checkQuorum(quorumRule(meeting.type, meeting.base)!, done.data.expected, done.data.present.length);
  return ok({ present: q.present, needed: q.needed });
}
