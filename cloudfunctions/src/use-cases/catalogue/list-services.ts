import { ok, type CatalogueService, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { loadCommunity } from '../load-community';
import { withOnlineBooking } from './online-booking';

/**
 * The community's catalogue, for residents and staff: each service says whether it can be booked
 * online now. Three round trips at most: the community and its services together, then the
 * schedules of the bookable ones.
 */
export async function listServices(
  ctx: Ctx,
  input: { communityId: string },
): Promise<Result<{ communityName: string; services: CatalogueService[] }>> {
  const [community, services] = await Promise.all([
    loadCommunity(ctx, input.communityId),
    findAll(ctx.ports.store, COLLECTIONS.services, { communityId: input.communityId }, [['sort', 'asc']]),
  ]);
  if (!community.ok) return community;
  return ok({ communityName: community.data.name, services: await withOnlineBooking(ctx, services) });
}
