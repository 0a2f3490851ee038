import {
  calendarWarning,
  ok,
  scheduleInputSchema,
  windowDates,
  type Result,
  type Schedule,
  type ScheduleInput,
  type Service,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { ServiceInCommunity } from './booking-policy';
import { COLLECTIONS } from '../../ports/collections';

export interface ScheduleView {
  service: { _id: string; name: string; communityId: string; communityName: string; location: string; bookable: boolean };
  settings: ScheduleInput | null;
  version: number;
  calendarWarning: string | null;
  lastOfficialYear: number;
}

/** A service's schedule as staff edit it, with the warning when the holiday data runs out within its window. */
export async function scheduleView(ctx: Ctx, service: Service, schedule: Schedule | null): Promise<ScheduleView> {
  const community = await ctx.ports.store.get(COLLECTIONS.places, service.communityId);
  const settings = schedule ? scheduleInputSchema.parse(schedule.settings) : null;
  // staff look further ahead than residents: warn two months before the data runs out
  const dates = windowDates({ windowDays: Math.max(settings?.windowDays ?? 0, 60) }, ctx.ports.clock.now());
  return {
    service: {
      _id: service._id,
      name: service.name,
      communityId: service.communityId,
      communityName: community?.name ?? '',
      location: service.location,
      bookable: service.bookable,
    },
    settings,
    version: schedule?.version ?? 0,
    calendarWarning: calendarWarning(ctx.ports.calendar, dates),
    lastOfficialYear: ctx.ports.calendar.lastOfficialYear,
  };
}

export async function getSchedule(ctx: Ctx, _input: unknown, { service }: ServiceInCommunity): Promise<Result<ScheduleView>> {
  const { store } = ctx.ports;
  const schedule = await store.get(COLLECTIONS.bookingSchedules, service._id);
  return ok(await scheduleView(ctx, service, schedule));
}
