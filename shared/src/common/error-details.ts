import { z } from 'zod';
import { bookingStatusSchema } from '../booking/booking.schema';
import { bindingStatusSchema } from '../identity/identity.schema';
import { noticeCategorySchema, NOTICE_STATES } from '../notices/notice.schema';
import { placeKindSchema } from '../places/place.schema';
import { requestStatusSchema, triageTrackSchema } from '../requests/request.schema';
import { roleSchema } from '../roles/role.schema';
import { teamRoleSchema } from '../team/team.schema';
import { DELIBERATION_ERROR_DETAILS } from '../deliberation/deliberation.errors';
import { VOLUNTEER_ERROR_DETAILS } from '../volunteer/volunteer.errors';
import { DEPARTMENT_ERROR_DETAILS } from '../departments/department.errors';
import { WORK_GROUP_ERROR_DETAILS } from '../workgroups/work-group.errors';
import type { ErrorCode } from './error-codes';

/**
 * What each error code carries besides itself, typed once for both sides: the functions can only
 * send these shapes (`err` is typed by them, and the local host and tests parse every error's
 * details), and the app's copy reads them without guessing. Details are data — ids, counts,
 * statuses, ISO times, phone numbers — never prose: the app writes every word (`error-copy.ts`).
 * A code not listed here carries no details.
 */
const instant = z.string();
const phone = z.string().nullable();

