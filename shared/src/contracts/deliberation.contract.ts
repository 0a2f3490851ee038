import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import {
  commentViewSchema,
  meetingBaseSchema,
  meetingTypeSchema,
  meetingViewSchema,
  stepOutcomeSchema,
  stepSchema,
  topicStageSchema,
  topicSummarySchema,
  topicViewSchema,
  voteViewSchema,
} from '../deliberation/deliberation.schema';
import { defineContract } from './define';

export const TOPIC_TITLE_MAX = 40;
export const TOPIC_BODY_MAX = 1000;
export const COMMENT_MAX = 500;
export const MINUTES_MAX = 2000;

const topic = { topicId: idSchema };
const meeting = { meetingId: idSchema };
const vote = { voteId: idSchema };

const titleSchema = z
  .string()
  .trim()
  .min(4, { message: '标题至少 4 个字，说清楚是什么事' })
  .max(TOPIC_TITLE_MAX, { message: `标题最多 ${TOPIC_TITLE_MAX} 个字` });
const bodySchema = z
  .string()
  .trim()
  .min(10, { message: '请写清是什么事、为什么要议，至少 10 个字' })
  .max(TOPIC_BODY_MAX, { message: `内容最多 ${TOPIC_BODY_MAX} 个字` });
const photosSchema = z.array(z.string().trim().min(1)).max(6, { message: '照片最多 6 张' }).default([]);
const instantSchema = z.string().datetime({ offset: true, message: '时间格式不对' });
const minutesSchema = z
  .string()
  .trim()
  .min(10, { message: '请附上会议记录（至少 10 个字）' })
  .max(MINUTES_MAX, { message: `会议记录最多 ${MINUTES_MAX} 个字` });

export const proposeInputSchema = z.object({
  key: idempotencyKeySchema,
  /** The matter is the caller's compound's, or their whole community's: the place comes from their binding. */
  scope: z.enum(['compound', 'community'], { message: '请选择是本小区的事还是整个社区的事' }),
  title: titleSchema,
  body: bodySchema,
  photos: photosSchema,
});

export const openTopicInputSchema = z.object({
  key: idempotencyKeySchema,
  communityId: idSchema,
  compoundId: idSchema.nullable().default(null),
  title: titleSchema,
  body: bodySchema,
  /** 大事 requests this topic takes up (merged into one topic); empty when staff open it directly. */
  requestIds: z.array(idSchema).max(20, { message: '一次最多合并 20 件诉求' }).default([]),
});

export const recordStepInputSchema = z.object({
  ...topic,
  step: stepSchema,
  /** Typed only for steps taken without a meeting (提议, 审核); a meeting's or a vote's comes from its count. */
  outcome: stepOutcomeSchema.default('approved'),
  date: calendarDateSchema,
  minutes: minutesSchema,
  reason: z.string().trim().max(200, { message: '原因最多 200 个字' }).optional(),
  meetingId: idSchema.optional(),
  voteId: idSchema.optional(),
  /** 实施结果公开: what was spent, in yuan, published with the record. */
  spent: z.number().min(0).max(100_000_000).optional(),
  photos: photosSchema,
});

export const scheduleMeetingInputSchema = z.object({
  key: idempotencyKeySchema,
  ...topic,
  type: meetingTypeSchema,
  /** Whose attendance counts; it also says who is called (the roll). */
  base: meetingBaseSchema,
  title: z.string().trim().min(2, { message: '请填写会议名称' }).max(40, { message: '会议名称最多 40 个字' }),
  startsAt: instantSchema,
  place: z.string().trim().min(2, { message: '请填写开会地点' }).max(40, { message: '地点最多 40 个字' }),
});

