import {
  clipThing,
  err,
  formatShanghai,
  inviteesOf,
  lawAllows,
  MESSAGE_PAGES,
  ok,
  quorumRule,
  takesComments,
  type MeetingBase,
  type MeetingDoc,
  type MeetingType,
  type MeetingView,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { enqueueQuietly } from '../notifications/message-outbox';
import { numbersOf, type LoadedTopic } from './deliberation-policy';
import { meetingRoll } from './meeting-roll';
import { appendHistory } from './stats';
import { event, toMeetingView } from './views';

export type ScheduleMeetingInput = {
  key: string;
  topicId: string;
  type: MeetingType;
  base: MeetingBase;
  title: string;
  startsAt: string;
  place: string;
};

/**
 * An officer schedules a meeting on a topic. Its quorum rule must exist in law for the type and
 * base (no 村民会议 of 小组代表); the roll is fixed now, and everyone on it is told through the
 * outbox (one row per person and meeting, so a retry tells nobody twice).
 */
export async function scheduleMeeting(
  ctx: Ctx,
  input: ScheduleMeetingInput,
  loaded: LoadedTopic,
): Promise<Result<MeetingView & { notified: number }>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const answer = (m: MeetingDoc) => ({ ...toMeetingView(m, true), notified: 0 });
  const replay = await firstAnswer(store, openid, { collection: 'delib_meetings', id: input.key, ownerOf: (m) => m.createdBy, answer });
  if (replay) return replay;
  if (!quorumRule(input.type, input.base)) return err('DELIB.MEETING_TYPE');
  const { communityKind: kind } = await numbersOf(ctx, loaded.community);
  if (!lawAllows(kind, input.type)) return err('DELIB.WRONG_LAW', { kind, meetingType: input.type });
  if (!takesComments(loaded.topic.stage) && loaded.topic.stage !== 'decided') return err('DELIB.TOPIC_CLOSED');

  const invitees = inviteesOf(input.type, input.base);
  const roll = await meetingRoll(store, loaded.community, invitees);
  const now = clock.now().toISOString();
  const meeting: MeetingDoc = {
    _id: input.key,
    topicId: loaded.topic._id,
    communityId: loaded.community._id,
    type: input.type,
    base: input.base,
    invitees,
    title: input.title,
    startsAt: input.startsAt,
    place: input.place,
    roll: roll.ids,
    rollNames: roll.names,
    expected: roll.ids.length,
    present: [],
    createdBy: openid,
    createdAt: now,
  };
  if ((await store.insert(COLLECTIONS.delibMeetings, meeting)) === 'duplicate') {
    const again = await firstAnswer(store, openid, { collection: 'delib_meetings', id: input.key, ownerOf: (m) => m.createdBy, answer });
    if (again) return again;
  }
  const by = ctx.caller.user?.name ?? '社区';
  await appendHistory(store, loaded.topic._id, event(now, `安排${input.title}（${formatShanghai(input.startsAt)}，${input.place}）`, by));
  const people = [...new Set(roll.notify)];
  await enqueueQuietly(
    ctx,
    people.map((to) => ({
      id: `meeting:${meeting._id}:${to}`,
      toOpenid: to,
      template: 'notice' as const,
      page: MESSAGE_PAGES.topic(loaded.topic._id),
      data: {
        thing1: clipThing(`${input.title}：${loaded.topic.title}`),
        thing2: clipThing(loaded.community.name),
        time3: formatShanghai(input.startsAt),
        thing4: clipThing(`地点：${input.place}，请准时参加`),
      },
    })),
    { meetingId: meeting._id },
  );
  return ok({ ...toMeetingView(meeting, true), notified: people.length });
}
