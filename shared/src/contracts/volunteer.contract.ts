import { z } from 'zod';
import { idSchema, personNameSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import {
  assignedHouseholdSchema,
  coverageRowSchema,
  partyMemberViewSchema,
  raiseNeedInputSchema,
  visitInputSchema,
  visitViewSchema,
} from '../volunteer/lianbao.schema';
import {
  activityInputSchema,
  activityViewSchema,
  attendanceKindSchema,
  boardRowSchema,
  certificateSchema,
  entryViewSchema,
  leadSchema,
  monthSchema,
  partyItemSchema,
  redemptionCodeSchema,
  redemptionViewSchema,
  rewardInputSchema,
  rewardViewSchema,
  rosterRowSchema,
  volunteerSettingsInputSchema,
} from '../volunteer/volunteer.schema';
import { defineContract } from './define';
import { onBehalfOfSchema } from '../ledger/proxy';

const community = { communityId: idSchema };
const activity = { activityId: idSchema };
const reasonSchema = z.string().trim().min(2, { message: '请写明原因' }).max(100, { message: '原因最多 100 个字' });

const totalsSchema = z.object({ balance: z.number(), earned: z.number(), spent: z.number(), hours: z.number(), entries: z.number().int() });

const settingsSchema = volunteerSettingsInputSchema.extend({
  leads: z.array(leadSchema),
  partyItems: z.array(partyItemSchema),
  version: z.number().int(),
});

const householdCellSchema = z.object({
  householdId: z.string(),
  name: z.string(),
  partyMemberOpenid: z.string().nullable(),
  partyMemberName: z.string().nullable(),
});

const expirySchema = z.object({
  communities: z.number().int(),
  checked: z.number().int(),
  people: z.number().int(),
  points: z.number(),
});

const personSchema = z.object({ openid: z.string(), name: z.string(), phone: z.string(), householdName: z.string().nullable() });

export const volunteerContract = defineContract('volunteer', {
  /** Where the caller stands: their community, balance, and what they may run (for the entries on 我的). */
  me: {
    input: z.object({}),
    output: z.object({
      community: z.object({ id: z.string(), name: z.string() }).nullable(),
      balance: z.number(),
      hours: z.number(),
      upcoming: z.number().int(),
      manages: z.array(z.object({ id: z.string(), name: z.string() })),
      partyMemberOf: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  activities: {
    input: z.object({ ...community }),
    output: z.object({ communityName: z.string(), canPost: z.boolean(), activities: z.array(activityViewSchema) }),
  },
  activity: { input: z.object(activity), output: z.object({ activity: activityViewSchema }) },
  post: {
    input: z.object({ ...community, key: idempotencyKeySchema, activity: activityInputSchema }),
    output: z.object({ activity: activityViewSchema }),
  },
  cancel: { input: z.object(activity), output: z.object({ activity: activityViewSchema }) },
  /**
   * Takes a place, or (with `waitlist`) a place in line when it is full. 代办: with `onBehalfOf`
   * staff or 三长五员 sign up a resident of the activity's community who has no phone.
   */
  signUp: {
    input: z.object({ ...activity, waitlist: z.boolean().default(false), onBehalfOf: onBehalfOfSchema.optional() }),
    output: z.object({ activity: activityViewSchema }),
  },
  leave: { input: z.object(activity), output: z.object({ activity: activityViewSchema }) },
  /** 我的志愿活动: what the caller signed up for, soonest first. */
  mine: { input: z.object({}), output: z.object({ upcoming: z.array(activityViewSchema), past: z.array(activityViewSchema) }) },
  /** The organiser's rotating code: the server signs it; it changes every minute. */
  attendanceCode: {
    input: z.object({ ...activity, kind: attendanceKindSchema }),
    output: z.object({ code: z.string(), token: z.string(), refreshAt: z.string(), now: z.string() }),
  },
  /** The volunteer's scan (or the code typed from the organiser's screen). */
  attend: {
    input: z.object({
      ...activity,
      kind: attendanceKindSchema,
      code: z.string().trim().min(4, { message: '请输入组织者手机上显示的签到码' }).max(16),
      window: z.number().int().optional(),
    }),
    output: z.object({ kind: attendanceKindSchema, at: z.string(), activity: activityViewSchema }),
  },
  roster: {
    input: z.object(activity),
    output: z.object({ activity: activityViewSchema, rows: z.array(rosterRowSchema) }),
  },
  /** The organiser marks a person by hand: recorded as such, with who marked them. */
  mark: {
    input: z.object({ ...activity, openid: idSchema, present: z.boolean(), hours: z.number().min(0).max(24).multipleOf(0.5).optional() }),
    output: z.object({ rows: z.array(rosterRowSchema) }),
  },
  /** Grants the points of the activity's attendance: once per activity and person, whatever repeats. */
  confirm: {
    input: z.object(activity),
    output: z.object({ granted: z.number().int(), points: z.number(), capped: z.number().int(), activity: activityViewSchema }),
  },
  /** The caller's points, or (代办, `onBehalfOf`) those of a resident staff or 三长五员 act for. */
  myPoints: {
    input: z.object({ ...community, onBehalfOf: onBehalfOfSchema.optional() }),
    output: z.object({ totals: totalsSchema, entries: z.array(entryViewSchema) }),
  },
  /** 志愿服务记录证明: hours by activity, issued by the community that recorded them. */
  certificate: { input: z.object({ ...community }), output: certificateSchema },
  /** 公示: the month's hours and points by volunteer; open to anyone. */
  board: {
    input: z.object({ ...community, month: monthSchema }),
    output: z.object({ communityName: z.string(), month: z.string(), rows: z.array(boardRowSchema), totalHours: z.number() }),
  },
  /** Staff: one person's ledger. */
  ledger: {
    input: z.object({ ...community, openid: idSchema }),
    output: z.object({ name: z.string(), totals: totalsSchema, entries: z.array(entryViewSchema) }),
  },
  /** Staff: a correction by hand, with its reason (a new entry). */
  correct: {
    input: z.object({
      ...community,
      openid: idSchema,
      points: z.number().min(-1000).max(1000),
      reason: reasonSchema,
      key: idempotencyKeySchema,
    }),
    output: z.object({ totals: totalsSchema }),
  },
  /** Staff: undoes one entry by a reversing entry. */
  reverse: {
    input: z.object({ entryId: idSchema, reason: reasonSchema }),
    output: z.object({ totals: totalsSchema }),
  },
  /** The people staff can pick from: the community's bound residents and its volunteers. */
  people: { input: z.object({ ...community }), output: z.object({ people: z.array(personSchema) }) },
  settings: { input: z.object({ ...community }), output: settingsSchema },
  saveSettings: {
    input: z.object({
      ...community,
      version: z.number().int().min(0),
      settings: volunteerSettingsInputSchema,
      leads: z.array(leadSchema).max(20),
      partyItems: z.array(partyItemSchema).max(20).optional(),
    }),
    output: settingsSchema,
  },
  // ── 积分超市 ──
  rewards: { input: z.object({ ...community }), output: z.object({ rewards: z.array(rewardViewSchema) }) },
  saveReward: {
    input: z.object({ ...community, rewardId: idSchema.optional(), reward: rewardInputSchema }),
    output: z.object({ reward: rewardViewSchema }),
  },
  /** Takes the points and sets the item aside in one transaction; staff hand it over by its code. */
  /** 代办: with `onBehalfOf`, staff or 三长五员 redeem from the points of a resident they act for. */
  redeem: {
    input: z.object({ rewardId: idSchema, key: idempotencyKeySchema, onBehalfOf: onBehalfOfSchema.optional() }),
    output: z.object({ redemption: redemptionViewSchema, balance: z.number() }),
  },
  myRedemptions: { input: z.object({}), output: z.object({ redemptions: z.array(redemptionViewSchema) }) },
  cancelRedemption: { input: z.object({ redemptionId: idSchema }), output: z.object({ redemption: redemptionViewSchema }) },
  handOver: { input: z.object({ ...community, code: redemptionCodeSchema }), output: z.object({ redemption: redemptionViewSchema }) },
  // ── 党员积分 ──
  partyMembers: {
    input: z.object({ ...community }),
    output: z.object({ members: z.array(partyMemberViewSchema), householdsPerMember: z.number().int(), cadres: z.array(leadSchema) }),
  },
  addPartyMember: {
    input: z.object({ ...community, openid: idSchema, name: personNameSchema, cadreOpenid: idSchema.nullable().default(null) }),
    output: z.object({ member: partyMemberViewSchema }),
  },
  /** Counts the month's items from the records (hours, visits, requests handled); run again, it adds only what is new. */
  scoreMonth: {
    input: z.object({ ...community, month: monthSchema }),
    output: z.object({ written: z.number().int(), points: z.number() }),
  },
  award: {
    input: z.object({
      ...community,
      openid: idSchema,
      itemId: z.string(),
      month: monthSchema,
      note: z.string().trim().max(60).default(''),
    }),
    output: z.object({ totals: totalsSchema }),
  },
  partyRanking: {
    input: z.object({ ...community, month: monthSchema }),
    output: z.object({
      month: z.string(),
      rows: z.array(z.object({ openid: z.string(), name: z.string(), points: z.number(), byItem: z.record(z.string(), z.number()) })),
      items: z.array(partyItemSchema),
    }),
  },
  // ── 十户联保 ──
  /** Buildings, units and households of a compound, each with its 联户党员. */
  lianbaoMap: {
    input: z.object({ compoundId: idSchema }),
    output: z.object({
      compoundName: z.string(),
      communityId: z.string(),
      buildings: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          units: z.array(z.object({ id: z.string(), name: z.string(), households: z.array(householdCellSchema) })),
        }),
      ),
    }),
  },
  assign: {
    input: z.object({ ...community, partyMemberOpenid: idSchema, householdIds: z.array(idSchema).min(1).max(30) }),
    output: z.object({
      member: partyMemberViewSchema,
      warning: z.object({ households: z.number().int(), perMember: z.number().int() }).nullable(),
    }),
  },
  unassign: {
    input: z.object({ ...community, householdIds: z.array(idSchema).min(1).max(30) }),
    output: z.object({ removed: z.number().int() }),
  },
  /** The party member's own households, the follow-ups due, and the urgent notices they must knock for. */
  myHouseholds: {
    input: z.object({}),
    output: z.object({
      households: z.array(assignedHouseholdSchema),
      followUps: z.array(visitViewSchema),
      doorNotices: z.array(z.object({ noticeId: z.string(), title: z.string(), publishAt: z.string(), unread: z.number().int() })),
      visitEveryDays: z.number().int(),
    }),
  },
  logVisit: { input: visitInputSchema, output: z.object({ visit: visitViewSchema }) },
  /** A need found on a visit becomes a request in one tap, reported on the household's behalf. */
  raiseNeed: { input: raiseNeedInputSchema, output: z.object({ requestId: z.string(), visit: visitViewSchema }) },
  visits: { input: z.object({ householdId: idSchema }), output: z.object({ householdName: z.string(), visits: z.array(visitViewSchema) }) },
  coverage: {
    input: z.object({ ...community }),
    output: z.object({
      visitEveryDays: z.number().int(),
      households: z.number().int(),
      due: z.number().int(),
      byPartyMember: z.array(coverageRowSchema),
      byBuilding: z.array(coverageRowSchema),
    }),
  },
  /** For the card: the 联户党员 of the caller's household, if any. */
  myPartyMember: {
    input: z.object({}),
    output: z.object({ partyMember: z.object({ name: z.string(), phone: z.string(), householdName: z.string() }).nullable() }),
  },
  /** 敲门清单 of one notice, only the caller's households (a 联户党员 knocks on their own). */
  myDoorList: {
    input: z.object({ noticeId: idSchema }),
    output: z.object({
      title: z.string(),
      households: z.array(z.object({ householdId: z.string(), householdName: z.string(), compoundName: z.string() })),
    }),
  },
  /** Timer: the day's follow-up reminders to party members. */
  remind: { input: z.object({}), output: z.object({ queued: z.number().int() }) },
  /** Timer: volunteer points past the community's life expire, oldest first (bounded per run, idempotent). */
  expire: { input: z.object({}), output: expirySchema },
  /** The function's hourly timer: the follow-up reminders, then points expiry. */
  hourly: { input: z.object({}), output: z.object({ queued: z.number().int(), expiry: expirySchema }) },
});
export type VolunteerContract = typeof volunteerContract;
