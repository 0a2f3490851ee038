import { capId, ledgerResidentId, proxyOpenid, roundPoints, walletId, type Entry } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { guardIdOf, readGuard, waitlistIdOf } from '../booking/seat-ledger';
import { signupId } from '../volunteer/activity-records';

/**
 * 代办: once a resident on the ledger binds, what staff made for them becomes theirs: the
 * requests reported for them (their 我的诉求, their rating), the bookings and places in line
 * (我的预约, cancel, the code), with their booking limits carried over so one booking per slot
 * still holds; the places in volunteer activities, the points wallet with its entries (re-numbered
 * after her own, if she has one) and the 积分超市 redemptions. After the binding is written; a failure is logged, and the next binding of the
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
    // a place in line is named by (slot, owner): it moves to her id, so her own join finds it and keeps one place
    const line = await findAll(store, COLLECTIONS.bookingWaitlist, { openid: proxied }, [
      ['openid', 'asc'],
      ['status', 'asc'],
      ['startAt', 'asc'],
    ]);
    for (const w of line)
      await store.transaction(async (tx) => {
        const old = await tx.get(COLLECTIONS.bookingWaitlist, w._id);
        if (!old || old.openid !== proxied) return;
        const to = waitlistIdOf(old.slotId, b.openid);
        const hers = await tx.get(COLLECTIONS.bookingWaitlist, to);
        if (hers?.status === 'waiting') return;
        await tx.put(COLLECTIONS.bookingWaitlist, { ...old, _id: to, openid: b.openid });
        await tx.remove(COLLECTIONS.bookingWaitlist, old._id);
      });
    await claimVolunteer(ctx, proxied, b.openid);
  } catch (e) {
    console.error('proxied requests and bookings not claimed', {
      requestId: ctx.requestId,
      error: e instanceof Error ? e.message : String(e),
    });
  }
}

/** Ids that name the owner (a place `activity:openid`, a grant `volunteer:grant:activity:openid`, its reversal) name her instead. */
const renamed = (id: string, from: string, to: string) => id.split(from).join(to);

/**
 * 代办 points: places in activities first (so a confirmation after she binds meets the grant already
 * written, under its new id), then each wallet in one transaction with its entries, then the
 * month's caps and the redemptions. A place she already holds herself keeps the proxied one apart.
 */
async function claimVolunteer(ctx: Ctx, proxied: string, openid: string): Promise<void> {
  const { store, clock } = ctx.ports;
  const at = clock.now().toISOString();
  const signups = await findAll(store, COLLECTIONS.volSignups, { openid: proxied }, [
    ['openid', 'asc'],
    ['startAt', 'desc'],
  ]);
  for (const s of signups)
    await store.transaction(async (tx) => {
      const old = await tx.get(COLLECTIONS.volSignups, s._id);
      if (!old || old.openid !== proxied) return;
      const to = signupId(old.activityId, openid);
      const hers = await tx.get(COLLECTIONS.volSignups, to);
      if (hers && hers.status !== 'cancelled') return;
      await tx.put(COLLECTIONS.volSignups, { ...old, _id: to, openid, updatedAt: at });
      await tx.remove(COLLECTIONS.volSignups, old._id);
    });

  const entries = await findAll(store, COLLECTIONS.volEntries, { openid: proxied }, [
    ['openid', 'asc'],
    ['at', 'desc'],
  ]);
  const byWallet = new Map<string, Entry[]>();
  for (const e of entries)
    byWallet.set(walletId(e.ledger, e.communityId, proxied), [...(byWallet.get(walletId(e.ledger, e.communityId, proxied)) ?? []), e]);
  for (const [fromId, list] of byWallet) {
    const { ledger, communityId } = list[0]!;
    await store.transaction(async (tx) => {
      const from = await tx.get(COLLECTIONS.volWallets, fromId);
      if (!from) return;
      const toId = walletId(ledger, communityId, openid);
      const to = await tx.get(COLLECTIONS.volWallets, toId);
      let seq = to?.seq ?? 0;
      let balance = to?.balance ?? 0;
      for (const e of [...list].sort((x, y) => x.seq - y.seq)) {
        const cur = await tx.get(COLLECTIONS.volEntries, e._id);
        if (!cur) continue;
        seq += 1;
        balance = roundPoints(balance + cur.points);
        const { reverses, ...rest } = cur;
        const moved = {
          ...rest,
          _id: renamed(cur._id, proxied, openid),
          openid,
          seq,
          balanceAfter: balance,
          ...(reverses ? { reverses: renamed(reverses, proxied, openid) } : {}),
        };
        // a spend's id names the redemption, not her: it stays where it is
        if (moved._id === cur._id) await tx.put(COLLECTIONS.volEntries, moved);
        else {
          // an entry of hers under the same id (she joined the same activity herself) fails the move, logged, rather than overwrite it
          await tx.insert(COLLECTIONS.volEntries, moved);
          await tx.remove(COLLECTIONS.volEntries, cur._id);
        }
      }
      await tx.put(COLLECTIONS.volWallets, { ...from, _id: toId, openid, seq, balance, updatedAt: at });
      await tx.remove(COLLECTIONS.volWallets, fromId);
      if (ledger !== 'volunteer') return;
      // what attendance granted this month counts against her own caps
      for (const month of new Set(list.map((e) => e.month))) {
        const cap = await tx.get(COLLECTIONS.volCaps, capId(communityId, proxied, month));
        if (!cap) continue;
        const mine = (await tx.get(COLLECTIONS.volCaps, capId(communityId, openid, month))) ?? { month: 0, days: {} };
        const days = { ...mine.days };
        for (const [day, n] of Object.entries(cap.days)) days[day] = roundPoints((days[day] ?? 0) + n);
        await tx.put(COLLECTIONS.volCaps, { _id: capId(communityId, openid, month), month: roundPoints(mine.month + cap.month), days });
        await tx.remove(COLLECTIONS.volCaps, cap._id);
      }
    });
  }
  await store.updateMany(COLLECTIONS.volRedemptions, { openid: proxied }, { set: { openid } });
}
