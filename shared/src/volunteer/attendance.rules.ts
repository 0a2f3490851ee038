import type { AttendanceKind } from './volunteer.schema';

/**
 * QR attendance with a time-bound signature. The organiser's phone shows a code that changes
 * every minute: the signature of (activity, in/out, minute) under a secret only the server holds,
 * so a phone cannot make one and a screenshot of an earlier code is refused. A code is accepted in
 * its own minute and the next (a scan at the turn of the minute), never later.
 *
 * The signing itself (HMAC-SHA256) is the server's; these rules take it as a function, so the
 * window arithmetic and the verdicts are tested here without a secret.
 */
export const ATTENDANCE_WINDOW_MS = 60_000;
/** Windows a code stays good for: its own and the next one. */
export const ATTENDANCE_GRACE_WINDOWS = 1;
/** Characters of the signature shown under the QR code for typing (base32: 40 bits). */
export const ATTENDANCE_CODE_LENGTH = 8;
export const ATTENDANCE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Signs a payload; answers at least ATTENDANCE_CODE_LENGTH characters of the code alphabet. */
export type Sign = (payload: string) => string;

export const windowOf = (now: Date | number) => Math.floor(new Date(now).getTime() / ATTENDANCE_WINDOW_MS);

export const attendancePayload = (activityId: string, kind: AttendanceKind, window: number) => `va1|${activityId}|${kind}|${window}`;

const TOKEN_PREFIX = 'LINLI-VA';

/** What the QR code carries: everything needed to check it, and nothing secret. */
export const attendanceToken = (activityId: string, kind: AttendanceKind, window: number, code: string) =>
  `${TOKEN_PREFIX}.${activityId}.${kind}.${window}.${code}`;

export interface ParsedToken {
  activityId: string;
  kind: AttendanceKind;
  window: number;
  code: string;
}

/** Reads a scanned (or pasted) QR text; null when it is not one of ours. */
export function parseAttendanceToken(text: string): ParsedToken | null {
  const parts = text.trim().split('.');
  if (parts.length !== 5 || parts[0] !== TOKEN_PREFIX) return null;
  const [, activityId, kind, window, code] = parts as [string, string, string, string, string];
  if (!activityId || (kind !== 'in' && kind !== 'out') || !/^\d+$/.test(window) || !/^[A-Z0-9]{4,16}$/.test(code)) return null;
  return { activityId, kind, window: Number(window), code };
}

/** Typed codes: upper case, spaces and dashes dropped (the alphabet has no 0/O or 1/I/L to confuse). */
export const normalizeAttendanceCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');

export function codeFor(sign: Sign, activityId: string, kind: AttendanceKind, window: number): string {
  return normalizeAttendanceCode(sign(attendancePayload(activityId, kind, window)).slice(0, ATTENDANCE_CODE_LENGTH));
}

/** The code the organiser's phone shows now, its QR text, and until when it is shown (the next minute). */
export function currentAttendanceCode(sign: Sign, activityId: string, kind: AttendanceKind, now: Date) {
  const window = windowOf(now);
  const code = codeFor(sign, activityId, kind, window);
  return {
    code,
    token: attendanceToken(activityId, kind, window, code),
    window,
    refreshAt: new Date((window + 1) * ATTENDANCE_WINDOW_MS).toISOString(),
  };
}

/** How far back a code is still recognised as one of ours, to say "expired" rather than "wrong". */
const RECOGNISED_WINDOWS = 24 * 60;

/**
 * The verdict on a code given for (activity, kind) at `now`. With the window the QR code carries,
 * an old code is told apart exactly; a typed code (no window) is tried against the current and
 * grace windows, then against the last day's, to tell a stale code from a wrong one.
 */
export function verifyAttendanceCode(
  sign: Sign,
  input: { activityId: string; kind: AttendanceKind; code: string; window?: number },
  now: Date,
): 'ok' | 'expired' | 'invalid' {
  const current = windowOf(now);
  const code = normalizeAttendanceCode(input.code);
  const matches = (w: number) => codeFor(sign, input.activityId, input.kind, w) === code;
  if (input.window !== undefined) {
    if (input.window > current || !matches(input.window)) return 'invalid';
    return current - input.window <= ATTENDANCE_GRACE_WINDOWS ? 'ok' : 'expired';
  }
  for (let w = current; w >= current - ATTENDANCE_GRACE_WINDOWS; w--) if (matches(w)) return 'ok';
  for (let w = current - ATTENDANCE_GRACE_WINDOWS - 1; w > current - RECOGNISED_WINDOWS; w--) if (matches(w)) return 'expired';
  return 'invalid';
}

/** Check-in opens half an hour before the start and closes half an hour after the end. */
export const ATTENDANCE_OPEN_BEFORE_MS = 30 * 60_000;
export const ATTENDANCE_CLOSE_AFTER_MS = 30 * 60_000;

export function attendanceOpen(
  activity: { startAt: string; endAt: string },
  now: Date,
): { open: boolean; opensAt: string; closesAt: string } {
  const opensAt = Date.parse(activity.startAt) - ATTENDANCE_OPEN_BEFORE_MS;
  const closesAt = Date.parse(activity.endAt) + ATTENDANCE_CLOSE_AFTER_MS;
  return {
    open: now.getTime() >= opensAt && now.getTime() <= closesAt,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
  };
}
