import {
  err,
  grantCovers,
  ok,
  onBehalfLine,
  REDEMPTION_CODE_ALPHABET,
  REDEMPTION_CODE_LENGTH,
  type Place,
  type RedemptionDoc,
  type RedemptionView,
  type RewardDoc,
  type RewardView,
} from '@linli/shared';
import { type Ctx } from '../../platform/context';
import type { Loader, Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';

/**
 * 积分超市: staff put rewards on the shelf with a price and a stock; a resident's redemption takes
 * the points and sets one item aside in one transaction over the reward, the wallet and the
 * redemption, so no balance goes below zero and the last items are never sold twice; staff hand the
 * item over by scanning the redemption's code.
 */

export const toRewardView = (r: RewardDoc): RewardView => ({
  id: r._id,
  name: r.name,
  description: r.description,
  price: r.price,
  left: Math.max(0, r.stock - r.redeemed),
  stock: r.stock,
  active: r.active,
});

export const toRedemptionView = (r: RedemptionDoc): RedemptionView => ({
  id: r._id,
  code: r.code,
  rewardName: r.rewardName,
  price: r.price,
  name: r.name,
  status: r.status,
  createdAt: r.createdAt,
  handedOverAt: r.handedOverAt ?? null,
  ...(r.proxy ? { proxyLine: onBehalfLine(r.name, r.proxy) } : {}),
});

export interface RewardInCommunity {
  reward: RewardDoc;
  community: Place;
}
export const rewardOf: Loader<{ rewardId: string }, RewardInCommunity> = async (ctx, input) => {
  const reward = await ctx.ports.store.get(COLLECTIONS.volRewards, input.rewardId);
  const community = reward ? await ctx.ports.store.get(COLLECTIONS.places, reward.communityId) : null;
  return reward && community ? ok({ reward, community }) : err('VOLUNTEER.REWARD_NOT_FOUND');
};
/** The people of the reward's community may redeem it. */
export const redeemerOf: Policy<{ rewardId: string }, RewardInCommunity> = {
  load: rewardOf,
  allow: (caller, { community }) =>
    caller.grants.some((g) => g.placePath.includes(community._id) || grantCovers(g, community)) || { code: 'BOOKING.NOT_RESIDENT' },
};

export async function newCode(ctx: Ctx, tx: TxStore): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.newCode(REDEMPTION_CODE_ALPHABET, REDEMPTION_CODE_LENGTH);
    if (!(await tx.get(COLLECTIONS.volCodes, code))) return code;
  }
  throw new Error('could not find a free redemption code');
}

export const redemptionOf: Loader<{ redemptionId: string }, RedemptionDoc> = async (ctx, input) => {
  const r = await ctx.ports.store.get(COLLECTIONS.volRedemptions, input.redemptionId);
  return r ? ok(r) : err('VOLUNTEER.REDEMPTION_NOT_FOUND');
};
/** Someone else's redemption answers like a missing one; who redeemed it for a resident (代办) may cancel it too. */
export const redemptionOwner: Policy<{ redemptionId: string }, RedemptionDoc> = {
  load: redemptionOf,
  allow: (caller, r) =>
    (caller.openid !== null && (r.openid === caller.openid || r.proxy?.openid === caller.openid)) || {
      code: 'VOLUNTEER.REDEMPTION_NOT_FOUND',
    },
};

export const done = (r: RedemptionDoc) =>
  err('VOLUNTEER.REDEMPTION_DONE', { status: r.status, at: r.handedOverAt ?? r.cancelledAt ?? null });
