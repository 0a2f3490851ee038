import { err, ok, type Place, type Result } from '@linli/shared';
import type { Ctx } from '../platform/context';
import { COLLECTIONS } from '../ports/collections';

/**
 * The community an input names, or why not: a catalogue, the booking desk and the 阳光三务 archive
 * belong to a 社区, never to a street, a compound or a household.
 */
export async function loadCommunity(ctx: Ctx, communityId: string): Promise<Result<Place>> {
  const place = await ctx.ports.store.get(COLLECTIONS.places, communityId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: communityId });
  if (place.kind !== 'community') return err('PLACE.NOT_A_COMMUNITY', { placeId: place._id, kind: place.kind });
  return ok(place);
}
