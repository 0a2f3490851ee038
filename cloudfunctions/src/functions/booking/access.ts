import { err, grantCovers, type Place } from '@linli/shared';
import type { Access } from '../../platform/access';
import { loadPlace } from '../../platform/access';
import { COLLECTIONS } from '../../ports/collections';

/**
 * Booking is for the people of the service's community: residents bound to a household in it,
 * its 三长五员, and staff whose scope covers it. Anyone else is told to bind a home first.
 */
export const memberOfServiceCommunity: Access<{ serviceId: string }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const service = await ctx.ports.store.get(COLLECTIONS.services, input.serviceId);
  if (!service) return err('CATALOGUE.SERVICE_NOT_FOUND');
  const community: Place | null = await loadPlace(ctx, service.communityId);
  if (!community) return err('CATALOGUE.SERVICE_NOT_FOUND');
  const belongs = ctx.caller.grants.some((g) => g.placePath.includes(community._id) || grantCovers(g, community));
  return belongs ? true : err('BOOKING.NOT_RESIDENT');
};
