import {
  err,
  grantCovers,
  hasStaffScope,
  ok,
  redemptionRefusal,
  REDEMPTION_CODE_ALPHABET,
  REDEMPTION_CODE_LENGTH,
  reversalId,
  spendId,
  walletId,
  type Place,
  type RedemptionDoc,
  type RedemptionView,
  type Result,
  type RewardDoc,
  type RewardInput,
  type RewardView,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { Loader, Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { firstAnswer } from '../idempotency';
import { appendEntry, dayAndMonth, recorderOf } from './ledger-writer';

/**
 * 积分超市: staff put rewards on the shelf with a price and a stock; a resident's redemption takes
 * the points and sets one item aside in one transaction over the reward, the wallet and the
 * redemption, so no balance goes below zero and the last items are never sold twice; staff hand the
 * item over by scanning the redemption's code.
 */

const toRewardView = (r: RewardDoc): RewardView => ({
  id: r._id,
  name: r.name,
  description: r.description,
  price: r.price,
  left: Math.max(0, r.stock - r.redeemed),
  stock: r.stock,
  active: r.active,
});

const toRedemptionView = (r: RedemptionDoc): RedemptionView => ({
  id: r._id,
  code: r.code,
  rewardName: r.rewardName,
  price: r.price,
  name: r.name,
  status: r.status,
  createdAt: r.createdAt,
  handedOverAt: r.handedOverAt ?? null,
});

export async function listRewards(ctx: Ctx, input: { communityId: string }) {
  const all = await ctx.ports.store.find(COLLECTIONS.volRewards, {
    where: { communityId: input.communityId },
    orderBy: [['price', 'asc']],
    limit: 200,
  });
  const staff = ctx.caller.grants.some(
    (g) => g.role !== 'resident' && (g.placeId === input.communityId || g.placePath.includes(input.communityId)),
  );
  return ok({ rewards: all.filter((r) => r.active || staff).map(toRewardView) });
}

/** Puts a reward on the shelf or changes it; stock can never be set below what was already taken. */
export async function saveReward(
  ctx: Ctx,
  input: { communityId: string; rewardId?: string | undefined; reward: RewardInput },
  community: Place,
) {
  const { store, clock, ids } = ctx.ports;
  const id = input.rewardId ?? `vr_${ids.newId()}`;
  const at = clock.now().toISOString();
  const saved = await store.transaction(async (tx): Promise<Result<RewardDoc>> => {
    const current = input.rewardId ? await tx.get(COLLECTIONS.volRewards, id) : null;
    if (input.rewardId && (!current || current.communityId !== community._id)) return err('VOLUNTEER.REWARD_NOT_FOUND');
    const redeemed = current?.redeemed ?? 0;
    const next: RewardDoc = {
      _id: id,
      communityId: community._id,
      ...input.reward,
      stock: Math.max(input.reward.stock, redeemed),
      redeemed,
      updatedAt: at,
    };
    await tx.put(COLLECTIONS.volRewards, next);
    return ok(next);
  });
  return saved.ok ? ok({ reward: toRewardView(saved.data) }) : saved;
}

export interface RewardInCommunity {
  reward: RewardDoc;
  community: Place;
}
const rewardOf: Loader<{ rewardId: string }, RewardInCommunity> = async (ctx, input) => {
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

async function newCode(ctx: Ctx, tx: TxStore): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.newCode(REDEMPTION_CODE_ALPHABET, REDEMPTION_CODE_LENGTH);
    if (!(await tx.get(COLLECTIONS.volCodes, code))) return code;
  }
  throw new Error('could not find a free redemption code');
}

export async function redeem(ctx: Ctx, input: { rewardId: string; key: string }, { reward: loaded }: RewardInCommunity) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const id = `vd_${input.key}`;
  const wid = walletId('volunteer', loaded.communityId, openid);
  const replay = { collection: 'vol_redemptions', id, ownerOf: (r: RedemptionDoc) => r.openid, answer: (r: RedemptionDoc) => r } as const;
  const earlier = await firstAnswer(store, openid, replay);
  if (earlier) {
    if (!earlier.ok) return earlier;
    return ok({ redemption: toRedemptionView(earlier.data), balance: (await store.get(COLLECTIONS.volWallets, wid))?.balance ?? 0 });
  }
  const now = clock.now();
  const at = now.toISOString();
  const name = ctx.caller.user?.name ?? '居民';
  const outcome = await store.transaction(async (tx): Promise<Result<{ r: RedemptionDoc; balance: number }>> => {
    const again = await firstAnswer(tx, openid, replay);
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
      recordedBy: { openid, name, role: '居民' },
      at,
      ...dayAndMonth(now),
    });
    return ok({ r, balance: spent.balance });
  });
  if (!outcome.ok) return outcome;
  return ok({ redemption: toRedemptionView(outcome.data.r), balance: outcome.data.balance });
}

export async function myRedemptions(ctx: Ctx) {
  const list = await ctx.ports.store.find(COLLECTIONS.volRedemptions, {
    where: { openid: callerOpenid(ctx) },
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  });
  return ok({ redemptions: list.map(toRedemptionView) });
}

const redemptionOf: Loader<{ redemptionId: string }, RedemptionDoc> = async (ctx, input) => {
  const r = await ctx.ports.store.get(COLLECTIONS.volRedemptions, input.redemptionId);
  return r ? ok(r) : err('VOLUNTEER.REDEMPTION_NOT_FOUND');
};
/** Someone else's redemption answers like a missing one. */
export const redemptionOwner: Policy<{ redemptionId: string }, RedemptionDoc> = {
  load: redemptionOf,
  allow: (caller, r) => r.openid === caller.openid || { code: 'VOLUNTEER.REDEMPTION_NOT_FOUND' },
};

const done = (r: RedemptionDoc) => err('VOLUNTEER.REDEMPTION_DONE', { status: r.status, at: r.handedOverAt ?? r.cancelledAt ?? null });

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

/** At the counter: staff scan (or type) the code; a code of another community is not one they know. */
export async function handOver(ctx: Ctx, input: { communityId: string; code: string }, community: Place) {
  const { store, clock } = ctx.ports;
  const codeDoc = await store.get(COLLECTIONS.volCodes, input.code);
  const r = codeDoc?.communityId === community._id ? await store.get(COLLECTIONS.volRedemptions, codeDoc.redemptionId) : null;
  if (!r || !hasStaffScope(ctx.caller.grants, community)) return err('VOLUNTEER.REDEMPTION_NOT_FOUND');
  if (r.status !== 'held') return done(r);
  const at = clock.now().toISOString();
  const by = recorderOf(ctx.caller, '社区工作人员');
  const changed = await store.update(
    COLLECTIONS.volRedemptions,
    r._id,
    { set: { status: 'handedOver', handedOverAt: at, handedOverBy: { openid: by.openid, name: by.name } } },
    { status: 'held' },
  );
  const after = (await store.get(COLLECTIONS.volRedemptions, r._id)) ?? r;
  if (!changed) return done(after);
  return ok({ redemption: toRedemptionView(after) });
}
