import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import { requestCategorySchema } from '../requests/request.schema';

/**
 * 十户联保 (黑牛庄村): every cadre covers about ten party members and every party member about
 * ten households, so that each household has a named person who knows it, visits it, and knocks on
 * its door when it missed an urgent notice.
 */

/** A party member of a community's branch (党支部), id `${communityId}:${openid}`. */
export type PartyMemberDoc = {
  _id: string;
  communityId: string;
  openid: string;
  name: string;
  phone: string;
  /** The cadre (村/社区干部) who covers this party member. */
  cadre: { openid: string; name: string } | null;
  /** Households assigned now; kept in the transaction that assigns them. */
  households: number;
  createdAt: string;
  updatedAt: string;
};

/** One per household (id = the household's id): a household has at most one 联户党员 by construction. */
export type AssignmentDoc = {
  _id: string;
  householdId: string;
  householdName: string;
  communityId: string;
  compoundId: string;
  compoundName: string;
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  sortKey: string;
  partyMemberOpenid: string;
  partyMemberName: string;
  partyMemberPhone: string;
  assignedAt: string;
  assignedBy: string;
  lastVisitAt: string | null;
};

/** A 走访 record: id from the party member's idempotency key. */
export type VisitDoc = {
  _id: string;
  householdId: string;
  householdName: string;
  communityId: string;
  compoundId: string;
  partyMemberOpenid: string;
  partyMemberName: string;
  date: string;
  topics: string;
  need: string | null;
  followUpOn: string | null;
  /** The request the need became, once raised. */
  requestId: string | null;
  /** The follow-up reminder was queued. */
  reminded: boolean;
  createdAt: string;
};

export const partyMemberViewSchema = z.object({
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  cadreName: z.string().nullable(),
  households: z.number().int(),
  /** More households than the community's number: staff are warned, not stopped. */
  over: z.boolean(),
});
export type PartyMemberView = z.infer<typeof partyMemberViewSchema>;

export const assignedHouseholdSchema = z.object({
  householdId: z.string(),
  householdName: z.string(),
  compoundName: z.string(),
  buildingName: z.string(),
  unitName: z.string(),
  lastVisitAt: z.string().nullable(),
  /** Not visited within the community's number of days. */
  due: z.boolean(),
});
export type AssignedHousehold = z.infer<typeof assignedHouseholdSchema>;

export const visitInputSchema = z.object({
  key: idempotencyKeySchema,
  householdId: idSchema,
  date: calendarDateSchema,
  topics: z.string().trim().min(1, { message: '请写一写聊了什么' }).max(300, { message: '最多 300 个字' }),
  need: z.string().trim().max(300, { message: '最多 300 个字' }).optional(),
  followUpOn: calendarDateSchema.optional(),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

export const visitViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  partyMemberName: z.string(),
  date: z.string(),
  topics: z.string(),
  need: z.string().nullable(),
  followUpOn: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type VisitView = z.infer<typeof visitViewSchema>;

export const raiseNeedInputSchema = z.object({
  visitId: idSchema,
  category: requestCategorySchema,
});

export const coverageRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  households: z.number().int(),
  due: z.number().int(),
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;
