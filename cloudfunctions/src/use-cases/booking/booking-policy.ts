import { err, grantCovers, hasStaffScope, ok, type Booking, type Place, type Schedule, type Service } from '@linli/shared';
import type { Loader, Policy, Rule } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';

/** A service and the community whose catalogue holds it. */
export interface ServiceInCommunity {
  service: Service;
  community: Place;
  /** Read beside the service by the actions that book (its id is the service's): null when staff have not set one. */
  schedule?: Schedule | null;
}

/** The service an input names, with its community: both read here, once for the whole call. */
export const serviceOf: Loader<{ serviceId: string }, ServiceInCommunity> = async (ctx, input) => {
  const service = await ctx.ports.store.get(COLLECTIONS.services, input.serviceId);
  const community = service ? await ctx.ports.store.get(COLLECTIONS.places, service.communityId) : null;
  return service && community ? ok({ service, community }) : err('CATALOGUE.SERVICE_NOT_FOUND');
};

/**
 * Booking is for the people of the service's community: residents bound to a household in it,
 * its 三长五员, and staff whose scope covers it. Anyone else is told to bind a home first.
 */
export const memberOfCommunity: Rule<unknown, ServiceInCommunity> = (caller, { community }) =>
  caller.grants.some((g) => g.placePath.includes(community._id) || grantCovers(g, community)) || { code: 'BOOKING.NOT_RESIDENT' };

/** The service's schedule, roster and no-shows: the staff of its community. */
export const staffOfService: Rule<unknown, ServiceInCommunity> = (caller, { community }) => hasStaffScope(caller.grants, community);

/** The service with its schedule, read at once: booking needs both, one round trip's wait. */
const bookableServiceOf: Loader<{ serviceId: string }, ServiceInCommunity> = async (ctx, input) => {
  const [loaded, schedule] = await Promise.all([serviceOf(ctx, input), ctx.ports.store.get(COLLECTIONS.bookingSchedules, input.serviceId)]);
  return loaded.ok ? ok({ ...loaded.data, schedule }) : loaded;
};

export const bookerOfService: Policy<{ serviceId: string }, ServiceInCommunity> = { load: bookableServiceOf, allow: memberOfCommunity };
export const serviceStaff: Policy<{ serviceId: string }, ServiceInCommunity> = { load: serviceOf, allow: staffOfService };

/** A booking and its community (to tell its owner from the staff who may see it). */
export interface BookingInCommunity {
  booking: Booking;
  community: Place | null;
}

/** The resident's own booking, or one they were booked for by this caller (代办: staff cancel or move it when she calls). */
const ownsBooking = (booking: Booking, openid: string | null | undefined) => booking.openid === openid || booking.proxy?.openid === openid;

const bookingOf: Loader<{ bookingId: string }, BookingInCommunity> = async (ctx, input) => {
  const booking = await ctx.ports.store.get(COLLECTIONS.bookings, input.bookingId);
  if (!booking) return err('BOOKING.NOT_FOUND');
  // the community is only needed when the caller is not the owner
  const community = ownsBooking(booking, ctx.caller.openid) ? null : await ctx.ports.store.get(COLLECTIONS.places, booking.communityId);
  return ok({ booking, community });
};

/** Someone else's booking answers exactly like a missing one. */
const HIDDEN = { code: 'BOOKING.NOT_FOUND' } as const;

/** One booking: its owner, or staff of its community. */
export const ownerOrStaff: Policy<{ bookingId: string }, BookingInCommunity> = {
  load: bookingOf,
  allow: (caller, { booking, community }) =>
    ownsBooking(booking, caller.openid) || (community !== null && hasStaffScope(caller.grants, community)) || HIDDEN,
};

/** Changing a booking (cancel, move): its owner only. */
export const owner: Policy<{ bookingId: string }, BookingInCommunity> = {
  load: bookingOf,
  allow: (caller, { booking }) => ownsBooking(booking, caller.openid) || HIDDEN,
};
