import { calendarWarning, ok, windowDates, type AvailabilityDay, type BookableService, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { bookableView, loadBookableAnd } from './load-bookable';
import { dayView, slotDocs } from './day-view';

/** The days of the booking window with the seats still free, for the resident's calendar. */
export async function listDays(
  ctx: Ctx,
  input: { serviceId: string },
): Promise<Result<{ service: BookableService; days: AvailabilityDay[]; calendarWarning: string | null }>> {
  const now = ctx.ports.clock.now();
  // the window's slots are read beside the service's community
  const loaded = await loadBookableAnd(ctx, input.serviceId, async (settings) => {
    const dates = windowDates(settings, now);
    return { dates, docs: await slotDocs(ctx, input.serviceId, dates[0]!, dates[dates.length - 1]!) };
  });
  if (!loaded.ok) return loaded;
  const { b, also } = loaded.data;
  const { dates, docs } = also;
  const days = dates.map((date) => dayView(b, ctx.ports.calendar, docs, date, now).day);
  return ok({ service: bookableView(b), days, calendarWarning: calendarWarning(ctx.ports.calendar, dates) });
}
