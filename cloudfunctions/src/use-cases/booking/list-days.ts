import { calendarWarning, ok, windowDates, type AvailabilityDay, type BookableService, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { bookableView, loadBookable } from './load-bookable';
import { dayView, slotDocs } from './day-view';

/** The days of the booking window with the seats still free, for the resident's calendar. */
export async function listDays(
  ctx: Ctx,
  input: { serviceId: string },
): Promise<Result<{ service: BookableService; days: AvailabilityDay[]; calendarWarning: string | null }>> {
  const loaded = await loadBookable(ctx, input.serviceId);
  if (!loaded.ok) return loaded;
  const b = loaded.data;
  const now = ctx.ports.clock.now();
  const dates = windowDates(b.settings, now);
  const docs = await slotDocs(ctx, b.service._id, dates[0]!, dates[dates.length - 1]!);
  const days = dates.map((date) => dayView(b, ctx.ports.calendar, docs, date, now).day);
  return ok({ service: bookableView(b), days, calendarWarning: calendarWarning(ctx.ports.calendar, dates) });
}
