import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_CODE_ALPHABET,
  attendanceOpen,
  currentAttendanceCode,
  parseAttendanceToken,
  verifyAttendanceCode,
  windowOf,
  type Sign,
} from './attendance.rules';

/**
 * A keyed stand-in for the server's HMAC-SHA256 (shared/ has no crypto): FNV-1a over secret and
 * payload, written in the code alphabet. The real signer is tested in the volunteer function.
 */
const signer =
  (secret: string): Sign =>
  (payload) => {
    let out = '';
    for (let round = 0; round < 8; round++) {
      let h = 0x811c9dc5;
      for (const ch of `${secret}|${round}|${payload}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      out += ATTENDANCE_CODE_ALPHABET[h % ATTENDANCE_CODE_ALPHABET.length];
    }
    return out;
  };

const sign = signer('server-secret');
const t0 = new Date('2026-11-20T02:00:10.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('QR attendance: a time-bound signature that changes every minute', () => {
  it('changes every minute and differs for check-in and check-out', () => {
    const a = currentAttendanceCode(sign, 'act1', 'in', t0);
    expect(currentAttendanceCode(sign, 'act1', 'in', later(30_000)).code).toBe(a.code);
    expect(currentAttendanceCode(sign, 'act1', 'in', later(60_000)).code).not.toBe(a.code);
    expect(currentAttendanceCode(sign, 'act1', 'out', t0).code).not.toBe(a.code);
    expect(currentAttendanceCode(sign, 'act2', 'in', t0).code).not.toBe(a.code);
    expect(a.refreshAt).toBe('2026-11-20T02:01:00.000Z');
    expect(a.code).toMatch(/^[A-Z2-9]{8}$/);
  });

  const shown = currentAttendanceCode(sign, 'act1', 'in', t0);
  it.each([
    ['scanned at once', shown.window, 0, 'ok'],
    ['scanned at the turn of the minute (the grace window)', shown.window, 65_000, 'ok'],
    ['a photo of the code two minutes later', shown.window, 120_000, 'expired'],
    ["a screenshot of yesterday's code", shown.window, 86_400_000, 'expired'],
    ['a window from the future', shown.window + 5, 0, 'invalid'],
  ])('QR %s → %s', (_l, window, after, verdict) => {
    expect(verifyAttendanceCode(sign, { activityId: 'act1', kind: 'in', code: shown.code, window }, later(after))).toBe(verdict);
  });

  it.each([
    ['typed at once', 'in', 0, 'ok'],
    ['typed in lower case with a space', 'in', 30_000, 'ok'],
    ['typed ten minutes later', 'in', 600_000, 'expired'],
    ['typed for check-out', 'out', 0, 'invalid'],
  ] as const)('typed %s → %s', (label, kind, after, verdict) => {
    const typed = label.includes('lower') ? `${shown.code.slice(0, 4).toLowerCase()} ${shown.code.slice(4)}` : shown.code;
    expect(verifyAttendanceCode(sign, { activityId: 'act1', kind, code: typed }, later(after))).toBe(verdict);
  });

  it('a code signed with another secret (made on a phone) is refused', () => {
    const forged = currentAttendanceCode(signer('guess'), 'act1', 'in', t0);
    expect(verifyAttendanceCode(sign, { activityId: 'act1', kind: 'in', code: forged.code, window: forged.window }, t0)).toBe('invalid');
  });

  it('reads its own QR text and nothing else', () => {
    expect(parseAttendanceToken(shown.token)).toEqual({ activityId: 'act1', kind: 'in', window: windowOf(t0), code: shown.code });
    expect(parseAttendanceToken('K7M2QX')).toBeNull();
    expect(parseAttendanceToken('LINLI-VA.act1.sideways.1.ABCD')).toBeNull();
  });

  it.each([
    ['31 minutes before the start', -31 * 60_000, false],
    ['30 minutes before the start', -30 * 60_000, true],
    ['during', 3_600_000, true],
    ['30 minutes after the end', 2 * 3_600_000 + 30 * 60_000, true],
    ['31 minutes after the end', 2 * 3_600_000 + 31 * 60_000, false],
  ])('attendance is open %s: %s', (_l, offset, open) => {
    const activity = { startAt: '2026-11-20T02:00:00.000Z', endAt: '2026-11-20T04:00:00.000Z' };
    expect(attendanceOpen(activity, new Date(Date.parse(activity.startAt) + offset)).open).toBe(open);
  });
});
