import { err, ok, type MeetingView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedMeeting } from './deliberation-policy';
import { toMeetingView } from './views';

/** Sets people (or households) present or absent, in a transaction; everyone named must be on the roll. */
export async function setPresent(ctx: Ctx, meetingId: string, ids: readonly string[], present: boolean) {
  return ctx.ports.store.transaction(async (tx) => {
    const m = await tx.get(COLLECTIONS.delibMeetings, meetingId);
    if (!m) throw new Error(`meeting ${meetingId} vanished`);
    if (m.tally) return err('DELIB.ALREADY_TALLIED');
    const onRoll = new Set(m.roll);
    if (ids.some((id) => !onRoll.has(id))) return err('DELIB.NOT_ON_ROLL');
    const now = new Set(m.present);
    for (const id of ids) {
      if (present) now.add(id);
      else now.delete(id);
    }
    const next = { ...m, present: m.roll.filter((id) => now.has(id)) };
    await tx.put(COLLECTIONS.delibMeetings, next);
    return ok(next);
  });
}

/** Attendance by list: an officer ticks who came. Closed once the hands are counted. */
export async function markAttendance(
  ctx: Ctx,
  input: { meetingId: string; ids: string[]; present: boolean },
  _loaded: LoadedMeeting,
): Promise<Result<MeetingView>> {
  const done = await setPresent(ctx, input.meetingId, input.ids, input.present);
  return done.ok ? ok(toMeetingView(done.data, true)) : done;
}
