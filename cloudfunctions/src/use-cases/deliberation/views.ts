import {
  checkQuorum,
  INVITEE_LABELS,
  MEETING_TYPE_LABELS,
  mayRecordStep,
  nextStep,
  quorumRule,
  STEP_LABELS,
  tallyBallots,
  TOPIC_STAGE_LABELS,
  voteOpen,
  type BallotDoc,
  type CommentDoc,
  type CommentView,
  type CommunityKind,
  type MeetingDoc,
  type MeetingView,
  type Standing,
  type TopicDoc,
  type TopicSummary,
  type TopicView,
  type VoteDoc,
  type VoteView,
} from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { findAll } from '../find-all';

export const toSummary = (t: TopicDoc): TopicSummary => ({
  id: t._id,
  title: t.title,
  placeName: t.placeName,
  stage: t.stage,
  stageLabel: TOPIC_STAGE_LABELS[t.stage],
  supports: t.supports,
  threshold: t.threshold,
  comments: t.comments,
  adopted: t.adopted,
  updatedAt: t.updatedAt,
});

/** Who is reading a topic and under which law its community decides (`communityKind` in the rule settings). */
export type TopicReader = { kind: CommunityKind; standings?: readonly Standing[]; supportedByMe?: boolean; canManage?: boolean };

export function toTopicView(t: TopicDoc, { kind, standings = [], supportedByMe = false, canManage = false }: TopicReader): TopicView {
  const next = t.stage === 'open' ? null : nextStep(t.steps);
  return {
    ...toSummary(t),
    communityId: t.communityId,
    communityKind: kind,
    compoundId: t.compoundId,
    body: t.body,
    photos: t.photos,
    proposerName: t.proposerName,
    fromRequests: t.origin.kind === 'requests' ? t.origin.requestIds : [],
    steps: t.steps.map((s) => ({
      step: s.step,
      label: STEP_LABELS[s.step],
      outcome: s.outcome,
      date: s.date,
      minutes: s.minutes,
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.meetingId ? { meetingId: s.meetingId } : {}),
      ...(s.voteId ? { voteId: s.voteId } : {}),
      ...(s.attendance ? { attendance: s.attendance } : {}),
      ...(s.noticeId ? { noticeId: s.noticeId } : {}),
      recordedByName: s.recordedByName,
      recordedAt: s.recordedAt,
    })),
    nextStep: next,
    nextStepLabel: next ? STEP_LABELS[next] : null,
    history: t.history,
    ...(t.refusedReason ? { refusedReason: t.refusedReason } : {}),
    noticeIds: t.noticeIds,
    supportedByMe,
    mayRecord: next && mayRecordStep(next, standings) ? [next] : [],
    canManage,
    createdAt: t.createdAt,
  };
}

export const toCommentView = (c: CommentDoc): CommentView => ({
  id: c._id,
  name: c.name,
  text: c.text,
  adopted: c.adopted,
  createdAt: c.createdAt,
});

export function toMeetingView(m: MeetingDoc, withRoll: boolean): MeetingView {
  const rule = quorumRule(m.type, m.base);
  if (!rule) throw new Error(`meeting ${m._id} has no quorum rule for ${m.type}/${m.base}`);
  const present = new Set(m.present);
  return {
    id: m._id,
    topicId: m.topicId,
    type: m.type,
    typeLabel: MEETING_TYPE_LABELS[m.type],
    base: m.base,
    invitees: m.invitees,
    inviteesLabel: INVITEE_LABELS[m.invitees],
    title: m.title,
    startsAt: m.startsAt,
    place: m.place,
    roll: withRoll ? m.roll.map((id) => ({ id, name: m.rollNames[id] ?? id, present: present.has(id) })) : [],
    quorum: checkQuorum(rule, m.expected, m.present.length),
    tally: m.tally ?? null,
  };
}

/** The ballots of a vote, all of them (paged): the result is always computed from these. */
export const ballotsOf = (store: Store, voteId: string) => findAll(store, COLLECTIONS.delibBallots, { voteId }, [['_id', 'asc']], 100_000);

export function toVoteView(v: VoteDoc, ballots: readonly BallotDoc[], now: string, myHousehold: string | null): VoteView {
  const rule = quorumRule(v.meetingType, 'households');
  if (!rule) throw new Error(`vote ${v._id} has no household rule for ${v.meetingType}`);
  const result = tallyBallots(ballots, v.options.length, v.households, rule);
  const mine = myHousehold ? ballots.find((b) => b.householdId === myHousehold) : undefined;
  const closed = !!v.closedAt || now >= v.closesAt;
  return {
    id: v._id,
    topicId: v.topicId,
    question: v.question,
    options: v.options,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    open: voteOpen(v, now),
    closed,
    secret: v.secret,
    changeable: v.changeable,
    households: v.households,
    result,
    mine: mine ? { option: mine.option, source: mine.source } : null,
    ballots: v.secret ? null : ballots.map((b) => ({ household: b.householdId, option: b.option, source: b.source })),
  };
}

/** A line of the topic's public history. */
export const event = (at: string, what: string, by: string) => ({ at, what, by });
