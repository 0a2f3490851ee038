import {
  calendarWithin,
  err,
  findPhone,
  locateSlot,
  ok,
  scheduleInputSchema,
  slotIdOf,
  slotTiming,
  type BookableService,
  type Place,
  type Result,
  type Schedule,
  type ScheduleInput,
  type Service,
  type WorkCalendar,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { ServiceInCommunity } from './booking-policy';
import { noShowRefusal } from './no-show-block';
import { COLLECTIONS } from '../../ports/collections';

/** A service that residents can book now: in the catalogue as bookable, with a schedule. */
export interface Bookable {
  service: Service;
  schedule: Schedule;
  settings: ScheduleInput;
  communityName: string;
  /** The community's place path and itself: the street's local closures count for its services. */
  placePath: string[];
}

export async function loadBookable(ctx: Ctx, serviceId: string, communityId?: string): Promise<Result<Bookable>> {
  const loaded = await loadBookableAnd(ctx, serviceId, async () => undefined, communityId);
  return loaded.ok ? ok(loaded.data.b) : loaded;
}

/**
 * The bookable service and, read beside its community, what `also` needs of its settings (the
 * window's slots, the caller's bookings): two round trips' wait, where reading them after would be
 * three. With the community's id already known (a booking carries it) all of it is one.
 */
export async function loadBookableAnd<T>(
  ctx: Ctx,
  serviceId: string,
  also: (settings: ScheduleInput) => Promise<T>,
  communityId?: string,
): Promise<Result<{ b: Bookable; also: T }>> {
  const { store } = ctx.ports;
  const [service, schedule, early] = await Promise.all([
    store.get(COLLECTIONS.services, serviceId),
    store.get(COLLECTIONS.bookingSchedules, serviceId),
    communityId ? store.get(COLLECTIONS.places, communityId) : Promise.resolve(null),
  ]);
  if (!service) return err('CATALOGUE.SERVICE_NOT_FOUND');
  if (!service.bookable || !schedule) return err('BOOKING.NOT_BOOKABLE', { serviceName: service.name });
  const [community, more] = await Promise.all([
    communityId === service.communityId ? Promise.resolve(early) : store.get(COLLECTIONS.places, service.communityId),
    also(scheduleInputSchema.parse(schedule.settings)),
  ]);
  const b = asBookable(service, schedule, community);
  return b.ok ? ok({ b: b.data, also: more }) : b;
}

/** A service its policy has loaded (with its community, and its schedule when the policy read that too). */
export async function bookableIn(ctx: Ctx, loaded: ServiceInCommunity): Promise<Result<Bookable>> {
  const schedule = !loaded.service.bookable
    ? null
    : loaded.schedule !== undefined
      ? loaded.schedule
      : await ctx.ports.store.get(COLLECTIONS.bookingSchedules, loaded.service._id);
  return asBookable(loaded.service, schedule, loaded.community);
}

function asBookable(service: Service, schedule: Schedule | null, community: Place | null): Result<Bookable> {
  if (!service.bookable || !schedule) return err('BOOKING.NOT_BOOKABLE', { serviceName: service.name });
  // parsed again so that a document written before a setting existed still gets its default
  const settings = scheduleInputSchema.parse(schedule.settings);
  const placePath = community ? [...community.path, community._id] : [service.communityId];
  return ok({ service, schedule, settings, communityName: community?.name ?? '', placePath });
}

/** The phone residents call about this service: the first number in the catalogue's contact. */
export const hallPhoneOf = (b: Pick<Bookable, 'service'>): string | null => findPhone(b.service.contact);

/** Where residents go: the schedule's room when staff set one, else the catalogue's location. */
export const locationOf = (b: Pick<Bookable, 'service' | 'settings'>): string => b.settings.room || b.service.location;

export function bookableView(b: Bookable): BookableService {
  const { service, settings } = b;
  return {
    _id: service._id,
    name: service.name,
    communityId: service.communityId,
    communityName: b.communityName,
    description: service.description,
    materials: service.materials,
    location: locationOf(b),
    contact: service.contact,
    phone: hallPhoneOf(b),
    servedBy: settings.servedBy,
    slotMinutes: settings.slotMinutes,
    windowDays: settings.windowDays,
    noticeMinutes: settings.noticeMinutes,
    cancelCutoffMinutes: settings.cancelCutoffMinutes,
  };
}

/**
 * The slot a resident asked for, if it is one this service opens and it can still be taken now:
 * inside the booking window and not later than the minimum notice. Booking, moving and joining
 * a waitlist all start here.
 */
export function takeableSlot(b: Bookable, calendar: WorkCalendar, startAt: string, now: Date) {
  const located = locateSlot(b.settings, calendarWithin(calendar, b.placePath), startAt);
  if (!located.ok) return located;
  const { plan, slot } = located.data;
  const timing = slotTiming(b.settings, now, slot.startAt);
  if (timing === 'past' || timing === 'tooSoon')
    return err('BOOKING.TOO_LATE', { noticeMinutes: b.settings.noticeMinutes, phone: hallPhoneOf(b) });
  if (timing === 'beyondWindow') return err('BOOKING.OUTSIDE_WINDOW', { windowDays: b.settings.windowDays });
  return ok({ plan, planned: slot, slotId: slotIdOf(b.service._id, slot.startAt) });
}

/**
 * What booking and joining a waitlist both check first: the service is bookable, the slot is
 * takeable now, and the resident is not blocked for no-shows.
 */
export async function openSlotFor(ctx: Ctx, service: ServiceInCommunity, startAt: string, openid: string, now: Date) {
  const bookable = await bookableIn(ctx, service);
  if (!bookable.ok) return bookable;
  const b = bookable.data;
  const takeable = takeableSlot(b, ctx.ports.calendar, startAt, now);
  if (!takeable.ok) return takeable;
  const blocked = await noShowRefusal(ctx, openid, b.service.communityId, b.settings.noShow, now, hallPhoneOf(b));
  if (blocked) return blocked;
  return ok({ b, ...takeable.data });
}