export const openVoteInputSchema = z.object({
  key: idempotencyKeySchema,
  ...topic,
  question: z.string().trim().min(4, { message: '请写清要表决的事项' }).max(100, { message: '表决事项最多 100 个字' }),
  /** The first option is the proposal as put (同意); the result says whether it carried. */
  options: z
    .array(z.string().trim().min(1).max(20, { message: '选项最多 20 个字' }))
    .min(2, { message: '至少要有两个选项' })
    .max(6, { message: '最多 6 个选项' }),
  opensAt: instantSchema.optional(),
  closesAt: instantSchema,
  secret: z.boolean().default(true),
  changeable: z.boolean().default(false),
  /**
   * The law the turnout is held to: a 社区 counts households as a 居民会议 (城市居民委员会组织法: more
   * than half), a 村 as a 村民会议 (村民委员会组织法 第二十二条: two-thirds of households).
   */
  law: z.enum(['urban', 'village']).default('urban'),
});

export const deliberationContract = defineContract('deliberation', {
  /** A community's 议事厅: its topics by stage (newest first), the counters, the support threshold. Public. */
  list: {
    input: z.object({
      communityId: idSchema,
      stage: topicStageSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    output: z.object({
      community: z.object({ id: z.string(), name: z.string() }),
      topics: z.array(topicSummarySchema),
      counts: z.record(topicStageSchema, z.number()),
      adopted: z.number(),
      threshold: z.number(),
    }),
  },
  /** A topic with its stage, steps and history. Public; `mayRecord` says what the caller may record. */
  get: { input: z.object(topic), output: topicViewSchema },
  propose: { input: proposeInputSchema, output: topicViewSchema },
  /** 附议: one per person; the one that reaches the threshold puts the topic on the agenda. */
  support: { input: z.object(topic), output: z.object({ supports: z.number(), stage: topicStageSchema }) },
  /** Staff open a topic from 大事 requests or directly. */
  open: { input: openTopicInputSchema, output: topicViewSchema },
  comments: { input: z.object(topic), output: z.object({ comments: z.array(commentViewSchema) }) },
  comment: {
    input: z.object({
      key: idempotencyKeySchema,
      ...topic,
      text: z.string().trim().min(2, { message: '请写下您的意见' }).max(COMMENT_MAX),
    }),
    output: commentViewSchema,
  },
  /** 采纳: staff or a 两委 member marks a suggestion adopted; counted per community. */
  adopt: { input: z.object({ commentId: idSchema }), output: commentViewSchema },
  recordStep: { input: recordStepInputSchema, output: topicViewSchema },
  scheduleMeeting: { input: scheduleMeetingInputSchema, output: meetingViewSchema.extend({ notified: z.number() }) },
  meeting: { input: z.object(meeting), output: meetingViewSchema },
  meetings: { input: z.object(topic), output: z.object({ meetings: z.array(meetingViewSchema) }) },
  /** Attendance by list: staff tick who is present (ids from the roll). */
  markAttendance: {
    input: z.object({ ...meeting, ids: z.array(idSchema).min(1).max(5000), present: z.boolean().default(true) }),
    output: meetingViewSchema,
  },
  /** Attendance by scan: the attendee scans the meeting's code and checks themself (or their household) in. */
  checkIn: { input: z.object(meeting), output: z.object({ present: z.number(), needed: z.number() }) },
  /** The show of hands: refused without quorum. */
  tally: {
    input: z.object({ ...meeting, yes: z.number().int().min(0), no: z.number().int().min(0), abstain: z.number().int().min(0) }),
    output: meetingViewSchema,
  },
  openVote: { input: openVoteInputSchema, output: voteViewSchema },
  vote: { input: z.object(vote), output: voteViewSchema },
  votes: { input: z.object(topic), output: z.object({ votes: z.array(voteViewSchema) }) },
  /** One vote per household: any member, first counts (or changes until close when allowed). */
  cast: { input: z.object({ ...vote, option: z.number().int().min(0) }), output: voteViewSchema },
  /** A paper ballot entered by staff for a household without a phone; never doubles an online vote. */
  paperBallot: {
    input: z.object({
      ...vote,
      householdId: idSchema,
      option: z.number().int().min(0),
      voterName: z.string().trim().min(1, { message: '请填写投票人姓名' }).max(20),
    }),
    output: voteViewSchema,
  },
  closeVote: { input: z.object(vote), output: voteViewSchema },
});
