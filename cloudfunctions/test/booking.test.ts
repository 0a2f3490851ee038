import { BOOKING_CODE_ALPHABET, shanghaiDate, shanghaiInstant, type Envelope } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import type { LocalPorts } from '../dev/local-ports';
import { runTimer } from '../dev/timers';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, type Call } from './harness';

/**
 * Booking through the real dispatch on SQLite, with the real holiday calendar (chinese-days).
 * The harness clock starts at Friday 2026-11-20 10:00 in Shanghai. 新光社区's seeded schedules
 * (dev/seed-booking.ts): 证件照拍摄 svc-2 (weekdays 9:00–11:00, 20 min, 2 seats), 社保医保代办
 * svc-3 (weekdays 8:30–11:30 and 13:30–16:30, 30 min, 3 seats), 法律咨询 svc-5 (weekday
 * afternoons 14:00–16:00 and Thursday mornings, 30 min, 1 seat).
 */
const PHOTO = 'c-xinguang-svc-2';
const SOCIAL = 'c-xinguang-svc-3';
const LEGAL = 'c-xinguang-svc-5';
const RESIDENT = 'dev-resident-2';
const [B1, B2, B3] = ['dev-booker-1', 'dev-booker-2', 'dev-booker-3'] as const;
const STAFF = 'dev-staff-xinguang';
const OTHER_STAFF = 'dev-staff-zhongfang';

const at = (date: string, time: string) => shanghaiInstant(date, time).toISOString();
/** 人民调解 (svc-4) stands for a service marked bookable whose schedule staff have not set yet. */
const MEDIATION = 'c-xinguang-svc-4';
const unschedule = (ports: LocalPorts, serviceId = MEDIATION) => ports.store.remove(COLLECTIONS.bookingSchedules, serviceId);
const booker = { name: '周国庆', phone: '13804002002', note: '带身份证' };
let keys = 0;
const key = () => `test-key-${String(++keys).padStart(6, '0')}`;

const book = (call: Call, openid: string, serviceId: string, startAt: string, requestKey = key()) =>
  call('booking', 'book', { serviceId, startAt, booker, requestKey }, openid);
const slotsOf = async (call: Call, serviceId: string, date: string, openid: string | null = null) =>
  data(await call('booking', 'slots', { serviceId, date }, openid)).slots as any[];
const slotAt = async (call: Call, serviceId: string, startAt: string, openid: string | null = null) =>
  (await slotsOf(call, serviceId, shanghaiDate(startAt), openid)).find((s) => s.startAt === startAt);
/** The timer run exactly as the platform's trigger runs it. */
const remind = (ports: LocalPorts) => runTimer('booking', ports) as Promise<Envelope<any>>;
/** What a person received, once the messages timer has sent what was queued. */
const inbox = async (ports: LocalPorts, openid: string) => {
  data(await runTimer('messages', ports));
  return ports.store.find(COLLECTIONS.devInbox, { where: { toOpenid: openid }, orderBy: [['createdAt', 'desc']], limit: 100 });
};
/** The resident accepts WeChat's 预约提醒 dialog `times` times (the app asks right after a booking). */
async function allowReminders(call: Call, openid: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) data(await call('notices', 'recordSubscriptions', { accepted: ['bookingReminder'] }, openid));
}

