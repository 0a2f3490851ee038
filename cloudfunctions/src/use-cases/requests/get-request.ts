import { err, ok, type RequestDetail, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { detailFor } from './load-detail';

export async function getRequest(ctx: Ctx, input: { requestId: string }): Promise<Result<RequestDetail>> {
  const r = await ctx.ports.store.get(COLLECTIONS.requests, input.requestId);
  if (!r) return err('REQUEST.NOT_FOUND');
  return ok(await detailFor(ctx, r));
}
