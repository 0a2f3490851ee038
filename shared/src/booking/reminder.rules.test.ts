import { describe, expect, it } from 'vitest';
import { dueReminders } from './reminder.rules';

const start = '2026-11-21T01:00:00.000Z'; // Saturday 09:00 in Shanghai
const H = 3_600_000;
const before = (ms: number) => new Date(Date.parse(start) - ms);
const booking = (extra: Record<string, string> = {}) => ({
  status: 'booked',
  startAt: start,
  createdAt: '2026-11-18T02:00:00.000Z',
  ...extra,
});

describe('dueReminders: the day before and an hour before', () => {
  it.each([
    ['25 hours before', booking(), before(25 * H), []],
    ['24 hours before', booking(), before(24 * H), ['dayBefore']],
    ['2 hours before, the day-before one missed', booking(), before(2 * H), ['dayBefore']],
    ['2 hours before, the day-before one sent', booking({ remindedDayBeforeAt: 'x' }), before(2 * H), []],
    ['an hour before', booking({ remindedDayBeforeAt: 'x' }), before(H), ['hourBefore']],
    ['an hour before, the day-before one never sent: only the hour one', booking(), before(H), ['hourBefore']],
    ['59 minutes before, already reminded', booking({ remindedDayBeforeAt: 'x', remindedHourBeforeAt: 'y' }), before(59 * 60_000), []],
    ['at the start', booking(), before(0), []],
    ['a cancelled booking', booking({ status: 'cancelled' }), before(24 * H), []],
    ['a checked-in booking', booking({ status: 'checkedIn' }), before(H), []],
    ['booked 23 hours ahead: no "tomorrow"', booking({ createdAt: before(23 * H).toISOString() }), before(22 * H), []],
    ['booked 23 hours ahead, an hour before', booking({ createdAt: before(23 * H).toISOString() }), before(H), ['hourBefore']],
    ['booked 40 minutes ahead: no reminder at all', booking({ createdAt: before(40 * 60_000).toISOString() }), before(30 * 60_000), []],
  ])('%s', (_label, b, now, expected) => {
    expect(dueReminders(b, now)).toEqual(expected);
  });
});
