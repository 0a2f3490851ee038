import type { ErrorCode } from './error-codes';
import type { ErrorDetails } from './error-details';

/**
 * Expected failures are values, not exceptions: a use case returns `err(code, details)`
 * and the code survives every process boundary as a plain string.
 */
export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: { code: ErrorCode; details?: unknown } };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });

/** A code's details when it has any (ERROR_DETAILS), else nothing may be passed. */
type DetailsArg<C extends ErrorCode> = [ErrorDetails<C>] extends [never] ? [] : [details?: ErrorDetails<C>];

/** An expected failure, with the details its code carries (typed per code in error-details.ts). */
export const err = <C extends ErrorCode>(code: C, ...[details]: DetailsArg<C>): Err =>
  details === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, details } };
