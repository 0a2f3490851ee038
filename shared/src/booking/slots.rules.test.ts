import { describe, expect, it } from 'vitest';
import { scheduleInputSchema, type ScheduleInputDraft } from './schedule.schema';
import {
  calendarWarning,
  canChangeAt,
  dayKind,
  locateSlot,
  onlineBooking,
  planDay,
  slotIdOf,
  slotTiming,
  windowDates,
} from './slots.rules';
import { calendar2026 } from './test-calendar';

const settings = (draft: Partial<ScheduleInputDraft> = {}) =>
  scheduleInputSchema.parse({
    rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:30' })),
    slotMinutes: 30,
    seats: 3,
    ...draft,
  });
const hall = settings();
const thursdayOnly = settings({ rules: [{ weekday: 4, start: '09:00', end: '11:30' }] });

describe('dayKind: holidays close, 调休 opens, from the working-day calendar', () => {
  it.each([
    ['2026-11-20', 'workday', 'an ordinary Friday'],
    ['2026-11-21', 'weekend', 'an ordinary Saturday'],
    ['2026-10-01', 'holiday', '国庆节, a Thursday'],
    ['2026-10-03', 'holiday', 'the Saturday inside 国庆'],
    ['2026-10-04', 'holiday', 'the Sunday inside 国庆'],
    ['2026-10-10', 'makeUpWorkday', 'the Saturday worked for 国庆'],
    ['2026-09-20', 'makeUpWorkday', 'the Sunday worked for 国庆'],
    ['2026-02-14', 'makeUpWorkday', 'the Saturday worked for 春节'],
    ['2026-02-21', 'holiday', 'the Saturday inside 春节'],
    ['2026-04-04', 'holiday', 'the Saturday before 清明 Monday'],
    ['2026-06-20', 'holiday', 'the Saturday after 端午 Friday'],
    ['2026-06-27', 'weekend', 'the weekend after that is ordinary again'],
    ['2027-01-01', 'workday', '2027 has no official data yet: Mon–Fri fallback'],
    ['2027-01-02', 'weekend', 'a 2027 Saturday'],
  ])('%s is a %s (%s)', (date, kind) => {
    expect(dayKind(calendar2026, date)).toBe(kind);
  });
});

