import { decideMeeting, err, ok, quorumRule, type MeetingView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedMeeting } from './deliberation-policy';
import { appendHistory } from './stats';
import { event, toMeetingView } from './views';

/**
 * The show of hands at a meeting. Refused while attendance is short of the legal quorum (the
 * answer says how many are present, how many are needed and which law says so), refused when the
 * hands add up to more than were present; once counted it cannot be changed.
 */
export async function tallyMeeting(
  ctx: Ctx,
  input: { meetingId: string; yes: number; no: number; abstain: number },
  loaded: LoadedMeeting,
): Promise<Result<MeetingView>> {
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const result = await store.transaction(async (tx) => {
    const m = await tx.get(COLLECTIONS.delibMeetings, input.meetingId);
    if (!m) throw new Error(`meeting ${input.meetingId} vanished`);
    if (m.tally) return err('DELIB.ALREADY_TALLIED');
    const rule = quorumRule(m.type, m.base)!;
    const d = decideMeeting(rule, m.expected, m.present.length, input);
    if (!d.ok) {
      if (d.code === 'DELIB.NO_QUORUM')
        return err('DELIB.NO_QUORUM', {
          expected: d.quorum.expected,
          present: d.quorum.present,
          needed: d.quorum.needed,
          source: d.quorum.source,
        });
      return err('DELIB.TALLY_INVALID');
    }
    const next = { ...m, tally: { yes: input.yes, no: input.no, abstain: input.abstain, passed: d.passed, at: now } };
    await tx.put(COLLECTIONS.delibMeetings, next);
    return ok(next);
  });
  if (!result.ok) return result;
  const t = result.data.tally!;
  await appendHistory(
    store,
    loaded.topic._id,
    event(
      now,
      `${result.data.title}表决：同意 ${t.yes}，反对 ${t.no}，弃权 ${t.abstain}，${t.passed ? '通过' : '未通过'}`,
      ctx.caller.user?.name ?? '社区',
    ),
  );
  return ok(toMeetingView(result.data, true));
}
