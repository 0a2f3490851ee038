import { ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toRedemptionView } from './shop-records';

export async function myRedemptions(ctx: Ctx) {
  const list = await ctx.ports.store.find(COLLECTIONS.volRedemptions, {
    where: { openid: callerOpenid(ctx) },
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  });
  return ok({ redemptions: list.map(toRedemptionView) });
}
