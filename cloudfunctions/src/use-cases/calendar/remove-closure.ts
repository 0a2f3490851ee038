import { err, ok, type CalendarYearView, type Place, type Result } from '@linli/shared';
import { forgetCalendar } from '../../platform/calendar';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { CalendarChangeDoc } from '../../ports/calendar-collections';
import { firstAnswer } from '../idempotency';
import { applyCalendarChanges } from './apply-calendar-changes';
import { calendarYearView, callerName } from './calendar-view';

/** Takes a local closure back (the typhoon passed): the day counts again; logged, deadlines follow. */
export async function removeClosure(
  ctx: Ctx,
  input: { key: string; placeId: string; date: string; year: number },
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
  const id = `${place._id}:${input.date}`;
  const saved = await store.transaction(async (tx): Promise<Result<'saved' | 'replayed'>> => {
    if (await tx.get('calendar_changes', changeId)) return ok('replayed');
    const closure = await tx.get('calendar_closures', id);
    if (!closure) return err('CALENDAR.CLOSURE_NOT_FOUND', { date: input.date });
    await tx.remove('calendar_closures', id);
    await tx.insert('calendar_changes', {
      _id: changeId,
      kind: 'closureRemoved',
      subject: input.date,
      placeId: place._id,
      placePath: closure.placePath,
      summary: `取消 ${place.name} ${input.date} 的停办（原因：${closure.reason}）`,
      changedDates: [input.date],
      by,
      at: now,
      appliedAt: null,
      applied: null,
      idempotencyKey: input.key,
      cursor: { requests: null, bookings: null, done: false },
    });
    return ok('saved');
  });
  if (!saved.ok) return saved;
  if (saved.data === 'saved') {
    forgetCalendar(store);
    await applyCalendarChanges(ctx, {}, undefined, { pages: 1 });
  }
  return ok(await calendarYearView(ctx, input.year));
}