export const ERROR_DETAILS = {
  'COMMON.INVALID_INPUT': z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
  'COMMON.UNKNOWN_FUNCTION': z.object({ function: z.string() }),
  'COMMON.UNKNOWN_ACTION': z.object({ function: z.string(), action: z.string() }),
  'COMMON.FORBIDDEN': z.object({ placeId: z.string(), placeName: z.string() }),
  'COMMON.CONFLICT': z.object({ requestId: z.string() }),
  'COMMON.PAYLOAD_TOO_LARGE': z.object({ maxBytes: z.number(), size: z.number() }),
  'PLACE.NOT_FOUND': z.object({ placeId: z.string() }),
  'PLACE.NOT_A_COMPOUND': z.object({ placeId: z.string(), kind: placeKindSchema }),
  'PLACE.NOT_A_COMMUNITY': z.object({ placeId: z.string(), kind: placeKindSchema }),
  'IDENTITY.BINDING_PENDING': z.object({ householdName: z.string() }),
  'IDENTITY.ALREADY_BOUND': z.object({ householdName: z.string() }),
  'IDENTITY.BINDING_ALREADY_REVIEWED': z.object({ status: bindingStatusSchema }),
  'IDENTITY.INVITE_EXPIRED': z.object({ expiresAt: instant }),
  'IDENTITY.CANNOT_GRANT': z.object({ role: roleSchema }),
  'IDENTITY.CANNOT_REVOKE': z.object({ role: roleSchema }),
  'IDENTITY.GRANT_NOT_FOUND': z.object({ role: roleSchema, placeName: z.string() }),
  'TEAM.ROLE_FULL': z.object({ role: teamRoleSchema, max: z.number() }),
  'TEAM.CHECKPOINT_FULL': z.object({ checkpoint: z.string(), max: z.number() }),
  'TEAM.UNKNOWN_CHECKPOINT': z.object({ checkpoint: z.string(), checkpoints: z.array(z.string()) }),
  'TEAM.DUPLICATE_PERSON': z.object({ role: teamRoleSchema, phone: z.string() }),
  'TEAM.MEMBER_NOT_FOUND': z.object({ memberId: z.string() }),
  'TEAM.POINT_LEADER_ELSEWHERE': z.object({ compoundName: z.string(), name: z.string() }),
  /** WeChat's errcode when it answered one (41030: the card page is not in a released version). */
  'TEAM.POSTER_CODE_FAILED': z.object({ wxErrCode: z.number().nullable() }),
  'BOOKING.NOT_BOOKABLE': z.object({ serviceName: z.string() }),
  'BOOKING.DAY_CLOSED': z.object({ date: z.string(), closed: z.enum(['holiday', 'closedByHand']), note: z.string().nullable() }),
  'BOOKING.SLOT_NOT_FOUND': z.object({ date: z.string() }),
  'BOOKING.SLOT_FULL': z.object({ waiting: z.number() }),
  'BOOKING.SLOT_HAS_SEATS': z.object({ left: z.number() }),
  'BOOKING.TOO_LATE': z.object({ noticeMinutes: z.number(), phone }),
  'BOOKING.OUTSIDE_WINDOW': z.object({ windowDays: z.number() }),
  'BOOKING.ALREADY_BOOKED': z.object({ max: z.number(), startAt: instant, bookingId: z.string(), canChange: z.boolean(), phone }),
  'BOOKING.CUTOFF_PASSED': z.object({ until: instant, bookingId: z.string(), phone }),
  'BOOKING.BLOCKED_NO_SHOW': z.object({ until: instant, count: z.number(), withinDays: z.number(), phone }),
  'BOOKING.NOT_ACTIVE': z.object({ status: bookingStatusSchema.optional() }),
  'BOOKING.ALREADY_CHECKED_IN': z.object({ name: z.string(), at: instant.nullable() }),
  'BOOKING.NOT_TODAY': z.object({ date: z.string(), startAt: instant }),
  'BOOKING.SCHEDULE_STALE': z.object({ version: z.number() }),
  'CALENDAR.SCHEDULE_STALE': z.object({ year: z.number(), version: z.number() }),
  'CALENDAR.CLOSURE_NOT_FOUND': z.object({ date: z.string() }),
  'SETTINGS.EFFECTIVE_IN_PAST': z.object({ today: z.string() }),
  'NOTICE.CATEGORY_NOT_ALLOWED': z.object({ category: noticeCategorySchema }),
  'NOTICE.CONTENT_REJECTED': z.object({ label: z.string(), index: z.number().optional() }),
  'NOTICE.ATTACHMENT_INVALID': z.object({ index: z.number().optional(), name: z.string() }),
  'NOTICE.SCHEDULE_INVALID': z.object({
    reason: z.enum(['publishInPast', 'publishTooFar', 'expiryNotAfterPublish', 'expiryTooFar', 'expiryInPast']),
    maxDays: z.number().optional(),
  }),
  'NOTICE.NOT_LIVE': z.object({ state: z.enum(NOTICE_STATES) }),
  'NOTICE.REMIND_TOO_SOON': z.object({ remindableAt: instant }),
  'REQUEST.WRONG_STATE': z.object({ status: requestStatusSchema }),
  'REQUEST.HANDLER_OUT_OF_SCOPE': z.object({ track: triageTrackSchema, level: z.number().optional() }),
  'REQUEST.MERGE_INVALID': z.object({ target: requestStatusSchema }),
  'REQUEST.CONTENT_REJECTED': z.object({ label: z.string(), index: z.number().optional() }),
  'REQUEST.PHOTO_NOT_FOUND': z.object({ index: z.number() }),
  'REQUEST.PHOTO_TYPE': z.object({ index: z.number() }),
  'REQUEST.PHOTO_TOO_LARGE': z.object({ index: z.number().optional(), maxBytes: z.number(), size: z.number().optional() }),
  'LEDGER.TOO_MANY_ROWS': z.object({ max: z.number(), rows: z.number() }),
  'LEDGER.NOT_A_TEMPLATE': z.object({ expected: z.array(z.string()) }),
  ...VOLUNTEER_ERROR_DETAILS,
  ...DEPARTMENT_ERROR_DETAILS,
  ...WORK_GROUP_ERROR_DETAILS,
  ...DELIBERATION_ERROR_DETAILS,
} as const satisfies Partial<Record<ErrorCode, z.ZodType>>;

type DetailSchemas = typeof ERROR_DETAILS;
/** The details a code carries (`never` for a code that carries none). */
export type ErrorDetails<C extends ErrorCode> = C extends keyof DetailSchemas ? z.infer<DetailSchemas[C]> : never;

/** The details of an error as its code says they are, or null when it carries none (or not these). */
export function detailsOf<C extends ErrorCode>(code: C, details: unknown): ErrorDetails<C> | null {
  const schema = (ERROR_DETAILS as Partial<Record<ErrorCode, z.ZodType>>)[code];
  if (!schema) return null;
  const parsed = schema.safeParse(details);
  return parsed.success ? (parsed.data as ErrorDetails<C>) : null;
}
