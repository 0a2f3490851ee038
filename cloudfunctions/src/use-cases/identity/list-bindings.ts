import { ok, type BindingStatus } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** The community's binding requests; staff see the phone numbers, because they must check them. */
export async function listBindings(ctx: Ctx, input: { communityId: string; status: BindingStatus }) {
  const bindings = await ctx.ports.store.find(COLLECTIONS.bindings, {
    where: { communityId: input.communityId, status: input.status },
    orderBy: [['createdAt', input.status === 'pending' ? 'asc' : 'desc']],
    limit: 200,
  });
  return ok({ bindings });
}
