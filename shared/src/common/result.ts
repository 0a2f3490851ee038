/**
 * Expected failures are values, not exceptions: a use case returns `err(code, details)`
 * and the code survives every process boundary as a plain string.
 */
export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: { code: ErrorCode; details?: unknown } };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = (code: ErrorCode, details?: unknown): Err =>
  details === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, details } };

/** Every error code the functions may answer with. The app maps each to Chinese copy. */
export const ERROR_CODES = [
  'COMMON.INVALID_INPUT',
  'COMMON.UNKNOWN_FUNCTION',
  'COMMON.UNKNOWN_ACTION',
  'COMMON.UNAUTHENTICATED',
  'COMMON.FORBIDDEN',
  'COMMON.NOT_FOUND',
  'COMMON.CONFLICT',
  /** An idempotency key someone else already used: the form must start again. */
  'COMMON.KEY_REUSED',
  'COMMON.INTERNAL',
  'COMMON.PAYLOAD_TOO_LARGE',
  'PLACE.NOT_FOUND',
  'PLACE.NOT_A_HOUSEHOLD',
  'PLACE.NOT_A_COMPOUND',
  'PLACE.NOT_A_COMMUNITY',
  'IDENTITY.BINDING_PENDING',
  'IDENTITY.ALREADY_BOUND',
  'IDENTITY.BINDING_NOT_FOUND',
  'IDENTITY.BINDING_ALREADY_REVIEWED',
  'IDENTITY.INVITE_NOT_FOUND',
  'IDENTITY.INVITE_USED',
  'IDENTITY.INVITE_EXPIRED',
  'IDENTITY.CANNOT_GRANT',
  'TEAM.ROLE_FULL',
  'TEAM.CHECKPOINT_FULL',
  'TEAM.UNKNOWN_CHECKPOINT',
  'TEAM.CHECKPOINT_REQUIRED',
  'TEAM.MEMBER_NOT_FOUND',
  'TEAM.POINT_LEADER_ELSEWHERE',
  'TEAM.DUPLICATE_PERSON',
  'TEAM.STALE',
  'CATALOGUE.SERVICE_NOT_FOUND',
  'REQUEST.NOT_FOUND',
  'REQUEST.WRONG_STATE',
  'REQUEST.CONTENT_REJECTED',
  'REQUEST.NOT_RESIDENT',
  'REQUEST.PHOTO_NOT_FOUND',
  'REQUEST.PHOTO_TYPE',
  'REQUEST.PHOTO_TOO_LARGE',
  'REQUEST.HANDLER_OUT_OF_SCOPE',
  'REQUEST.MERGE_INVALID',
  'REQUEST.OWN_REQUEST',
  'NOTICE.NOT_FOUND',
  'NOTICE.CONTENT_REJECTED',
  'NOTICE.SCHEDULE_INVALID',
  'NOTICE.CATEGORY_NOT_ALLOWED',
  'NOTICE.NO_HOUSEHOLDS',
  'NOTICE.NOT_LIVE',
  'NOTICE.REMIND_TOO_SOON',
  'NOTICE.ACK_NOT_REQUIRED',
  'NOTICE.ATTACHMENT_INVALID',
  'BOOKING.NOT_BOOKABLE',
  'BOOKING.NOT_RESIDENT',
  'BOOKING.SLOT_NOT_FOUND',
  'BOOKING.DAY_CLOSED',
  'BOOKING.SLOT_FULL',
  'BOOKING.TOO_LATE',
  'BOOKING.OUTSIDE_WINDOW',
  'BOOKING.ALREADY_BOOKED',
  'BOOKING.BLOCKED_NO_SHOW',
  'BOOKING.NOT_FOUND',
  'BOOKING.CUTOFF_PASSED',
  'BOOKING.NOT_ACTIVE',
  'BOOKING.CODE_NOT_FOUND',
  'BOOKING.ALREADY_CHECKED_IN',
  'BOOKING.NOT_TODAY',
  'BOOKING.NOT_STARTED',
  'BOOKING.SLOT_HAS_SEATS',
  'BOOKING.WAITLIST_NOT_FOUND',
  'BOOKING.SCHEDULE_STALE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
