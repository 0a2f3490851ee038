import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { seesRoll, type LoadedMeeting, type LoadedTopic } from './deliberation-policy';
import { toMeetingView } from './views';

/** A meeting: its quorum with the source, and the roll for its officers (others see the counts only). */
export async function getMeeting(ctx: Ctx, _input: { meetingId: string }, loaded: LoadedMeeting) {
  return ok(toMeetingView(loaded.meeting, seesRoll(ctx.caller, loaded)));
}

export async function listMeetings(ctx: Ctx, input: { topicId: string }, loaded: LoadedTopic) {
  const meetings = await ctx.ports.store.find(COLLECTIONS.delibMeetings, {
    where: { topicId: input.topicId },
    orderBy: [['startsAt', 'asc']],
    limit: 100,
  });
  const roll = seesRoll(ctx.caller, loaded);
  return ok({ meetings: meetings.map((m) => toMeetingView(m, roll)) });
}
