import { err, ok, type CalendarYearView, type Result, type YearScheduleInput } from '@linli/shared';
import { forgetCalendar } from '../../platform/calendar';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { CalendarChangeDoc, CalendarYearDoc } from '../../ports/calendar-collections';
import { firstAnswer } from '../idempotency';
import { applyCalendarChanges } from './apply-calendar-changes';
import { readCalendarEntries } from './calendar-entries';
import { calendarOf, calendarYearView, callerName, changedDates } from './calendar-view';

/**
 * A year's official schedule, typed from the State Council's notice: it wins over the package and
 * the computed holidays from now on, is logged (who, when, what), and open deadlines and bookings
 * follow (`applyCalendarChanges`, a first page now and the rest on the timer).
 */
export async function enterSchedule(
  ctx: Ctx,
  input: YearScheduleInput & { key: string; expectedVersion: number },
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
  const entries = await readCalendarEntries(store);
  const before = calendarOf(ctx, entries);
  const schedule = { year: input.year, holidays: input.holidays, workdays: [...input.workdays].sort() };
  const after = calendarOf(ctx, { ...entries, entered: [...entries.entered.filter((y) => y.year !== input.year), schedule] });
  const changed = changedDates(before, after, input.year);
  const days = input.holidays.map((h) => `${h.name} ${h.from.slice(5)}${h.to !== h.from ? `至${h.to.slice(5)}` : ''}`).join('、');
  const summary = `录入 ${input.year} 年节假日安排（${input.noticeTitle}，${input.noticeDate}）：${days}${
    schedule.workdays.length ? `；调休上班 ${schedule.workdays.map((d) => d.slice(5)).join('、')}` : '；无调休上班日'
  }`;

  const saved = await store.transaction(async (tx): Promise<Result<'saved' | 'replayed'>> => {
    if (await tx.get('calendar_changes', changeId)) return ok('replayed');
    const current = await tx.get('calendar_years', `y-${input.year}`);
    if ((current?.version ?? 0) !== input.expectedVersion)
      return err('CALENDAR.SCHEDULE_STALE', { year: input.year, version: current?.version ?? 0 });
    const doc: CalendarYearDoc = {
      _id: `y-${input.year}`,
      ...schedule,
      noticeTitle: input.noticeTitle,
      noticeDate: input.noticeDate,
      enteredBy: by,
      enteredAt: now,
      version: input.expectedVersion + 1,
    };
    const change: CalendarChangeDoc = {
      _id: changeId,
      kind: 'schedule',
      subject: String(input.year),
      placeId: null,
      placePath: [],
      summary,
      changedDates: changed,
      by,
      at: now,
      appliedAt: null,
      applied: null,
      idempotencyKey: input.key,
      cursor: { requests: null, bookings: null, done: false },
    };
    await tx.put('calendar_years', doc);
    await tx.insert('calendar_changes', change);
    return ok('saved');
  });
  if (!saved.ok) return saved;
  if (saved.data === 'replayed') return (await firstAnswer(store, openid, replay)) ?? ok(await calendarYearView(ctx, input.year));
  forgetCalendar(store);
  await applyCalendarChanges(ctx, {}, undefined, { pages: 1 });
  return ok(await calendarYearView(ctx, input.year));
}
