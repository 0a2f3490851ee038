import { ok, type CalendarYearView, type LocalClosureInput, type Place, type Result } from '@linli/shared';
import { forgetCalendar } from '../../platform/calendar';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { CalendarChangeDoc } from '../../ports/calendar-collections';
import { firstAnswer } from '../idempotency';
import { applyCalendarChanges } from './apply-calendar-changes';
import { calendarYearView, callerName } from './calendar-view';

/**
 * A local closure (a typhoon day, a local holiday) for a street's or a community's area: no working
 * day there, so deadlines skip it; logged, and open deadlines follow.
 */
export async function addClosure(
  ctx: Ctx,
  input: LocalClosureInput & { key: string; year: number },
  place: Place,
): Promise<Result<CalendarYearView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const changeId = `cc-${input.key}`;
  const replay = {
    collection: 'calendar_changes' as const,
    id: changeId,
    ownerOf: (d: CalendarChangeDoc) => d.by.openid,
    answer: () => calendarYearView(ctx, input.year),
  };
  const first = await firstAnswer(store, openid, replay);
  if (first) return first;
  const now = clock.now().toISOString();
  const by = { openid, name: callerName(ctx) };
  const placePath = [...place.path, place._id];
  const saved = await store.transaction(async (tx) => {
    if (await tx.get('calendar_changes', changeId)) return 'replayed' as const;
    await tx.put('calendar_closures', {
      _id: `${place._id}:${input.date}`,
      placeId: place._id,
      placePath,
      placeName: place.name,
      date: input.date,
      reason: input.reason,
      addedBy: by.name,
      addedAt: now,
    });
    await tx.insert('calendar_changes', {
      _id: changeId,
      kind: 'closureAdded',
      subject: input.date,
      placeId: place._id,
      placePath,
      summary: `${place.name} ${input.date} 停办：${input.reason}`,
      changedDates: [input.date],
      by,
      at: now,
      appliedAt: null,
      applied: null,
      idempotencyKey: input.key,
      cursor: { requests: null, bookings: null, done: false },
    });
    return 'saved' as const;
  });
  if (saved === 'saved') {
    forgetCalendar(store);
    await applyCalendarChanges(ctx, {}, undefined, { pages: 1 });
  }
  return ok(await calendarYearView(ctx, input.year));
}
