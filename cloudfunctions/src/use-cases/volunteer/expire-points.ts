import { expirable, expiryCutoff, expiryId, ok, roundPoints } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { appendEntry, dayAndMonth, entriesOf } from './ledger-writer';

/** Communities and wallets one run looks at: bounded, so a run fits the function's timeout. */
export const EXPIRY_COMMUNITIES_PER_RUN = 20;
export const EXPIRY_WALLETS_PER_RUN = 200;
const DAY_MS = 86_400_000;

/**
 * Timer: volunteer points not used within the community's life (pointsLifeMonths) expire, oldest
 * credits first (`expirable`), as an `expiry` entry recorded by the system. Bounded and resumable:
 * each run takes the communities that are due and the next page of each one's wallets after the
 * cursor kept in its settings; a finished pass makes the community due again a day later. Idempotent: the entry's id is (person, day), the amount is computed
 * from the entries (an expiry already written is a debit), and it is written only if the wallet
 * has not moved since the entries were read.
 */
export async function expirePoints(ctx: Ctx) {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const at = now.toISOString();
  const { day, month } = dayAndMonth(now);
  // the communities due, the longest waiting first: one with more wallets comes back next run, after the others
  const communities = await store.find(COLLECTIONS.volSettings, {
    where: { expiryDueAt: { lte: at } },
    orderBy: [['expiryDueAt', 'asc']],
    limit: EXPIRY_COMMUNITIES_PER_RUN,
  });
  let checked = 0;
  let people = 0;
  let points = 0;
  for (const settings of communities) {
    const months = settings.pointsLifeMonths;
    if (!months) continue;
    const cutoff = expiryCutoff(now, months);
    const wallets = await store.find(COLLECTIONS.volWallets, {
      where: { ledger: 'volunteer', communityId: settings._id, _id: { gt: settings.expiryCursor ?? '' } },
      orderBy: [
        ['ledger', 'asc'],
        ['communityId', 'asc'],
        ['_id', 'asc'],
      ],
      limit: EXPIRY_WALLETS_PER_RUN,
    });
    for (const w of wallets) {
      checked++;
      if (w.balance <= 0) continue;
      const entries = await entriesOf(store, 'volunteer', w.communityId, w.openid);
      const amount = expirable(entries, cutoff);
      const last = entries.at(-1);
      if (amount <= 0 || !last) continue;
      const written = await store.transaction(async (tx) => {
        const wallet = await tx.get(COLLECTIONS.volWallets, w._id);
        // the person earned or spent since the entries were read: the next pass counts again
        if (!wallet || wallet.seq !== last.seq) return 0;
        const take = roundPoints(Math.min(amount, wallet.balance));
        if (take <= 0) return 0;
        const r = await appendEntry(tx, {
          _id: expiryId('volunteer', w.communityId, w.openid, day),
          ledger: 'volunteer',
          communityId: w.communityId,
          openid: w.openid,
          name: last.name,
          kind: 'expiry',
          points: -take,
          hours: 0,
          reason: `${months} 个月内未使用的积分到期（先到期的先扣）`,
          recordedBy: { openid: 'system', name: '系统', role: '积分有效期' },
          at,
          day,
          month,
        });
        return r.written ? take : 0;
      });
      if (written > 0) {
        people++;
        points = roundPoints(points + written);
      }
    }
    // a full page: go on after its last wallet next run; a short page ends the pass: start over tomorrow
    const more = wallets.length === EXPIRY_WALLETS_PER_RUN;
    await store.update(COLLECTIONS.volSettings, settings._id, {
      set: { expiryCursor: more ? wallets.at(-1)!._id : '', expiryDueAt: more ? at : new Date(now.getTime() + DAY_MS).toISOString() },
    });
  }
  return ok({ communities: communities.length, checked, people, points });
}
