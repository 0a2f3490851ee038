import { departmentIdsOf, ok, type PartView, type RequestDoc, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { compoundPlace, managesCompound } from '../requests/request-policy';
import { toPartRow } from './part-views';

/**
 * The parts of one request: all of them for its dispatchers and responders; for a department,
 * only when it holds a part itself (then it sees who else works on it, never the resident's phone).
 */
export async function listParts(
  ctx: Ctx,
  _input: { requestId: string },
  request: RequestDoc,
): Promise<Result<{ parts: Omit<PartView, 'request'>[] }>> {
  const parts = await ctx.ports.store.find(COLLECTIONS.dispatches, {
    where: { requestId: request._id },
    orderBy: [['dispatchedAt', 'asc']],
    limit: 100,
  });
  const mine = new Set(departmentIdsOf(ctx.caller.grants));
  const sees = managesCompound(ctx.caller.grants, compoundPlace(request)) || parts.some((p) => mine.has(p.departmentId));
  return ok({ parts: sees ? parts.map(toPartRow) : [] });
}
