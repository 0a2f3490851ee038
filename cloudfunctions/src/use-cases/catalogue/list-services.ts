import { err, ok, type Place, type Service } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

export async function listServices(ctx: Ctx, input: { communityId: string }) {
  const community = await ctx.ports.store.get<Place>(COLLECTIONS.places, input.communityId);
  if (!community) return err('PLACE.NOT_FOUND', { placeId: input.communityId });
  if (community.kind !== 'community') return err('PLACE.NOT_A_COMMUNITY');
  const services = await findAll<Service>(ctx.ports.store, COLLECTIONS.services, { communityId: community._id }, [['sort', 'asc']]);
  return ok({ communityName: community.name, services });
}
