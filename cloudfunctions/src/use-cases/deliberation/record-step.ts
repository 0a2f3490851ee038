import {
  checkStep,
  err,
  lawAllows,
  mayRecordStep,
  needed,
  ok,
  quorumRule,
  STEP_LABELS,
  STEP_MEETINGS,
  stageOfSteps,
  tallyBallots,
  type Place,
  type Result,
  type Step,
  type StepOutcome,
  type StepRecord,
  type TopicDoc,
  type TopicView,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { findPlace } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { publishNotice } from '../notices/publish-notice';
import { checkPublic } from './check-text';
import { numbersOf, standingsOf, type LoadedTopic } from './deliberation-policy';
import { ballotsOf, event, toTopicView } from './views';

export type RecordStepInput = {
  topicId: string;
  step: Step;
  outcome: StepOutcome;
  date: string;
  minutes: string;
  reason?: string | undefined;
  meetingId?: string | undefined;
  voteId?: string | undefined;
  spent?: number | undefined;
  photos: string[];
};

type Decided = { outcome: StepOutcome; attendance?: StepRecord['attendance']; meetingId?: string; voteId?: string; summary: string };

/**
 * What a step decided. A step taken in a meeting takes its outcome from the meeting's show of
 * hands (so the meeting had quorum: a tally is refused without it); the resolution may instead
 * come from a closed household vote that reached its household quorum. Never typed in: only 提议
 * and 审核 (one body's decision) and the two 公开 steps carry what the recorder gives.
 */
async function decided(ctx: Ctx, topic: TopicDoc, community: Place, input: RecordStepInput): Promise<Result<Decided>> {
  const { store, clock } = ctx.ports;
  const { communityKind: kind } = await numbersOf(ctx, community);
  if (input.step === 'residentsResolution' && input.voteId && !input.meetingId) {
    const vote = await store.get(COLLECTIONS.delibVotes, input.voteId);
    if (!vote || vote.topicId !== topic._id) return err('DELIB.VOTE_NOT_FOUND');
    if (!lawAllows(kind, vote.meetingType)) return err('DELIB.WRONG_LAW', { kind, meetingType: vote.meetingType });
    if (!vote.closedAt && clock.now().toISOString() < vote.closesAt) return err('DELIB.STEP_NEEDS_DECISION');
    const r = tallyBallots(
      await ballotsOf(store, vote._id),
      vote.options.length,
      vote.households,
      quorumRule(vote.meetingType, 'households')!,
    );
    if (!r.turnout.met) return err('DELIB.STEP_NEEDS_DECISION');
    return ok({
      outcome: r.passed ? 'approved' : 'refused',
      voteId: vote._id,
      attendance: { expected: r.turnout.expected, present: r.turnout.present, needed: r.turnout.needed, source: r.turnout.source },
      summary: `入户投票：${r.ballots}/${vote.households} 户投票（纸质 ${r.paper}），${vote.options.map((o, i) => `${o} ${r.counts[i]}`).join('，')}`,
    });
  }
  const types = STEP_MEETINGS[input.step];
  if (!types) return ok({ outcome: input.step.startsWith('publish') ? 'approved' : input.outcome, summary: '' });
  if (!input.meetingId) return err('DELIB.STEP_NEEDS_MEETING', { step: input.step });
  const meeting = await store.get(COLLECTIONS.delibMeetings, input.meetingId);
  if (!meeting || meeting.topicId !== topic._id) return err('DELIB.MEETING_NOT_FOUND');
  if (!types.includes(meeting.type)) return err('DELIB.MEETING_TYPE');
  if (!lawAllows(kind, meeting.type)) return err('DELIB.WRONG_LAW', { kind, meetingType: meeting.type });
  if (!meeting.tally) return err('DELIB.STEP_NEEDS_DECISION');
  const rule = quorumRule(meeting.type, meeting.base)!;
  const t = meeting.tally;
  const present = meeting.present.length;
  return ok({
    outcome: t.passed ? 'approved' : 'refused',
    meetingId: meeting._id,
    attendance: { expected: meeting.expected, present, needed: needed(meeting.expected, rule.quorum), source: rule.source },
    summary: `${meeting.title}：应到 ${meeting.expected}，实到 ${present}；同意 ${t.yes}，反对 ${t.no}，弃权 ${t.abstain}`,
  });
}

/** A deterministic notice key per topic and step, so a retried 公开 publishes one notice. */
const noticeKey = (topicId: string, step: Step) => `${topicId.slice(0, 52)}-${step === 'publishResolution' ? 'res' : 'imp'}`;

/**
 * 决议公开 and 实施结果公开: a 阳光三务 notice of type 村务 to the topic's place, through the notices
 * use case (its own checks, fan-out and archive); the topic page links it.
 */
async function publish(ctx: Ctx, topic: TopicDoc, input: RecordStepInput): Promise<Result<string>> {
  const target = await findPlace(ctx, topic.compoundId ?? topic.communityId);
  if (!target.ok) return target;
  const resolution = topic.steps.find((s) => s.step === 'residentsResolution');
  const title = `${input.step === 'publishResolution' ? '决议公开' : '实施结果公开'}：${topic.title}`.slice(0, 40);
  const lines =
    input.step === 'publishResolution'
      ? [`议题：${topic.title}`, `决议（${resolution?.date ?? input.date}）：${resolution?.minutes ?? ''}`, input.minutes]
      : [
          `议题：${topic.title}`,
          `实施情况（${input.date}）：${input.minutes}`,
          input.spent !== undefined ? `支出金额：${input.spent.toFixed(2)} 元` : '',
        ];
  const published = await publishNotice(
    ctx,
    {
      requestKey: noticeKey(topic._id, input.step),
      title,
      body: lines.filter(Boolean).join('\n'),
      category: 'sunshine',
      sunshineType: 'affairs',
      targetIds: [target.data._id],
      needsAck: false,
      pinned: false,
      attachments: input.photos.map((fileId, i) => ({ fileId, name: `现场照片${i + 1}`, kind: 'image' as const })),
    },
    [target.data as Place],
  );
  return published.ok ? ok(published.data.notice._id) : published;
}

/**
 * Records the next step of 四议一审两公开 on a topic: by someone whose standing takes that step
 * (DELIB.STEP_ROLE), only the next one (DELIB.STEP_OUT_OF_ORDER), with its meeting or vote where it
 * has one. A refused step ends the topic with its reason, public. The order is checked again in the
 * transaction that appends the record, so two recorders at once record it once.
 */
export async function recordStep(ctx: Ctx, input: RecordStepInput, loaded: LoadedTopic): Promise<Result<TopicView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const { topic } = loaded;
  const standings = standingsOf(ctx.caller, loaded);
  const { communityKind: kind } = await numbersOf(ctx, loaded.community);
  const view = (t: TopicDoc) => toTopicView(t, { kind, standings });

  // a retry of the step this person just recorded answers the topic as it is
  const last = topic.steps.at(-1);
  if (last && last.step === input.step && last.recordedBy === openid && last.date === input.date) return ok(view(topic));
  if (!mayRecordStep(input.step, standings)) return err('DELIB.STEP_ROLE', { step: input.step });
  if (topic.stage === 'open') return err('DELIB.STEP_OUT_OF_ORDER', { expected: null });
  const order = checkStep(topic.steps, input.step);
  if (!order.ok)
    return order.code === 'DELIB.TOPIC_CLOSED' ? err('DELIB.TOPIC_CLOSED') : err('DELIB.STEP_OUT_OF_ORDER', { expected: order.expected });

  const checked = await checkPublic(ctx, openid, { minutes: [input.minutes, input.reason ?? ''].join('\n') });
  if (!checked.ok) return checked;
  const outcome = await decided(ctx, topic, loaded.community, input);
  if (!outcome.ok) return outcome;
  const noticeId = input.step === 'publishResolution' || input.step === 'publishImplementation' ? await publish(ctx, topic, input) : null;
  if (noticeId && !noticeId.ok) return noticeId;

  const now = clock.now().toISOString();
  const name = ctx.caller.user?.name ?? '工作人员';
  const refused = outcome.data.outcome === 'refused';
  const reason = refused ? input.reason?.trim() || outcome.data.summary || '未通过' : undefined;
  const record: StepRecord = {
    step: input.step,
    outcome: outcome.data.outcome,
    date: input.date,
    minutes: outcome.data.summary ? `${input.minutes}\n${outcome.data.summary}` : input.minutes,
    ...(reason ? { reason } : {}),
    ...(outcome.data.meetingId ? { meetingId: outcome.data.meetingId } : {}),
    ...(outcome.data.voteId ? { voteId: outcome.data.voteId } : {}),
    ...(outcome.data.attendance ? { attendance: outcome.data.attendance } : {}),
    ...(noticeId?.ok ? { noticeId: noticeId.data } : {}),
    recordedBy: openid,
    recordedByName: name,
    recordedAt: now,
  };
  const written = await store.transaction(async (tx) => {
    const t = await tx.get(COLLECTIONS.delibTopics, topic._id);
    if (!t) throw new Error(`topic ${topic._id} vanished`);
    const again = checkStep(t.steps, input.step);
    if (!again.ok)
      return again.code === 'DELIB.TOPIC_CLOSED' ? err('DELIB.TOPIC_CLOSED') : err('DELIB.STEP_OUT_OF_ORDER', { expected: again.expected });
    const steps = [...t.steps, record];
    const next: TopicDoc = {
      ...t,
      steps,
      stage: stageOfSteps(steps),
      history: [...t.history, event(now, `${STEP_LABELS[input.step]}：${refused ? `未通过（${reason}）` : '通过'}`, name)],
      ...(reason ? { refusedReason: `${STEP_LABELS[input.step]}未通过：${reason}` } : {}),
      noticeIds: noticeId?.ok ? [...new Set([...t.noticeIds, noticeId.data])] : t.noticeIds,
      updatedAt: now,
    };
    await tx.put(COLLECTIONS.delibTopics, next);
    return ok(next);
  });
  return written.ok ? ok(view(written.data)) : written;
}