describe('planDay', () => {
  const times = (p: ReturnType<typeof planDay>) => p.slots.map((s) => `${s.start}-${s.end}`);

  it.each([
    ['a workday', hall, '2026-11-20', null, ['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30']],
    ['a public holiday', hall, '2026-10-01', 'holiday', []],
    [
      'a holiday weekend even with Saturday hours',
      settings({ rules: [{ weekday: 6, start: '09:00', end: '10:00' }] }),
      '2026-10-03',
      'holiday',
      [],
    ],
    [
      'an ordinary Saturday with Saturday hours',
      settings({ rules: [{ weekday: 6, start: '09:00', end: '10:00' }] }),
      '2026-11-21',
      null,
      ['09:00-09:30', '09:30-10:00'],
    ],
    ['an ordinary Saturday of a weekday hall', hall, '2026-11-21', 'noHours', []],
    [
      'a 调休 Saturday of a weekday hall (Monday hours)',
      hall,
      '2026-10-10',
      null,
      ['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30'],
    ],
    ['a 调休 Saturday of a Thursday-only service', thursdayOnly, '2026-10-10', 'noHours', []],
    [
      'a 调休 Saturday of a Thursday-only service told to follow Thursday',
      settings({ rules: [{ weekday: 4, start: '09:00', end: '10:00' }], makeUpDayAs: 4 }),
      '2026-10-10',
      null,
      ['09:00-09:30', '09:30-10:00'],
    ],
    [
      'a date staff closed by hand',
      settings({ closedDates: [{ date: '2026-11-20', reason: '社区消杀' }] }),
      '2026-11-20',
      'closedByHand',
      [],
    ],
    [
      'a Thursday of a Thursday-only service',
      thursdayOnly,
      '2026-11-19',
      null,
      ['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30'],
    ],
    [
      'a slot length that does not divide the hours (no slot runs past the end)',
      settings({ slotMinutes: 45 }),
      '2026-11-20',
      null,
      ['09:00-09:45', '09:45-10:30', '10:30-11:15'],
    ],
    [
      'two openings of one day, in time order',
      settings({
        rules: [
          { weekday: 5, start: '14:00', end: '15:00' },
          { weekday: 5, start: '09:00', end: '10:00' },
        ],
        slotMinutes: 60,
      }),
      '2026-11-20',
      null,
      ['09:00-10:00', '14:00-15:00'],
    ],
  ])('%s', (_label, s, date, closed, expected) => {
    const plan = planDay(s, calendar2026, date);
    expect(plan.closed).toBe(closed);
    expect(times(plan)).toEqual(expected);
  });

  it('keeps the reason staff gave for a closed date', () => {
    expect(planDay(settings({ closedDates: [{ date: '2026-11-20', reason: '社区消杀' }] }), calendar2026, '2026-11-20').closedNote).toBe(
      '社区消杀',
    );
  });

  it('marks dates past the official data as estimated, and only those', () => {
    expect(planDay(hall, calendar2026, '2026-12-31').estimated).toBe(false);
    expect(planDay(hall, calendar2026, '2027-01-01')).toMatchObject({ estimated: true, closed: null });
  });

  it.each([
    // Shanghai has no daylight saving: 09:00 is 01:00Z on the days Europe and America change clocks
    ['2026-03-09', '2026-03-09T01:00:00.000Z'],
    ['2026-03-30', '2026-03-30T01:00:00.000Z'],
    ['2026-10-26', '2026-10-26T01:00:00.000Z'],
    ['2026-11-02', '2026-11-02T01:00:00.000Z'],
    ['2026-12-31', '2026-12-31T01:00:00.000Z'],
  ])('09:00 on %s in Asia/Shanghai is %s (fixed UTC+8)', (date, iso) => {
    const first = planDay(hall, calendar2026, date).slots[0]!;
    expect(first.startAt).toBe(iso);
    expect(first.endAt).toBe(new Date(Date.parse(iso) + 30 * 60_000).toISOString());
  });

  it('names a slot document by service and Shanghai wall-clock start', () => {
    expect(slotIdOf('svc-1', '2026-12-03T01:00:00.000Z')).toBe('svc-1_202612030900');
    expect(slotIdOf('svc-1', '2026-12-02T16:30:00.000Z')).toBe('svc-1_202612030030');
  });
});

describe('slotTiming: booking window and minimum notice', () => {
  const now = new Date('2026-11-20T02:00:00.000Z'); // Friday 10:00 in Shanghai
  const s = settings({ windowDays: 14, noticeMinutes: 30 });
  it.each([
    ['an hour ago', '2026-11-20T01:00:00.000Z', 'past'],
    ['starting right now', '2026-11-20T02:00:00.000Z', 'past'],
    ['in 15 minutes (notice is 30)', '2026-11-20T02:15:00.000Z', 'tooSoon'],
    ['in 29 minutes', '2026-11-20T02:29:00.000Z', 'tooSoon'],
    ['in exactly 30 minutes', '2026-11-20T02:30:00.000Z', 'open'],
    ['tomorrow', '2026-11-21T01:00:00.000Z', 'open'],
    ['the last day of the window (today + 14)', '2026-12-04T09:00:00.000Z', 'open'],
    ['the day after the window', '2026-12-05T01:00:00.000Z', 'beyondWindow'],
    ['23:30 on the last day, Shanghai time', '2026-12-04T15:30:00.000Z', 'open'],
    ['00:30 the day after, Shanghai time (16:30Z the day before)', '2026-12-04T16:30:00.000Z', 'beyondWindow'],
  ])('a slot %s is %s', (_label, startAt, timing) => {
    expect(slotTiming(s, now, startAt)).toBe(timing);
  });

  it('counts the window from the Shanghai date, not the UTC one', () => {
    const justAfterMidnight = new Date('2026-11-20T16:30:00.000Z'); // 00:30 on the 21st in Shanghai
    expect(slotTiming(s, justAfterMidnight, '2026-12-05T01:00:00.000Z')).toBe('open');
    expect(windowDates(s, justAfterMidnight)[0]).toBe('2026-11-21');
    expect(windowDates(s, justAfterMidnight)).toHaveLength(15);
  });

  it('a notice of 0 allows booking until the start', () => {
    expect(slotTiming(settings({ noticeMinutes: 0 }), now, '2026-11-20T02:01:00.000Z')).toBe('open');
  });
});

