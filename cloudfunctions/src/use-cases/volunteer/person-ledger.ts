import { err, ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { statement } from './ledger-writer';

export async function personLedger(ctx: Ctx, input: { communityId: string; openid: string }) {
  const user = await ctx.ports.store.get(COLLECTIONS.users, input.openid);
  if (!user) return err('VOLUNTEER.PERSON_NOT_FOUND');
  return ok({ name: user.name, ...(await statement(ctx.ports.store, 'volunteer', input.communityId, input.openid)) });
}
