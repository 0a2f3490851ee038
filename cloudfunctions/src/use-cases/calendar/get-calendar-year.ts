import { ok, type CalendarYearView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { calendarYearView } from './calendar-view';

/** A year of the working-day calendar, for the admin who keeps it. */
export async function getCalendarYear(ctx: Ctx, input: { year: number }): Promise<Result<CalendarYearView>> {
  return ok(await calendarYearView(ctx, input.year));
}
