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
  'COMMON.INTERNAL',
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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
