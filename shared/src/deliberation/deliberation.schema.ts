import { z } from 'zod';
import { communityNumbersSchema } from '../settings/rule-settings.schema';
import { MEETING_BASES, MEETING_TYPES, type MeetingBase, type MeetingType } from './quorum.rules';
import { STEPS, type Step, type StepOutcome } from './steps.rules';
import { TOPIC_STAGES, type TopicStage } from './topic.rules';

export const stepSchema = z.enum(STEPS);
export const topicStageSchema = z.enum(TOPIC_STAGES);
export const meetingTypeSchema = z.enum(MEETING_TYPES);
export const meetingBaseSchema = z.enum(MEETING_BASES);
export const stepOutcomeSchema = z.enum(['approved', 'refused']);

/** Who a meeting calls: all party members, the 两委, the representatives, one person per household, or every bound adult. */
export const INVITEES = ['partyMembers', 'committee', 'representatives', 'households', 'adults'] as const;
export const inviteesSchema = z.enum(INVITEES);
export type Invitees = (typeof INVITEES)[number];
export const INVITEE_LABELS: Record<Invitees, string> = {
  partyMembers: '全体党员',
  committee: '两委成员',
  representatives: '全体居民（村民）代表',
  households: '每户一名代表',
  adults: '全体十八周岁以上居民（已绑定住址）',
};

/** The roll a meeting calls, from its type and the base its quorum counts. */
export function inviteesOf(type: MeetingType, base: MeetingBase): Invitees {
  if (base === 'households') return 'households';
  if (base === 'adults') return 'adults';
  if (type === 'partyAssembly') return 'partyMembers';
  if (type === 'committeeMeeting') return 'committee';
  return 'representatives';
}

export type TopicOrigin = { kind: 'resident' } | { kind: 'staff' } | { kind: 'requests'; requestIds: string[] };

/** One line of a topic's public history. */
export type TopicEvent = { at: string; what: string; by: string };

/** A recorded step of 四议一审两公开: who, when, attendance, the outcome, the minutes (会议记录). */
export type StepRecord = {
  step: Step;
  outcome: StepOutcome;
  /** Shanghai date the body met or decided, YYYY-MM-DD. */
  date: string;
  minutes: string;
  reason?: string;
  meetingId?: string;
  voteId?: string;
  attendance?: { expected: number; present: number; needed: number; source: string };
  noticeId?: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
};

/** A topic (议题), id from the proposer's idempotency key. */
export type TopicDoc = {
  _id: string;
  communityId: string;
  /** The compound when the matter is a compound's, else null (the whole community). */
  compoundId: string | null;
  placeName: string;
  title: string;
  body: string;
  photos: string[];
  origin: TopicOrigin;
  proposerOpenid: string;
  proposerName: string;
  stage: TopicStage;
  supports: number;
  comments: number;
  adopted: number;
  threshold: number;
  steps: StepRecord[];
  history: TopicEvent[];
  refusedReason?: string;
  /** 阳光三务 notices published for the resolution and the implementation. */
  noticeIds: string[];
  createdAt: string;
  updatedAt: string;
};

/** 附议: one per (topic, person), id `${topicId}:${openid}`. */
export type SupportDoc = { _id: string; topicId: string; openid: string; at: string };

/** 意见建议: id from the author's idempotency key. */
export type CommentDoc = {
  _id: string;
  topicId: string;
  communityId: string;
  openid: string;
  name: string;
  text: string;
  adopted: boolean;
  adoptedBy?: string;
  adoptedAt?: string;
  createdAt: string;
};

/** Per community: counters shown on its 议事厅 (topics, adopted suggestions), id = community id. */
export type DelibStatsDoc = { _id: string; topics: number; adopted: number };

/** A meeting, id from the scheduler's idempotency key. `expected` is fixed from the roll when scheduled. */
export type MeetingDoc = {
  _id: string;
  topicId: string;
  communityId: string;
  type: MeetingType;
  base: MeetingBase;
  invitees: Invitees;
  title: string;
  startsAt: string;
  place: string;
  /** The roll (应到): openids, or household ids for a households meeting. */
  roll: string[];
  rollNames: Record<string, string>;
  expected: number;
  present: string[];
  /** The show of hands, once taken (refused without quorum). */
  tally?: { yes: number; no: number; abstain: number; passed: boolean; at: string };
  createdBy: string;
  createdAt: string;
};

