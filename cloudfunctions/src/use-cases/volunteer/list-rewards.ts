import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toRewardView } from './shop-records';

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
