import { shanghaiInstant } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { waitlistIdOf } from '../src/use-cases/booking/seat-ledger';
import { code, createTestApp, data, WHO } from './harness';

/**
 * 代办 for booking: staff and 三长五员 of 中捷木材小区 book 中房社区's 法律咨询 (svc-5: weekday
 * afternoons 14:00–16:00, 30 minutes, 1 seat, one active booking per resident) for 赵桂兰, who is
 * on the household ledger and has no phone. The harness clock is Friday 2026-11-20 10:00 Shanghai.
 */
const LEGAL = 'c-zhongfang-svc-5';
const ZHAO = 'p-zhongjie-b2-u1-201:赵桂兰';
const LINE = '代 赵桂兰 提交 · 社区工作人员 王丽';
const at = (time: string) => shanghaiInstant('2026-11-23', time).toISOString();
const me = { name: '张建国', phone: '13804001001', note: '' };

describe('代办: booking a slot for a resident without a phone', () => {
  it('books for her with the ledger’s name and phone, under the same rules as her own booking; hers once she binds', async () => {
    const { call, ports } = await createTestApp();
    const forZhao = (startAt: string, requestKey: string, who: string = WHO.staffInScope) =>
      call('booking', 'book', { serviceId: LEGAL, startAt, onBehalfOf: ZHAO, note: '腿脚不便', requestKey }, who);

    // a resident cannot book for someone else, nor can staff of another community
    expect(code(await forZhao(at('14:00'), 'proxy-book-0001', WHO.resident))).toBe('COMMON.FORBIDDEN');
    expect(code(await forZhao(at('14:00'), 'proxy-book-0002', WHO.staffOutOfScope))).toBe('BOOKING.NOT_RESIDENT');
    expect(
      code(
        await call(
          'booking',
          'book',
          { serviceId: LEGAL, startAt: at('14:00'), onBehalfOf: 'p-zhongjie-b9:nobody', requestKey: 'proxy-book-0003' },
          WHO.staffInScope,
        ),
      ),
    ).toBe('LEDGER.RESIDENT_NOT_FOUND');
    // neither a booker nor a resident acted for: asked for the name and phone
    expect(
      code(await call('booking', 'book', { serviceId: LEGAL, startAt: at('14:00'), requestKey: 'proxy-book-0004' }, WHO.staffInScope)),
    ).toBe('COMMON.INVALID_INPUT');

    const { booking } = data(await forZhao(at('14:00'), 'proxy-book-0005'));
    expect(booking).toMatchObject({ name: '赵桂兰', phone: '13804005001', note: '腿脚不便', status: 'booked', proxyLine: LINE });
    expect(booking).not.toHaveProperty('proxy');
    // a retry (dropped network, double tap) is the same booking
    expect(data(await forZhao(at('14:00'), 'proxy-book-0005')).booking._id).toBe(booking._id);
    // no overbooking: the slot's one seat is hers
    expect(
      code(
        await call('booking', 'book', { serviceId: LEGAL, startAt: at('14:00'), booker: me, requestKey: 'proxy-book-0006' }, WHO.resident),
      ),
    ).toBe('BOOKING.SLOT_FULL');
    // one booking per person: the 点长 booking her again is refused as her own second booking would be
    expect(code(await forZhao(at('14:30'), 'proxy-book-0008', WHO.pointLeader))).toBe('BOOKING.ALREADY_BOOKED');
    // the staff member's own bookings are not hers: 我的预约 of staff lists nothing
    expect(data(await call('booking', 'mine', {}, WHO.staffInScope)).upcoming).toEqual([]);
    // whoever booked for her sees it and can cancel or move it when she calls
    expect(data(await call('booking', 'get', { bookingId: booking._id }, WHO.staffInScope)).booking.proxyLine).toBe(LINE);

    // the roster shows who acted for her
    const roster = data(await call('booking', 'roster', { serviceId: LEGAL, date: '2026-11-23' }, WHO.staffInScope));
    const two = roster.slots.find((s: { start: string }) => s.start === '14:00');
    expect(two.bookings).toEqual([expect.objectContaining({ name: '赵桂兰', proxyLine: LINE })]);

    // the line: a resident holds 15:00; the 点长 puts her in line for it; the resident cancels and she gets the seat
    const cancelled = data(await call('booking', 'cancel', { bookingId: booking._id }, WHO.staffInScope)).booking;
    expect(cancelled.status).toBe('cancelled');
    const theirs = data(
      await call('booking', 'book', { serviceId: LEGAL, startAt: at('15:00'), booker: me, requestKey: 'proxy-book-0009' }, WHO.resident),
    ).booking;
    const { entry } = data(
      await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt: at('15:00'), onBehalfOf: ZHAO }, WHO.pointLeader),
    );
    expect(entry).toMatchObject({ name: '赵桂兰', position: 1, proxyLine: '代 赵桂兰 提交 · 小区点长 李斌' });
    // pressing again keeps one place
    expect(
      data(await call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt: at('15:00'), onBehalfOf: ZHAO }, WHO.staffInScope)).entry
        .position,
    ).toBe(1);
    data(await call('booking', 'cancel', { bookingId: theirs._id }, WHO.resident));
    const after = data(await call('booking', 'roster', { serviceId: LEGAL, date: '2026-11-23' }, WHO.staffInScope));
    const three = after.slots.find((s: { start: string }) => s.start === '15:00');
    expect(three.bookings).toEqual([
      expect.objectContaining({ name: '赵桂兰', source: 'waitlist', proxyLine: '代 赵桂兰 提交 · 小区点长 李斌' }),
    ]);

    // she binds with the ledger's name and phone: the booking is hers, with her limit
    data(
      await call('identity', 'requestBinding', { householdId: 'p-zhongjie-b2-u1-201', name: '赵桂兰', phone: '13804005001' }, WHO.newcomer),
    );
    // her place in line moved to her id (slot × her openid): none is left under the ledger's
    const line = await ports.store.find(COLLECTIONS.bookingWaitlist, {
      where: { openid: WHO.newcomer },
      orderBy: [['openid', 'asc']],
      limit: 10,
    });
    expect(line.map((w) => w._id)).toEqual([waitlistIdOf(line[0]!.slotId, WHO.newcomer)]);
    expect(await ports.store.get(COLLECTIONS.bookingWaitlist, waitlistIdOf(line[0]!.slotId, `proxy:${ZHAO}`))).toBeNull();
    const mine = data(await call('booking', 'mine', {}, WHO.newcomer));
    expect(mine.upcoming).toEqual([
      expect.objectContaining({ name: '赵桂兰', startAt: at('15:00'), proxyLine: '代 赵桂兰 提交 · 小区点长 李斌' }),
    ]);
    expect(mine.past.map((b: { _id: string }) => b._id)).toContain(booking._id);
    // her own second booking is refused exactly as before she bound
    expect(
      code(
        await call('booking', 'book', { serviceId: LEGAL, startAt: at('14:30'), booker: me, requestKey: 'proxy-book-0010' }, WHO.newcomer),
      ),
    ).toBe('BOOKING.ALREADY_BOOKED');
    const held = mine.upcoming[0]._id;
    expect(data(await call('booking', 'cancel', { bookingId: held }, WHO.newcomer)).booking.status).toBe('cancelled');
  });
});