/** A household vote, id from the staff member's idempotency key. */
export type VoteDoc = {
  _id: string;
  topicId: string;
  communityId: string;
  compoundId: string | null;
  question: string;
  options: string[];
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  secret: boolean;
  changeable: boolean;
  /** Households in scope (every household of the compound or community), fixed when it opens. */
  households: number;
  /** The law the turnout is held to: a 居民会议 by 户的代表 (urban) or a 村民会议 by 户 (village). */
  meetingType: MeetingType;
  createdBy: string;
  createdAt: string;
};

/** A household's ballot, id `${voteId}:${householdId}`: one per household by construction. */
export type BallotDoc = {
  _id: string;
  voteId: string;
  householdId: string;
  option: number;
  source: 'online' | 'paper';
  /** The member who voted online, or the staff member who entered the paper ballot. */
  openid: string;
  /** For a paper ballot: who in the household cast it, as written on the paper. */
  voterName?: string;
  enteredBy?: string;
  at: string;
};

// ─────────────────────────────── views ───────────────────────────────

const stepRecordView = z.object({
  step: stepSchema,
  label: z.string(),
  outcome: stepOutcomeSchema,
  date: z.string(),
  minutes: z.string(),
  reason: z.string().optional(),
  meetingId: z.string().optional(),
  voteId: z.string().optional(),
  attendance: z.object({ expected: z.number(), present: z.number(), needed: z.number(), source: z.string() }).optional(),
  noticeId: z.string().optional(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const topicSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  placeName: z.string(),
  stage: topicStageSchema,
  stageLabel: z.string(),
  supports: z.number(),
  threshold: z.number(),
  comments: z.number(),
  adopted: z.number(),
  updatedAt: z.string(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const topicViewSchema = topicSummarySchema.extend({
  communityId: z.string(),
  /** 社区 or 村 (the rule settings' `communityKind`): which law's meetings the app offers for its resolution. */
  communityKind: communityNumbersSchema.shape.communityKind.removeDefault(),
  compoundId: z.string().nullable(),
  body: z.string(),
  photos: z.array(z.string()),
  proposerName: z.string(),
  fromRequests: z.array(z.string()),
  steps: z.array(stepRecordView),
  nextStep: stepSchema.nullable(),
  nextStepLabel: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), what: z.string(), by: z.string() })),
  refusedReason: z.string().optional(),
  noticeIds: z.array(z.string()),
  supportedByMe: z.boolean(),
  /** Steps the caller may record now (the staff page's buttons). */
  mayRecord: z.array(stepSchema),
  /** The caller runs this community's 议事厅 (staff, 党组织书记, 两委): meetings, votes, 采纳. */
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type TopicView = z.infer<typeof topicViewSchema>;

export const commentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  adopted: z.boolean(),
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const quorumViewSchema = z.object({
  expected: z.number(),
  present: z.number(),
  needed: z.number(),
  met: z.boolean(),
  source: z.string(),
  text: z.string(),
});

export const meetingViewSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  type: meetingTypeSchema,
  typeLabel: z.string(),
  base: meetingBaseSchema,
  invitees: inviteesSchema,
  inviteesLabel: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  roll: z.array(z.object({ id: z.string(), name: z.string(), present: z.boolean() })),
  quorum: quorumViewSchema,
  tally: z.object({ yes: z.number(), no: z.number(), abstain: z.number(), passed: z.boolean(), at: z.string() }).nullable(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const voteViewSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  closed: z.boolean(),
  secret: z.boolean(),
  changeable: z.boolean(),
  households: z.number(),
  result: z.object({
    counts: z.array(z.number()),
    ballots: z.number(),
    online: z.number(),
    paper: z.number(),
    turnout: quorumViewSchema,
    winner: z.number().nullable(),
    winNeeded: z.number(),
    decided: z.boolean(),
    passed: z.boolean(),
  }),
  /** The caller's household ballot: its option, and whether it was on paper. */
  mine: z.object({ option: z.number(), source: z.enum(['online', 'paper']) }).nullable(),
  /** An open ballot lists each household's choice; a secret one never does. */
  ballots: z.array(z.object({ household: z.string(), option: z.number(), source: z.enum(['online', 'paper']) })).nullable(),
});
export type VoteView = z.infer<typeof voteViewSchema>;
