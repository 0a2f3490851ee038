import { onlineBooking, scheduleInputSchema, type CatalogueService, type Service } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * The services with whether each can be booked online now: one read of the schedules of the
 * services marked bookable (by id, at once), whatever their number.
 */
export async function withOnlineBooking(ctx: Ctx, services: readonly Service[]): Promise<CatalogueService[]> {
  const { store, calendar, clock } = ctx.ports;
  const bookable = services.filter((s) => s.bookable).map((s) => s._id);
  const schedules = bookable.length ? await store.getMany(COLLECTIONS.bookingSchedules, bookable) : [];
  // parsed again so that a schedule written before a setting existed still gets its default
  const settings = new Map(schedules.map((s) => [s._id, scheduleInputSchema.parse(s.settings)]));
  const now = clock.now();
  return services.map((s) => ({ ...s, online: onlineBooking(s, settings.get(s._id) ?? null, calendar, now) }));
}
