import { ledgerResidentId, proxyOpenid } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { guardIdOf, readGuard } from '../booking/seat-ledger';

/**
 * 代办: once a resident on the ledger binds, what staff made for them becomes theirs: the
 * requests reported for them (their 我的诉求, their rating), the bookings and places in line
 * (我的预约, cancel, the code), with their booking limits carried over so one booking per slot
 * still holds. After the binding is written; a failure is logged, and the next binding of the
 * same person claims them again.
 */
export async function claimProxied(ctx: Ctx, b: { openid: string; householdId: string; name: string }): Promise<void> {
  const { store, clock } = ctx.ports;
  const proxied = proxyOpenid(ledgerResidentId(b.householdId, b.name));
  try {
    await store.updateMany(COLLECTIONS.requests, { 'reporter.openid': proxied }, { set: { 'reporter.openid': b.openid } });
    // the seats they hold count against their own limits from now on: the guards move first, then the bookings
    const bookings = await findAll(store, COLLECTIONS.bookings, { openid: proxied }, [
      ['openid', 'asc'],
      ['startAt', 'desc'],
    ]);
    const now = clock.now();
    for (const serviceId of new Set(bookings.map((k) => k.serviceId))) {
      await store.transaction(async (tx) => {
        const from = await readGuard(tx, serviceId, proxied, now);
        const to = await readGuard(tx, serviceId, b.openid, now);
        const held = new Set(to.active.map((a) => a.bookingId));
        await tx.put(COLLECTIONS.bookingGuards, { ...to, active: [...to.active, ...from.active.filter((a) => !held.has(a.bookingId))] });
        await tx.put(COLLECTIONS.bookingGuards, { ...from, _id: guardIdOf(serviceId, proxied), active: [] });
      });
    }
    await store.updateMany(COLLECTIONS.bookings, { openid: proxied }, { set: { openid: b.openid } });
    await store.updateMany(COLLECTIONS.bookingWaitlist, { openid: proxied }, { set: { openid: b.openid } });
  } catch (e) {
    console.error('proxied requests and bookings not claimed', {
      requestId: ctx.requestId,
      error: e instanceof Error ? e.message : String(e),
    });
  }
}
