import { err, ok, reversalId, spendId, type RedemptionDoc, type Result } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { appendEntry, dayAndMonth } from './ledger-writer';
import { toRedemptionView, done } from './shop-records';

/** Changes one's mind before collecting: the item goes back on the shelf and a reversing entry returns the points. */
export async function cancelRedemption(ctx: Ctx, _input: { redemptionId: string }, loaded: RedemptionDoc) {
  const now = ctx.ports.clock.now();
  const at = now.toISOString();
  const outcome = await ctx.ports.store.transaction(async (tx): Promise<Result<RedemptionDoc>> => {
    const r = await tx.get(COLLECTIONS.volRedemptions, loaded._id);
    if (!r) return err('VOLUNTEER.REDEMPTION_NOT_FOUND');
    if (r.status !== 'held') return done(r);
    const spend = await tx.get(COLLECTIONS.volEntries, spendId(r._id));
    const reward = await tx.get(COLLECTIONS.volRewards, r.rewardId);
    const next: RedemptionDoc = { ...r, status: 'cancelled', cancelledAt: at };
    await tx.put(COLLECTIONS.volRedemptions, next);
    if (reward) await tx.put(COLLECTIONS.volRewards, { ...reward, redeemed: Math.max(0, reward.redeemed - 1), updatedAt: at });
    if (spend)
      await appendEntry(tx, {
        _id: reversalId(spend._id),
        ledger: 'volunteer',
        communityId: r.communityId,
        openid: r.openid,
        name: r.name,
        kind: 'reversal',
        points: -spend.points,
        hours: 0,
        redemptionId: r._id,
        reverses: spend._id,
        reason: `取消兑换 ${r.rewardName}，积分退回`,
        recordedBy: { openid: r.openid, name: r.name, role: '居民' },
        at,
        ...dayAndMonth(now),
      });
    return ok(next);
  });
  return outcome.ok ? ok({ redemption: toRedemptionView(outcome.data) }) : outcome;
}
