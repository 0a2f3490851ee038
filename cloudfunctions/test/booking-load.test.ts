import { shanghaiInstant } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { seedCrowd } from '../dev/seed-booking';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data } from './harness';

/**
 * "Never wrong under load", through the real dispatch on SQLite: the seat, the booking and the
 * per-resident guard change in one transaction, which the SQLite adapter retries when another
 * commit got there first. These tests fail if any seat is given twice or any caller gets an
 * answer other than a booking or a clear 满了.
 */
const SOCIAL = 'c-xinguang-svc-3';
const startAt = shanghaiInstant('2026-11-23', '09:00').toISOString();
const booker = { name: '居民', phone: '13900000000' };

async function fiveSeatSlot() {
  const app = await createTestApp();
  const { call } = app;
  const s = data(await call('booking', 'getSchedule', { serviceId: SOCIAL }, 'dev-staff-xinguang'));
  data(
    await call(
      'booking',
      'saveSchedule',
      { serviceId: SOCIAL, version: s.version, settings: { ...s.settings, seats: 5 } },
      'dev-staff-xinguang',
    ),
  );
  return app;
}

describe('booking under load', () => {
  it('200 residents at once for the last 5 seats: exactly 5 bookings and 195 SLOT_FULL, nothing else', async () => {
    const { call, ports } = await fiveSeatSlot();
    const crowd = await seedCrowd(ports.store, ports.clock, 200);
    const results = await Promise.all(
      crowd.map((openid, i) => call('booking', 'book', { serviceId: SOCIAL, startAt, booker, requestKey: `load-${i}-abcdef` }, openid)),
    );
    const counts = results.map(code).reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
    expect(counts).toEqual({ OK: 5, 'BOOKING.SLOT_FULL': 195 });
    const slotId = `${SOCIAL}_202611230900`;
    expect(await ports.store.count(COLLECTIONS.bookings, { slotId, status: 'booked' })).toBe(5);
    expect((await ports.store.get(COLLECTIONS.bookingSlots, slotId))?.taken).toBe(5);
    // five distinct codes, one per booking
    expect(await ports.store.count(COLLECTIONS.bookingCodes, {})).toBe(5);
  });

  it('cancellations and new bookings racing each other never push a slot past its seats', async () => {
    const { call, ports } = await fiveSeatSlot();
    const crowd = await seedCrowd(ports.store, ports.clock, 60);
    const first = await Promise.all(
      crowd
        .slice(0, 5)
        .map((openid, i) => call('booking', 'book', { serviceId: SOCIAL, startAt, booker, requestKey: `first-${i}-abcdef` }, openid)),
    );
    const held = first.map((r) => data(r).booking._id as string);
    const racing = await Promise.all([
      ...held.slice(0, 3).map((bookingId, i) => call('booking', 'cancel', { bookingId }, crowd[i]!)),
      ...crowd
        .slice(5)
        .map((openid, i) => call('booking', 'book', { serviceId: SOCIAL, startAt, booker, requestKey: `race-${i}-abcdef` }, openid)),
    ]);
    expect(racing.slice(0, 3).map(code)).toEqual(['OK', 'OK', 'OK']);
    const booked = racing.slice(3).map(code);
    expect(booked.filter((c) => c !== 'OK' && c !== 'BOOKING.SLOT_FULL')).toEqual([]);
    const slotId = `${SOCIAL}_202611230900`;
    const holders = await ports.store.count(COLLECTIONS.bookings, { slotId, status: 'booked' });
    expect(holders).toBeLessThanOrEqual(5);
    expect(holders).toBe(2 + booked.filter((c) => c === 'OK').length);
    expect((await ports.store.get(COLLECTIONS.bookingSlots, slotId))?.taken).toBe(holders);
  });
});
