import {
  BOOKING_CODE_ALPHABET,
  BOOKING_CODE_LENGTH,
  changeDeadline,
  err,
  type Booker,
  type Booking,
  type Err,
  type PlannedSlot,
  type Proxy,
  type Slot,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { hallPhoneOf, locationOf, type Bookable } from './load-bookable';
import type { Guard } from '../../ports/documents';

/**
 * The seat ledger: every change to who holds a seat runs inside one store transaction over
 * documents addressed by id (the slot, the booking, its code, the resident's guard, waitlist
 * entries). Nothing here checks and then inserts outside a transaction, and nothing here has a
 * side effect outside it, because a transaction may run its work more than once.
 */

/** The request key a phone generates becomes the booking's id, so a retry finds its booking. */
export const bookingIdOf = (requestKey: string) => `bk_${requestKey}`;
export const guardIdOf = (serviceId: string, openid: string) => `${serviceId}_${openid}`;
export const waitlistIdOf = (slotId: string, openid: string) => `${slotId}_${openid}`;

export async function readGuard(tx: TxStore, serviceId: string, openid: string, now: Date): Promise<Guard> {
  const id = guardIdOf(serviceId, openid);
  const guard = (await tx.get(COLLECTIONS.bookingGuards, id)) ?? { _id: id, serviceId, openid, active: [] };
  // bookings that have started no longer count: they are attended, missed or over
  return { ...guard, active: guard.active.filter((a) => Date.parse(a.startAt) > now.getTime()) };
}

/**
 * Why this resident may not take a seat in `slotId`, or null. The refusal names the booking they
 * hold and whether it can still be moved online (else the phone to call), so the app offers what
 * is actually possible.
 */
export function guardRefusal(guard: Guard, b: Bookable, slotId: string, now: Date): Err | null {
  const max = b.settings.maxActivePerResident;
  const first = guard.active[0];
  if (!first) return null;
  const same = guard.active.find((a) => a.slotId === slotId);
  if (same || (max > 0 && guard.active.length >= max)) {
    const held = same ?? first;
    const until = held.changeUntil ?? changeDeadline(b.settings, held.startAt).toISOString();
    return err('BOOKING.ALREADY_BOOKED', {
      max: max || 1,
      startAt: held.startAt,
      bookingId: held.bookingId,
      canChange: now.getTime() <= Date.parse(until),
      phone: hallPhoneOf(b),
    });
  }
  return null;
}

export async function newCode(ctx: Ctx, tx: TxStore): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.newCode(BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH);
    if (!(await tx.get(COLLECTIONS.bookingCodes, code))) return code;
  }
  // 31^6 ≈ 887 million codes: eight collisions in a row means the id source is broken
  throw new Error('could not find a free booking code');
}

export function emptySlot(b: Bookable, slotId: string, date: string, planned: PlannedSlot): Slot {
  return {
    _id: slotId,
    serviceId: b.service._id,
    communityId: b.service.communityId,
    date,
    startAt: planned.startAt,
    endAt: planned.endAt,
    seats: b.settings.seats,
    taken: 0,
    waiting: 0,
  };
}

/** Seats nobody holds and nobody waits for. Waiting residents are owed free seats before anyone new. */
export const freeSeats = (slot: Pick<Slot, 'seats' | 'taken' | 'waiting'>) => Math.max(0, slot.seats - slot.taken - slot.waiting);

/** Writes a new booking of `slot` for a person, with its code and guard entry. */
export async function writeBooking(
  ctx: Ctx,
  tx: TxStore,
  b: Bookable,
  slot: Slot,
  guard: Guard,
  who: { openid: string; proxy?: Proxy } & Booker,
  id: string,
  source: Booking['source'],
  now: Date,
): Promise<Booking> {
  const code = await newCode(ctx, tx);
  const at = now.toISOString();
  const hallPhone = hallPhoneOf(b);
  const booking: Booking = {
    _id: id,
    code,
    serviceId: b.service._id,
    serviceName: b.service.name,
    communityId: b.service.communityId,
    slotId: slot._id,
    date: slot.date,
    startAt: slot.startAt,
    endAt: slot.endAt,
    location: locationOf(b),
    servedBy: b.settings.servedBy,
    ...(hallPhone ? { hallPhone } : {}),
    changeUntil: changeDeadline(b.settings, slot.startAt).toISOString(),
    openid: who.openid,
    name: who.name,
    phone: who.phone,
    note: who.note,
    ...(who.proxy ? { proxy: who.proxy } : {}),
    status: 'booked',
    source,
    createdAt: at,
    updatedAt: at,
  };
  await tx.insert(COLLECTIONS.bookings, booking);
  await tx.put(COLLECTIONS.bookingCodes, { _id: code, bookingId: id, communityId: booking.communityId });
  await tx.put(COLLECTIONS.bookingGuards, {
    ...guard,
    active: [...guard.active, { bookingId: id, slotId: slot._id, startAt: slot.startAt, changeUntil: booking.changeUntil }],
  });
  return booking;
}

export async function dropFromGuard(tx: TxStore, booking: Pick<Booking, '_id' | 'serviceId' | 'openid'>, now: Date): Promise<void> {
  const guard = await readGuard(tx, booking.serviceId, booking.openid, now);
  await tx.put(COLLECTIONS.bookingGuards, { ...guard, active: guard.active.filter((a) => a.bookingId !== booking._id) });
}

/**
 * A seat of `slot` has just come free (its `taken` already counts one less): the first waiting
 * resident who may hold it gets it, in this same transaction, so nobody new can slip in
 * between. Residents who may not (they booked elsewhere meanwhile) are skipped. Returns the
 * slot to write and the booking made, if any.
 */
export async function passSeatOn(
  ctx: Ctx,
  tx: TxStore,
  b: Bookable,
  slot: Slot,
  now: Date,
): Promise<{ slot: Slot; promoted: Booking | null }> {
  let next = { ...slot };
  // too close to the start for anyone to come: the seat simply stays free
  if (next.waiting <= 0 || Date.parse(next.startAt) - now.getTime() < b.settings.noticeMinutes * 60_000)
    return { slot: next, promoted: null };
  // a plain read inside the work: the transaction re-runs it if the slot (and so its line) changed
  const line = await ctx.ports.store.find(COLLECTIONS.bookingWaitlist, {
    where: { slotId: slot._id, status: 'waiting' },
    orderBy: [['seq', 'asc']],
    limit: 20,
  });
  for (const candidate of line) {
    const entry = await tx.get(COLLECTIONS.bookingWaitlist, candidate._id);
    if (!entry || entry.status !== 'waiting') continue;
    next = { ...next, waiting: Math.max(0, next.waiting - 1) };
    const guard = await readGuard(tx, b.service._id, entry.openid, now);
    const at = now.toISOString();
    if (guardRefusal(guard, b, slot._id, now)) {
      await tx.put(COLLECTIONS.bookingWaitlist, { ...entry, status: 'skipped', updatedAt: at });
      continue;
    }
    next = { ...next, taken: next.taken + 1 };
    const promoted = await writeBooking(ctx, tx, b, next, guard, entry, `bk_${ctx.ports.ids.newId()}`, 'waitlist', now);
    await tx.put(COLLECTIONS.bookingWaitlist, { ...entry, status: 'promoted', bookingId: promoted._id, updatedAt: at });
    return { slot: next, promoted };
  }
  return { slot: next, promoted: null };
}
