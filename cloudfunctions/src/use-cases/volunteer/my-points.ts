import { ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { statement } from './ledger-writer';

export async function myPoints(ctx: Ctx, input: { communityId: string }) {
  return ok(await statement(ctx.ports.store, 'volunteer', input.communityId, callerOpenid(ctx)));
}