describe('canChangeAt: the cancellation cutoff', () => {
  const start = '2026-11-20T04:00:00.000Z'; // 12:00 in Shanghai
  it.each([
    [60, '2026-11-20T02:59:00.000Z', true],
    [60, '2026-11-20T03:00:00.000Z', true],
    [60, '2026-11-20T03:00:01.000Z', false],
    [0, '2026-11-20T03:59:59.000Z', true],
    [0, '2026-11-20T04:00:01.000Z', false],
    [1440, '2026-11-19T04:00:00.000Z', true],
    [1440, '2026-11-19T05:00:00.000Z', false],
  ])('cutoff %i minutes, at %s → %s', (cancelCutoffMinutes, at, expected) => {
    expect(canChangeAt(settings({ cancelCutoffMinutes }), new Date(at), start)).toBe(expected);
  });
});

describe('calendarWarning', () => {
  it('says nothing while every date has official data', () => {
    expect(calendarWarning(calendar2026, ['2026-12-30', '2026-12-31'])).toBeNull();
  });
  it('warns, naming the year, when dates reach past the data', () => {
    expect(calendarWarning(calendar2026, ['2026-12-31', '2027-01-01'])).toContain('2027 年的调休安排还没有录入');
  });
});

describe('locateSlot', () => {
  it.each([
    ['a planned slot', '2026-11-20T01:30:00.000Z', 'OK'],
    ['the same instant written another way', '2026-11-20T09:30:00+08:00', 'OK'],
    ['a time between slots', '2026-11-20T01:10:00.000Z', 'BOOKING.SLOT_NOT_FOUND'],
    ['a time after the hours', '2026-11-20T04:00:00.000Z', 'BOOKING.SLOT_NOT_FOUND'],
    ['a slot on 国庆', '2026-10-01T01:00:00.000Z', 'BOOKING.DAY_CLOSED'],
    ['a slot on an ordinary Saturday', '2026-11-21T01:00:00.000Z', 'BOOKING.SLOT_NOT_FOUND'],
  ])('%s → %s', (_label, startAt, expected) => {
    const r = locateSlot(hall, calendar2026, startAt);
    expect(r.ok ? 'OK' : r.error.code).toBe(expected);
  });

  it('says why a day is closed', () => {
    const r = locateSlot(hall, calendar2026, '2026-10-01T01:00:00.000Z');
    expect(r).toEqual({ ok: false, error: { code: 'BOOKING.DAY_CLOSED', details: { date: '2026-10-01', closed: 'holiday', note: null } } });
  });
});

describe('onlineBooking: the catalogue offers 在线预约 only when a slot can still be taken', () => {
  const friday10 = new Date('2026-11-20T02:00:00.000Z'); // Friday 10:00 in Shanghai
  const closedAll = settings({
    windowDays: 2,
    closedDates: ['2026-11-20', '2026-11-21', '2026-11-22'].map((date) => ({ date, reason: '' })),
  });
  it.each([
    ['not marked bookable', { bookable: false }, hall, friday10, 'off'],
    ['marked bookable, no schedule yet', { bookable: true }, null, friday10, 'noSchedule'],
    ['a weekday hall, later today and next week', { bookable: true }, hall, friday10, 'open'],
    ['a Thursday-only clinic, next Thursday within the window', { bookable: true }, thursdayOnly, friday10, 'open'],
    [
      'a Thursday-only clinic whose 2-day window holds no Thursday',
      { bookable: true },
      settings({ rules: [{ weekday: 4, start: '09:00', end: '11:30' }], windowDays: 2 }),
      friday10,
      'noSlots',
    ],
    ['every day of the window closed by hand', { bookable: true }, closedAll, friday10, 'noSlots'],
    [
      "today's hours are over and the 1-day window ends on a Saturday",
      { bookable: true },
      settings({ windowDays: 1, rules: [{ weekday: 5, start: '08:00', end: '09:00' }] }),
      friday10,
      'noSlots',
    ],
  ] as const)('%s → %s', (_label, service, schedule, now, expected) => {
    expect(onlineBooking(service, schedule, calendar2026, now)).toBe(expected);
  });
});
