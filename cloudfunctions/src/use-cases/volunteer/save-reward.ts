import { err, ok, type Place, type Result, type RewardDoc, type RewardInput } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toRewardView } from './shop-records';

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
