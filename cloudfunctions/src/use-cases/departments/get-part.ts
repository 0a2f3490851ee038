import { ok, type PartView, type RequestEvent, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedPart } from './department-policy';
import { toPartView } from './part-views';

/** One part with the request's public timeline (what the resident sees, each department's steps among them). */
export async function getPart(
  ctx: Ctx,
  _input: { dispatchId: string },
  { part, request }: LoadedPart,
): Promise<Result<{ part: PartView; events: RequestEvent[]; now: string }>> {
  const events = await ctx.ports.store.find(COLLECTIONS.requestEvents, {
    where: { requestId: request._id },
    orderBy: [['at', 'asc']],
    limit: 200,
  });
  return ok({ part: toPartView(part, request), events: events.filter((e) => !e.staffOnly), now: ctx.ports.clock.now().toISOString() });
}
