import { err, ok, redemptionRefusal, spendId, walletId, type RedemptionDoc, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { appendEntry, dayAndMonth } from './ledger-writer';
import { toRedemptionView, newCode } from './shop-records';
import type { RewardInCommunity } from './shop-records';
import { compoundInCommunity, representResident, type Represented } from '../ledger/represent';

/**
 * Takes the points and sets the item aside. 代办: with `onBehalfOf`, staff or 三长五员 of her
 * compound redeem from the wallet of a resident of the reward's community (held under
 * `proxy:<ledger id>` until she binds); the item is hers, the entry says who recorded it.
 */
export async function redeem(
  ctx: Ctx,
  input: { rewardId: string; key: string; onBehalfOf?: string },
  { reward: loaded, community }: RewardInCommunity,
) {
  let represented: Represented | null = null;
  if (input.onBehalfOf) {
    const r = await representResident(ctx, input.onBehalfOf, compoundInCommunity(community));
    if (!r.ok) return r;
    represented = r.data;
  }
  const caller = callerOpenid(ctx);
  const openid = represented?.openid ?? caller;
  const { store, clock } = ctx.ports;
  const id = `vd_${input.key}`;
  const wid = walletId('volunteer', loaded.communityId, openid);
  // the key is the caller's: who pressed the button, the resident's or the staff member's acting for her
  const replay = {
    collection: 'vol_redemptions',
    id,
    ownerOf: (r: RedemptionDoc) => r.proxy?.openid ?? r.openid,
    answer: (r: RedemptionDoc) => r,
  } as const;
  const earlier = await firstAnswer(store, caller, replay);
  if (earlier) {
    if (!earlier.ok) return earlier;
    return ok({ redemption: toRedemptionView(earlier.data), balance: (await store.get(COLLECTIONS.volWallets, wid))?.balance ?? 0 });
  }
  const now = clock.now();
  const at = now.toISOString();
  const name = represented?.resident.name ?? ctx.caller.user?.name ?? '居民';
  const recordedBy = represented
    ? { openid: caller, name: represented.proxy.name, role: represented.proxy.roleLabel }
    : { openid, name, role: '居民' };
  const outcome = await store.transaction(async (tx): Promise<Result<{ r: RedemptionDoc; balance: number }>> => {
    const again = await firstAnswer(tx, caller, replay);
    if (again) return again.ok ? ok({ r: again.data, balance: (await tx.get(COLLECTIONS.volWallets, wid))?.balance ?? 0 }) : again;
    const reward = await tx.get(COLLECTIONS.volRewards, loaded._id);
    if (!reward) return err('VOLUNTEER.REWARD_NOT_FOUND');
    const balance = (await tx.get(COLLECTIONS.volWallets, wid))?.balance ?? 0;
    const refused = redemptionRefusal(balance, reward.price, reward.stock - reward.redeemed, reward.active);
    if (refused === 'inactive') return err('VOLUNTEER.REWARD_NOT_FOUND');
    if (refused === 'outOfStock') return err('VOLUNTEER.OUT_OF_STOCK');
    if (refused === 'insufficient') return err('VOLUNTEER.INSUFFICIENT_POINTS', { balance, price: reward.price });
    const code = await newCode(ctx, tx);
    const r: RedemptionDoc = {
      _id: id,
      code,
      communityId: reward.communityId,
      rewardId: reward._id,
      rewardName: reward.name,
      price: reward.price,
      openid,
      name,
      status: 'held',
      createdAt: at,
      ...(represented ? { proxy: represented.proxy } : {}),
    };
    await tx.insert(COLLECTIONS.volRedemptions, r);
    await tx.put(COLLECTIONS.volCodes, { _id: code, redemptionId: id, communityId: reward.communityId });
    await tx.put(COLLECTIONS.volRewards, { ...reward, redeemed: reward.redeemed + 1, updatedAt: at });
    const spent = await appendEntry(tx, {
      _id: spendId(id),
      ledger: 'volunteer',
      communityId: reward.communityId,
      openid,
      name,
      kind: 'spend',
      points: -reward.price,
      hours: 0,
      redemptionId: id,
      reason: `兑换 ${reward.name}`,
      recordedBy,
      at,
      ...dayAndMonth(now),
    });
    return ok({ r, balance: spent.balance });
  });
  if (!outcome.ok) return outcome;
  return ok({ redemption: toRedemptionView(outcome.data.r), balance: outcome.data.balance });
}