describe('residents see the days and slots of the booking window', () => {
  it('lists 15 days (today + 14) with free seats only in slots that can still be booked', async () => {
    const { call } = await createTestApp();
    const { days, service, calendarWarning } = data(await call('booking', 'days', { serviceId: SOCIAL }, RESIDENT));
    expect(service).toMatchObject({ name: '社保医保代办', communityName: '新光社区', servedBy: '便民服务大厅 3 号窗口', windowDays: 14 });
    expect(days.map((d: any) => d.date)).toHaveLength(15);
    expect(days[0]).toMatchObject({ date: '2026-11-20', kind: 'workday', slots: 12, closedReason: null });
    // 10:00 now, 30 minutes' notice: 10:30 and 11:00 in the morning and 6 afternoon slots, 3 seats each
    expect(days[0].free).toBe(8 * 3);
    expect(days[0].takeable).toBe(8);
    expect(days[1]).toMatchObject({ date: '2026-11-21', kind: 'weekend', free: 0, closedReason: '这天不开放' });
    expect(days[3]).toMatchObject({ date: '2026-11-23', free: 12 * 3 });
    expect(days[14].date).toBe('2026-12-04');
    expect(calendarWarning).toBeNull();
  });

  it('shows each slot with seats left and why it cannot be booked', async () => {
    const { call } = await createTestApp();
    const slots = await slotsOf(call, PHOTO, '2026-11-20');
    expect(slots.map((s) => `${s.start} ${s.state}`)).toEqual([
      '09:00 past',
      '09:20 past',
      '09:40 past',
      '10:00 past',
      '10:20 tooSoon',
      '10:40 open',
    ]);
    expect(slots[5]).toMatchObject({ seats: 2, left: 2, waiting: 0, myBookingId: null, myWaitlist: null });
  });

  it('closes public holidays and opens make-up workdays (调休) from chinese-days', async () => {
    const { call, ports } = await createTestApp();
    ports.clock.set(new Date(at('2026-09-28', '09:00')));
    const { days } = data(await call('booking', 'days', { serviceId: SOCIAL }, RESIDENT));
    const byDate = new Map(days.map((d: any) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toMatchObject({ kind: 'holiday', closedReason: '法定节假日休息', free: 0 });
    expect(byDate.get('2026-10-03')).toMatchObject({ kind: 'holiday', free: 0 });
    expect(byDate.get('2026-10-07')).toMatchObject({ kind: 'holiday' });
    expect(byDate.get('2026-10-10')).toMatchObject({ kind: 'makeUpWorkday', closedReason: null, slots: 12, free: 36 });
    expect(byDate.get('2026-10-11')).toMatchObject({ kind: 'weekend', free: 0 });
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-10-01', '09:00')))).toBe('BOOKING.DAY_CLOSED');
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-10-10', '08:30')))).toBe('OK');
  });

  it('warns, visibly, when the window reaches 2027, whose 调休 nobody has entered yet', async () => {
    const { call, ports } = await createTestApp();
    ports.clock.set(new Date(at('2026-12-24', '09:00')));
    const { days, calendarWarning } = data(await call('booking', 'days', { serviceId: SOCIAL }, RESIDENT));
    expect(calendarWarning).toContain('2027 年的调休安排还没有录入');
    const newYear = days.find((d: any) => d.date === '2027-01-01');
    // no official schedule: the statutory holiday is computed and closed, flagged so the app can say 调休 is unknown
    expect(newYear).toMatchObject({ kind: 'holiday', estimated: true, free: 0 });
    expect(days.find((d: any) => d.date === '2027-01-04')).toMatchObject({ kind: 'workday', estimated: true });
    expect(days.find((d: any) => d.date === '2026-12-31')).toMatchObject({ estimated: false });
    const staffView = data(await call('booking', 'getSchedule', { serviceId: SOCIAL }, STAFF));
    expect(staffView.calendarWarning).toContain('2027');
    expect(staffView.lastOfficialYear).toBe(2026);
  });

  it.each([
    ['slots', { serviceId: PHOTO, date: '2026-02-31' }, RESIDENT],
    ['slots', { serviceId: PHOTO, date: '2026-11-31' }, RESIDENT],
    ['today', { communityId: 'c-xinguang', date: '2026-02-31' }, STAFF],
    ['roster', { serviceId: PHOTO, date: '2026-02-30' }, STAFF],
  ])('refuses an impossible date in booking.%s instead of rolling it over into the next month', async (action, input, openid) => {
    const { call } = await createTestApp();
    const refused = await call('booking', action, input, openid);
    expect(code(refused)).toBe('COMMON.INVALID_INPUT');
    expect(JSON.stringify(refused)).toContain('没有这一天');
  });
});

describe('booking a slot', () => {
  it('gives a 6-character code, takes one seat and shows in 我的预约', async () => {
    const { call } = await createTestApp();
    const startAt = at('2026-11-23', '09:00');
    const { booking } = data(await book(call, RESIDENT, SOCIAL, startAt));
    expect(booking.code).toMatch(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{6}$`));
    expect(booking).toMatchObject({
      status: 'booked',
      serviceName: '社保医保代办',
      date: '2026-11-23',
      startAt,
      name: '周国庆',
      note: '带身份证',
      location: '新光社区党群服务中心一楼便民服务大厅',
      changeUntil: at('2026-11-23', '08:00'),
      canChange: true,
    });
    expect(booking).not.toHaveProperty('openid');
    const slot = (await slotsOf(call, SOCIAL, '2026-11-23', RESIDENT)).find((s) => s.startAt === startAt);
    expect(slot).toMatchObject({ left: 2, myBookingId: booking._id });
    const mine = data(await call('booking', 'mine', {}, RESIDENT));
    expect(mine.upcoming.map((b: any) => b.code)).toEqual([booking.code]);
    expect(mine.past).toEqual([]);
    expect(data(await call('booking', 'get', { bookingId: booking._id }, RESIDENT)).booking.code).toBe(booking.code);
    // the code belongs to the resident and to the community's staff, nobody else
    expect(code(await call('booking', 'get', { bookingId: booking._id }, B1))).toBe('BOOKING.NOT_FOUND');
    expect(code(await call('booking', 'get', { bookingId: booking._id }, STAFF))).toBe('OK');
    expect(code(await call('booking', 'get', { bookingId: booking._id }, OTHER_STAFF))).toBe('BOOKING.NOT_FOUND');
  });

  it('a retried booking (same request key) is one booking, even when retried at once', async () => {
    const { call, ports } = await createTestApp();
    const startAt = at('2026-11-23', '09:00');
    const requestKey = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => book(call, RESIDENT, SOCIAL, startAt, requestKey)));
    expect(new Set(results.map((r) => data(r).booking._id)).size).toBe(1);
    expect(await ports.store.count(COLLECTIONS.bookings, {})).toBe(1);
    expect((await slotsOf(call, SOCIAL, '2026-11-23')).find((s) => s.startAt === startAt).left).toBe(2);
    // later, after the slot filled up, the retry still answers with the booking
    expect(code(await book(call, B1, SOCIAL, startAt))).toBe('OK');
    expect(code(await book(call, B2, SOCIAL, startAt))).toBe('OK');
    expect(data(await book(call, RESIDENT, SOCIAL, startAt, requestKey)).booking._id).toBe(data(results[0]!).booking._id);
    // someone else's key is not a way to read their booking
    expect(code(await book(call, B3, SOCIAL, startAt, requestKey))).toBe('COMMON.KEY_REUSED');
  });

  it.each([
    ['09:10, between slots', PHOTO, at('2026-11-23', '09:10'), 'BOOKING.SLOT_NOT_FOUND'],
    ['a Saturday', PHOTO, at('2026-11-21', '09:00'), 'BOOKING.SLOT_NOT_FOUND'],
    ['in 20 minutes (30 minutes notice)', PHOTO, at('2026-11-20', '10:20'), 'BOOKING.TOO_LATE'],
    ['an hour ago', PHOTO, at('2026-11-20', '09:00'), 'BOOKING.TOO_LATE'],
    ['in exactly 40 minutes', PHOTO, at('2026-11-20', '10:40'), 'OK'],
    ['the last day of the window', PHOTO, at('2026-12-04', '09:00'), 'OK'],
    ['a day past the window', PHOTO, at('2026-12-07', '09:00'), 'BOOKING.OUTSIDE_WINDOW'],
    ['a catalogue service that is not bookable', 'c-xinguang-svc-1', at('2026-11-23', '09:00'), 'BOOKING.NOT_BOOKABLE'],
    ['a bookable service without a schedule yet', MEDIATION, at('2026-11-23', '09:00'), 'BOOKING.NOT_BOOKABLE'],
  ])('%s → %s, and writes nothing when refused', async (_label, serviceId, startAt, expected) => {
    const { call, ports } = await createTestApp();
    await unschedule(ports);
    expect(code(await book(call, RESIDENT, serviceId, startAt))).toBe(expected);
    expect(await ports.store.count(COLLECTIONS.bookings, {})).toBe(expected === 'OK' ? 1 : 0);
    expect(await ports.store.count(COLLECTIONS.bookingSlots, {})).toBe(expected === 'OK' ? 1 : 0);
  });

  it('is for the community: a resident of another community or without a home is told to bind one', async () => {
    const { call } = await createTestApp();
    expect(code(await book(call, 'dev-resident-1', PHOTO, at('2026-11-23', '09:00')))).toBe('BOOKING.NOT_RESIDENT');
    expect(code(await book(call, 'dev-newcomer', PHOTO, at('2026-11-23', '09:00')))).toBe('BOOKING.NOT_RESIDENT');
    expect(code(await book(call, null as any, PHOTO, at('2026-11-23', '09:00')))).toBe('COMMON.UNAUTHENTICATED');
  });

  it('a date staff closed by hand is closed, with their reason', async () => {
    const { call } = await createTestApp();
    const current = data(await call('booking', 'getSchedule', { serviceId: PHOTO }, STAFF));
    data(
      await call(
        'booking',
        'saveSchedule',
        {
          serviceId: PHOTO,
          version: current.version,
          settings: { ...current.settings, closedDates: [{ date: '2026-11-24', reason: '设备检修' }] },
        },
        STAFF,
      ),
    );
    const refused = await book(call, RESIDENT, PHOTO, at('2026-11-24', '09:00'));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'BOOKING.DAY_CLOSED', details: { date: '2026-11-24', closed: 'closedByHand', note: '设备检修' } },
    });
    const { days } = data(await call('booking', 'days', { serviceId: PHOTO }, RESIDENT));
    expect(days.find((d: any) => d.date === '2026-11-24')).toMatchObject({ closedReason: '设备检修', free: 0 });
  });
});

describe('one active booking per resident per service (configurable)', () => {
  it('refuses a second upcoming booking of the same service, naming the first, and allows another service', async () => {
    const { call } = await createTestApp();
    data(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '09:00')));
    const second = await book(call, RESIDENT, SOCIAL, at('2026-11-24', '09:00'));
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.ALREADY_BOOKED', details: { max: 1, startAt: '2026-11-23T01:00:00.000Z' } },
    });
    expect(code(await book(call, RESIDENT, PHOTO, at('2026-11-24', '09:00')))).toBe('OK');
  });

  it('counts only upcoming bookings: once the first has started, another may be booked', async () => {
    const { call, ports } = await createTestApp();
    const first = data(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '09:00'))).booking;
    ports.clock.set(new Date(at('2026-11-23', '09:05')));
    const second = data(await book(call, RESIDENT, SOCIAL, at('2026-11-24', '09:00'))).booking;
    // 我的预约 splits by the server's clock: the one under way until it ends, then it is past
    ports.clock.set(new Date(at('2026-11-23', '09:31')));
    const mine = data(await call('booking', 'mine', {}, RESIDENT));
    expect(mine.upcoming.map((b: any) => b._id)).toEqual([second._id]);
    expect(mine.past.map((b: any) => b._id)).toEqual([first._id]);
  });

  it('staff can allow two at a time', async () => {
    const { call } = await createTestApp();
    const s = data(await call('booking', 'getSchedule', { serviceId: SOCIAL }, STAFF));
    data(
      await call(
        'booking',
        'saveSchedule',
        { serviceId: SOCIAL, version: s.version, settings: { ...s.settings, maxActivePerResident: 2 } },
        STAFF,
      ),
    );
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '09:00')))).toBe('OK');
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-11-24', '09:00')))).toBe('OK');
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-11-25', '09:00')))).toBe('BOOKING.ALREADY_BOOKED');
    // never the same slot twice, whatever the limit
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '09:00')))).toBe('BOOKING.ALREADY_BOOKED');
  });
});

describe('cancel and move until the cutoff', () => {
  it('cancelling frees the seat at once; after the cutoff the app says until when it could', async () => {
    const { call, ports } = await createTestApp();
    const startAt = at('2026-11-23', '09:00');
    const a = data(await book(call, RESIDENT, SOCIAL, startAt)).booking;
    const b = data(await book(call, B1, SOCIAL, startAt)).booking;
    expect((await slotAt(call, SOCIAL, startAt)).left).toBe(1);
    expect(code(await call('booking', 'cancel', { bookingId: a._id }, B1))).toBe('BOOKING.NOT_FOUND');
    const cancelled = data(await call('booking', 'cancel', { bookingId: a._id }, RESIDENT)).booking;
    expect(cancelled).toMatchObject({ status: 'cancelled', canChange: false });
    expect((await slotAt(call, SOCIAL, startAt)).left).toBe(2);
    expect(code(await call('booking', 'cancel', { bookingId: a._id }, RESIDENT))).toBe('BOOKING.NOT_ACTIVE');
    // the cutoff is an hour before: 08:00 on the day
    ports.clock.set(new Date(at('2026-11-23', '08:00')));
    expect(data(await call('booking', 'get', { bookingId: b._id }, B1)).booking.canChange).toBe(true);
    ports.clock.set(new Date(at('2026-11-23', '08:01')));
    const late = await call('booking', 'cancel', { bookingId: b._id }, B1);
    expect(late).toMatchObject({ ok: false, error: { code: 'BOOKING.CUTOFF_PASSED', details: { until: '2026-11-23T00:00:00.000Z' } } });
    expect((await slotAt(call, SOCIAL, startAt)).left).toBe(2);
  });

  it("a slot inside the cutoff says, before booking, that it locks at once; the refusals then offer the booking and the hall's phone", async () => {
    const { call, ports } = await createTestApp();
    // 14:20 on a Monday: 15:00 can still be booked (30 minutes' notice) but its cutoff (14:00) has passed
    ports.clock.set(new Date(at('2026-11-23', '14:20')));
    const day = data(await call('booking', 'slots', { serviceId: SOCIAL, date: '2026-11-23' }, RESIDENT));
    expect(day.service).toMatchObject({ name: '社保医保代办', phone: '024-88881001', cancelCutoffMinutes: 60 });
    const byStart = Object.fromEntries(day.slots.map((s: any) => [s.start, s]));
    expect(byStart['15:00']).toMatchObject({ state: 'open', changeable: false, changeUntil: at('2026-11-23', '14:00') });
    expect(byStart['15:30']).toMatchObject({ state: 'open', changeable: true, changeUntil: at('2026-11-23', '14:30') });

    const locked = data(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '15:00'))).booking;
    expect(locked).toMatchObject({ canChange: false, hallPhone: '024-88881001' });
    // booking the service again: the refusal names the booking it holds, that it cannot be moved online, and whom to call
    expect(await book(call, RESIDENT, SOCIAL, at('2026-11-24', '09:00'))).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.ALREADY_BOOKED', details: { bookingId: locked._id, canChange: false, phone: '024-88881001' } },
    });
    expect(await call('booking', 'cancel', { bookingId: locked._id }, RESIDENT)).toMatchObject({
      ok: false,
      error: {
        code: 'BOOKING.CUTOFF_PASSED',
        details: { bookingId: locked._id, phone: '024-88881001', until: '2026-11-23T06:00:00.000Z' },
      },
    });
    expect(code(await call('booking', 'move', { bookingId: locked._id, startAt: at('2026-11-24', '09:00') }, RESIDENT))).toBe(
      'BOOKING.CUTOFF_PASSED',
    );
    // a booking that can still be moved says so instead
    const movable = data(await book(call, B1, SOCIAL, at('2026-11-24', '09:00'))).booking;
    expect(await book(call, B1, SOCIAL, at('2026-11-25', '09:00'))).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.ALREADY_BOOKED', details: { bookingId: movable._id, canChange: true } },
    });
    // too late to book at all: the phone to call comes with it
    expect(await book(call, B2, SOCIAL, at('2026-11-23', '14:30'))).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.TOO_LATE', details: { phone: '024-88881001' } },
    });
  });

  it('moving keeps the code, takes the new seat and frees the old one in one step', async () => {
    const { call } = await createTestApp();
    const from = at('2026-11-23', '09:00');
    const to = at('2026-11-24', '14:00');
    const original = data(await book(call, RESIDENT, SOCIAL, from)).booking;
    const moved = data(await call('booking', 'move', { bookingId: original._id, startAt: to }, RESIDENT)).booking;
    expect(moved).toMatchObject({
      _id: original._id,
      code: original.code,
      startAt: to,
      date: '2026-11-24',
      changeUntil: at('2026-11-24', '13:00'),
      status: 'booked',
    });
    expect((await slotAt(call, SOCIAL, from)).left).toBe(3);
    expect((await slotAt(call, SOCIAL, to)).left).toBe(2);
    // the per-resident limit follows the booking: the old day can be booked again by others, not twice by them
    expect(code(await book(call, RESIDENT, SOCIAL, from))).toBe('BOOKING.ALREADY_BOOKED');
  });

  it('moving to a full slot changes nothing', async () => {
    const { call } = await createTestApp();
    const from = at('2026-11-23', '14:00');
    const full = at('2026-11-24', '14:00');
    const mine = data(await book(call, RESIDENT, LEGAL, from)).booking;
    data(await book(call, B1, LEGAL, full));
    expect(code(await call('booking', 'move', { bookingId: mine._id, startAt: full }, RESIDENT))).toBe('BOOKING.SLOT_FULL');
    expect(data(await call('booking', 'get', { bookingId: mine._id }, RESIDENT)).booking.startAt).toBe(from);
    expect((await slotAt(call, LEGAL, from)).left).toBe(0);
  });
});

describe('waitlist', () => {
  const startAt = at('2026-11-23', '14:00'); // 法律咨询: one seat

  it('a full slot takes a line; a cancellation promotes the first in line, who is told and can release it again', async () => {
    const { call, ports } = await createTestApp();
    const first = data(await book(call, B1, LEGAL, startAt)).booking;
    expect(await book(call, RESIDENT, LEGAL, startAt)).toMatchObject({ ok: false, error: { code: 'BOOKING.SLOT_FULL' } });
    const e2 = data(
      await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker: { name: '冯志刚', phone: '13804003002' } }, B2),
    ).entry;
    const e3 = data(
      await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker: { name: '褚桂芳', phone: '13804003003' } }, B3),
    ).entry;
    expect([e2.position, e3.position]).toEqual([1, 2]);
    // pressing again keeps one place in line
    expect(data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2)).entry).toMatchObject({
      _id: e2._id,
      position: 1,
    });
    expect(await slotAt(call, LEGAL, startAt, B3)).toMatchObject({
      left: 0,
      waiting: 2,
      state: 'full',
      myWaitlist: { entryId: e3._id, position: 2 },
    });

    data(await call('booking', 'cancel', { bookingId: first._id }, B1));
    const promoted = data(await call('booking', 'mine', {}, B2)).upcoming[0];
    expect(promoted).toMatchObject({ status: 'booked', source: 'waitlist', startAt, name: '冯志刚', canChange: true });
    expect((await inbox(ports, B2))[0]).toMatchObject({
      template: 'LOCAL-booking-reminder-template',
      data: { thing1: '法律咨询', thing4: `候补成功，预约码 ${promoted.code}` },
    });
    // the seat went to the line, not back to the public
    expect(await slotAt(call, LEGAL, startAt)).toMatchObject({ left: 0, waiting: 1, state: 'full' });
    expect(code(await book(call, RESIDENT, LEGAL, startAt))).toBe('BOOKING.SLOT_FULL');
    expect(data(await call('booking', 'mine', {}, B3)).waitlist[0].position).toBe(1);

    // B2 cannot come after all and releases the seat: it passes on to B3
    data(await call('booking', 'cancel', { bookingId: promoted._id }, B2));
    const third = data(await call('booking', 'mine', {}, B3));
    expect(third.upcoming[0]).toMatchObject({ status: 'booked', source: 'waitlist' });
    expect(third.waitlist).toEqual([]);
    // the line is empty: the next cancellation frees the seat for anyone
    data(await call('booking', 'cancel', { bookingId: third.upcoming[0]._id }, B3));
    expect(await slotAt(call, LEGAL, startAt)).toMatchObject({ left: 1, waiting: 0, state: 'open' });
    expect(code(await book(call, RESIDENT, LEGAL, startAt))).toBe('OK');
  });

  it('moving away from a full slot also hands the seat to the line', async () => {
    const { call } = await createTestApp();
    const mine = data(await book(call, B1, LEGAL, startAt)).booking;
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2));
    data(await call('booking', 'move', { bookingId: mine._id, startAt: at('2026-11-24', '14:00') }, B1));
    expect(data(await call('booking', 'mine', {}, B2)).upcoming[0]).toMatchObject({ startAt, source: 'waitlist' });
  });

  it('skips someone who booked the same service elsewhere meanwhile', async () => {
    const { call } = await createTestApp();
    const mine = data(await book(call, B1, LEGAL, startAt)).booking;
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2));
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B3));
    data(await book(call, B2, LEGAL, at('2026-11-25', '14:00')));
    data(await call('booking', 'cancel', { bookingId: mine._id }, B1));
    expect(data(await call('booking', 'mine', {}, B3)).upcoming[0]).toMatchObject({ startAt, source: 'waitlist' });
    expect(data(await call('booking', 'mine', {}, B2)).upcoming.map((b: any) => b.startAt)).toEqual([at('2026-11-25', '14:00')]);
  });

  it('refuses a line when seats are free, and lets a resident leave the line', async () => {
    const { call } = await createTestApp();
    expect(code(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2))).toBe('BOOKING.SLOT_HAS_SEATS');
    data(await book(call, B1, LEGAL, startAt));
    const entry = data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2)).entry;
    expect(code(await call('booking', 'leaveWaitlist', { entryId: entry._id }, B3))).toBe('BOOKING.WAITLIST_NOT_FOUND');
    data(await call('booking', 'leaveWaitlist', { entryId: entry._id }, B2));
    expect(await slotAt(call, LEGAL, startAt)).toMatchObject({ waiting: 0, left: 0 });
    expect(code(await call('booking', 'leaveWaitlist', { entryId: entry._id }, B2))).toBe('BOOKING.WAITLIST_NOT_FOUND');
  });

  it('more seats from staff go to the line first', async () => {
    const { call } = await createTestApp();
    data(await book(call, B1, LEGAL, startAt));
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2));
    const s = data(await call('booking', 'getSchedule', { serviceId: LEGAL }, STAFF));
    const saved = data(
      await call('booking', 'saveSchedule', { serviceId: LEGAL, version: s.version, settings: { ...s.settings, seats: 2 } }, STAFF),
    );
    expect(saved.promoted).toBe(1);
    expect(data(await call('booking', 'mine', {}, B2)).upcoming[0]).toMatchObject({ startAt, source: 'waitlist' });
    expect(await slotAt(call, LEGAL, startAt)).toMatchObject({ seats: 2, left: 0, waiting: 0 });
  });

  it('a message that cannot be sent does not undo the promotion', async () => {
    const { call, ports } = await createTestApp();
    const mine = data(await book(call, B1, LEGAL, startAt)).booking;
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker }, B2));
    ports.notifier = {
      send: async () => {
        throw new Error('WeChat is down');
      },
    };
    expect(code(await call('booking', 'cancel', { bookingId: mine._id }, B1))).toBe('OK');
    expect(data(await call('booking', 'mine', {}, B2)).upcoming[0]).toMatchObject({ status: 'booked', source: 'waitlist' });
  });
});

describe('staff: roster, check-in and no-shows', () => {
  it('the roster lists each slot with who booked and who waits', async () => {
    const { call, ports } = await createTestApp();
    const startAt = at('2026-11-23', '14:00');
    const booked = data(await book(call, B1, LEGAL, startAt)).booking;
    data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker: { name: '冯志刚', phone: '13804003002' } }, B2));
    const roster = data(await call('booking', 'roster', { serviceId: LEGAL, date: '2026-11-23' }, STAFF));
    expect(roster.slots.map((s: any) => s.start)).toEqual(['14:00', '14:30', '15:00', '15:30']);
    expect(roster.slots[0]).toMatchObject({
      seats: 1,
      bookings: [{ bookingId: booked._id, code: booked.code, name: '周国庆', phone: '13804002002', status: 'booked' }],
      waitlist: [{ name: '冯志刚', phone: '13804003002', position: 1 }],
    });
    expect(code(await call('booking', 'roster', { serviceId: LEGAL, date: '2026-11-23' }, OTHER_STAFF))).toBe('COMMON.FORBIDDEN');
    // without a date: the server's today, and the server's clock for what has started
    expect(data(await call('booking', 'roster', { serviceId: LEGAL }, STAFF))).toMatchObject({
      date: '2026-11-20',
      today: '2026-11-20',
      now: '2026-11-20T02:00:00.000Z',
    });
    const today = data(await call('booking', 'today', { communityId: 'c-xinguang', date: '2026-11-23' }, STAFF));
    expect(today.services.find((s: any) => s.serviceId === LEGAL)).toMatchObject({
      name: '法律咨询',
      scheduled: true,
      booked: 1,
      waiting: 1,
    });
    expect(today.services.find((s: any) => s.serviceId === MEDIATION)).toMatchObject({ scheduled: true });
    await unschedule(ports);
    const unscheduled = data(await call('booking', 'today', { communityId: 'c-xinguang', date: '2026-11-23' }, STAFF));
    expect(unscheduled.services.find((s: any) => s.serviceId === MEDIATION)).toMatchObject({ scheduled: false });
  });

  it('checks in by the typed code once; a second scan says when it was', async () => {
    const { call, ports } = await createTestApp();
    const b = data(await book(call, RESIDENT, PHOTO, at('2026-11-23', '09:00'))).booking;
    expect(code(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, STAFF))).toBe('BOOKING.NOT_TODAY');
    ports.clock.set(new Date(at('2026-11-23', '08:50')));
    const typed = `${b.code.slice(0, 3).toLowerCase()} ${b.code.slice(3)}`;
    expect(data(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: typed }, STAFF)).booking).toMatchObject({
      status: 'checkedIn',
      checkedInAt: at('2026-11-23', '08:50'),
    });
    expect(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.ALREADY_CHECKED_IN', details: { name: '周国庆', at: '2026-11-23T00:50:00.000Z' } },
    });
    expect(code(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, OTHER_STAFF))).toBe('COMMON.FORBIDDEN');
    // another community's counter does not know the code
    expect(code(await call('booking', 'checkIn', { communityId: 'c-zhongfang', code: b.code }, OTHER_STAFF))).toBe(
      'BOOKING.CODE_NOT_FOUND',
    );
    expect(code(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: 'ZZZZZZ' }, STAFF))).toBe('BOOKING.CODE_NOT_FOUND');
  });

  it('two counters scanning the same code at once check it in once', async () => {
    const { call, ports } = await createTestApp();
    const b = data(await book(call, RESIDENT, PHOTO, at('2026-11-23', '09:00'))).booking;
    ports.clock.set(new Date(at('2026-11-23', '08:55')));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, STAFF)),
    );
    expect(results.map(code).sort()).toEqual([
      'BOOKING.ALREADY_CHECKED_IN',
      'BOOKING.ALREADY_CHECKED_IN',
      'BOOKING.ALREADY_CHECKED_IN',
      'BOOKING.ALREADY_CHECKED_IN',
      'BOOKING.ALREADY_CHECKED_IN',
      'OK',
    ]);
  });

  it('a cancelled code cannot be checked in', async () => {
    const { call, ports } = await createTestApp();
    const b = data(await book(call, RESIDENT, PHOTO, at('2026-11-23', '09:00'))).booking;
    data(await call('booking', 'cancel', { bookingId: b._id }, RESIDENT));
    ports.clock.set(new Date(at('2026-11-23', '08:55')));
    expect(code(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, STAFF))).toBe('BOOKING.NOT_ACTIVE');
  });

  it('3 no-shows in 30 days close online booking for 14 days, with a message that says until when', async () => {
    const { call, ports } = await createTestApp();
    // time only moves forward: each no-show is booked after the previous slot has passed
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      const b = data(await book(call, RESIDENT, PHOTO, at(day, '09:00'))).booking;
      expect(code(await call('booking', 'markNoShow', { serviceId: PHOTO, bookingId: b._id }, STAFF))).toBe('BOOKING.NOT_STARTED');
      ports.clock.set(new Date(at(day, '09:30')));
      const marked = data(await call('booking', 'markNoShow', { serviceId: PHOTO, bookingId: b._id }, STAFF));
      expect(marked.booking.status).toBe('noShow');
      expect(marked.blockedUntil).toBe(day === '2026-11-25' ? at('2026-12-09', '09:00') : null);
    }
    ports.clock.set(new Date(at('2026-11-26', '10:00')));
    const refused = await book(call, RESIDENT, SOCIAL, at('2026-11-27', '09:00'));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BOOKING.BLOCKED_NO_SHOW', details: { until: '2026-12-09T01:00:00.000Z', count: 3, withinDays: 30 } },
    });
    expect(code(await call('booking', 'joinWaitlist', { serviceId: SOCIAL, startAt: at('2026-11-27', '09:00'), booker }, RESIDENT))).toBe(
      'BOOKING.BLOCKED_NO_SHOW',
    );
    // other residents are not affected, and the block ends when it says
    expect(code(await book(call, B1, SOCIAL, at('2026-11-27', '09:00')))).toBe('OK');
    ports.clock.set(new Date(at('2026-12-09', '09:01')));
    expect(code(await book(call, RESIDENT, SOCIAL, at('2026-12-10', '09:00')))).toBe('OK');
  });

  it('a late arrival marked 未到 can still be checked in, once', async () => {
    const { call, ports } = await createTestApp();
    const b = data(await book(call, RESIDENT, PHOTO, at('2026-11-23', '09:00'))).booking;
    ports.clock.set(new Date(at('2026-11-23', '09:30')));
    data(await call('booking', 'markNoShow', { serviceId: PHOTO, bookingId: b._id }, STAFF));
    expect(code(await call('booking', 'markNoShow', { serviceId: PHOTO, bookingId: b._id }, STAFF))).toBe('BOOKING.NOT_ACTIVE');
    expect(data(await call('booking', 'checkIn', { communityId: 'c-xinguang', code: b.code }, STAFF)).booking.status).toBe('checkedIn');
  });
});

describe('schedules', () => {
  it('two staff saving from the same version: the second is told to reload', async () => {
    const { call } = await createTestApp();
    const s = data(await call('booking', 'getSchedule', { serviceId: PHOTO }, STAFF));
    expect(s.settings).toMatchObject({ slotMinutes: 20, seats: 2, windowDays: 14, noticeMinutes: 30, cancelCutoffMinutes: 60 });
    data(await call('booking', 'saveSchedule', { serviceId: PHOTO, version: s.version, settings: { ...s.settings, seats: 3 } }, STAFF));
    expect(
      code(await call('booking', 'saveSchedule', { serviceId: PHOTO, version: s.version, settings: { ...s.settings, seats: 4 } }, STAFF)),
    ).toBe('BOOKING.SCHEDULE_STALE');
    expect(data(await call('booking', 'getSchedule', { serviceId: PHOTO }, STAFF)).settings.seats).toBe(3);
  });

  it('a new schedule makes a bookable service bookable; a bad one is refused in Chinese', async () => {
    const { call, ports } = await createTestApp();
    const mediation = MEDIATION;
    await unschedule(ports);
    const none = data(await call('booking', 'getSchedule', { serviceId: mediation }, STAFF));
    expect(none).toMatchObject({ settings: null, version: 0, service: { name: '人民调解', bookable: true } });
    const bad = await call(
      'booking',
      'saveSchedule',
      { serviceId: mediation, version: 0, settings: { rules: [], slotMinutes: 60, seats: 1 } },
      STAFF,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', details: { issues: [{ message: '请至少添加一个开放时段' }] } },
    });
    data(
      await call(
        'booking',
        'saveSchedule',
        {
          serviceId: mediation,
          version: 0,
          settings: { rules: [{ weekday: 2, start: '09:00', end: '11:00' }], slotMinutes: 60, seats: 1 },
        },
        STAFF,
      ),
    );
    expect((await slotsOf(call, mediation, '2026-11-24')).map((s) => s.start)).toEqual(['09:00', '10:00']);
  });
});

describe('reminders (timer)', () => {
  it('sends the day-before and the hour-before reminder once each, however often the timer runs', async () => {
    const { call, ports } = await createTestApp();
    const startAt = at('2026-11-23', '09:00');
    const b = data(await book(call, RESIDENT, SOCIAL, startAt)).booking;
    await allowReminders(call, RESIDENT, 2);
    const cancelled = data(await book(call, B1, SOCIAL, startAt)).booking;
    data(await call('booking', 'cancel', { bookingId: cancelled._id }, B1));

    ports.clock.set(new Date(at('2026-11-22', '08:59')));
    expect(data(await remind(ports))).toMatchObject({ queued: 0 });
    ports.clock.set(new Date(at('2026-11-22', '09:00')));
    // overlapping runs, as a retried CloudBase timer may produce
    const runs = await Promise.all([remind(ports), remind(ports), remind(ports)]);
    expect(runs.reduce((n, r) => n + data(r).queued, 0)).toBe(1);
    expect(data(await remind(ports)).queued).toBe(0);
    expect(await ports.store.count(COLLECTIONS.messages, { toOpenid: RESIDENT })).toBe(1);
    let messages = await inbox(ports, RESIDENT);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      page: `packages/booking/detail/index?id=${b._id}`,
      data: { thing1: '社保医保代办', time2: '2026-11-23 09:00', thing4: `请按时前往，预约码 ${b.code}` },
    });

    ports.clock.set(new Date(at('2026-11-23', '08:00')));
    await Promise.all([remind(ports), remind(ports)]);
    await remind(ports);
    messages = await inbox(ports, RESIDENT);
    expect(messages.map((m: any) => m.data.thing4)).toEqual([`快到时间了，预约码 ${b.code}`, `请按时前往，预约码 ${b.code}`]);
    expect(await inbox(ports, B1)).toEqual([]);
  });

  it('a moved booking is reminded again for its new time', async () => {
    const { call, ports } = await createTestApp();
    const b = data(await book(call, RESIDENT, SOCIAL, at('2026-11-23', '09:00'))).booking;
    await allowReminders(call, RESIDENT, 2);
    ports.clock.set(new Date(at('2026-11-22', '09:00')));
    await remind(ports);
    expect((await inbox(ports, RESIDENT)).map((m: any) => m.data.time2)).toEqual(['2026-11-23 09:00']);
    data(await call('booking', 'move', { bookingId: b._id, startAt: at('2026-11-24', '09:00') }, RESIDENT));
    ports.clock.set(new Date(at('2026-11-23', '09:00')));
    expect(data(await remind(ports)).queued).toBe(1);
    expect((await inbox(ports, RESIDENT)).map((m: any) => m.data.time2)).toEqual(['2026-11-24 09:00', '2026-11-23 09:00']);
  });

  it('is not reachable from a phone', async () => {
    const { call } = await createTestApp();
    expect(code(await call('booking', 'remind', {}, STAFF))).toBe('COMMON.FORBIDDEN');
  });
});
