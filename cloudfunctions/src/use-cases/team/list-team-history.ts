import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

export async function listTeamHistory(ctx: Ctx, input: { compoundId: string; limit: number }) {
  const changes = await ctx.ports.store.find(COLLECTIONS.teamChanges, {
    where: { compoundId: input.compoundId },
    orderBy: [['at', 'desc']],
    limit: input.limit,
  });
  return ok({ changes });
}
