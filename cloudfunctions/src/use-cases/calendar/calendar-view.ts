import { datesOf, shanghaiDate, type CalendarLayers, type CalendarYearView, type WorkCalendar } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import type { CalendarChangeDoc } from '../../ports/calendar-collections';
import { readCalendarEntries } from './calendar-entries';

const CHANGES_SHOWN = 20;

type Layered = WorkCalendar & {
  sourceOf?(year: number): CalendarYearView['source'];
  statutory?(year: number): CalendarYearView['statutory'];
};

/** The calendar with these entries (the port's layers), or the call's calendar when it has none. */
export function calendarOf(ctx: Ctx, entries: Pick<CalendarLayers, 'entered' | 'closures'>): Layered {
  return ctx.ports.calendarWith ? ctx.ports.calendarWith(entries) : ctx.ports.calendar;
}

/** The dates of a year (and the week either side, where a notice may reach) whose answer differs. */
export function changedDates(before: WorkCalendar, after: WorkCalendar, year: number): string[] {
  return datesOf(`${year - 1}-12-24`, `${year + 1}-01-07`).filter((d) => before.isWorkday(d) !== after.isWorkday(d));
}

export const changeView = ({ placePath: _p, idempotencyKey: _k, cursor: _c, ...change }: CalendarChangeDoc) => change;

/** What an admin sees of a year: where its days come from, the notice as entered, closures, the log. */
export async function calendarYearView(ctx: Ctx, year: number): Promise<CalendarYearView> {
  const { store, clock } = ctx.ports;
  const today = shanghaiDate(clock.now());
  // read afresh: the view follows a write at once, whatever a container cached
  const [entries, doc, closures, changes] = await Promise.all([
    readCalendarEntries(store),
    store.get('calendar_years', `y-${year}`),
    store.find('calendar_closures', { where: { date: { gte: today } }, orderBy: [['date', 'asc']], limit: 200 }),
    store.find('calendar_changes', { orderBy: [['at', 'desc']], limit: CHANGES_SHOWN }),
  ]);
  const calendar = calendarOf(ctx, entries);
  const source = calendar.sourceOf?.(year) ?? (year <= calendar.lastOfficialYear ? 'package' : 'computed');
  return {
    year,
    source,
    lastOfficialYear: calendar.lastOfficialYear,
    warning:
      year > calendar.lastOfficialYear
        ? `${year} 年的调休安排还没有录入：法定节假日已按《全国年节及纪念日放假办法》计入，但连休和补班的日子还不知道。国务院办公厅发布通知后，请在下面录入。`
        : null,
    statutory: calendar.statutory?.(year) ?? [],
    schedule: doc
      ? {
          noticeTitle: doc.noticeTitle,
          noticeDate: doc.noticeDate,
          holidays: doc.holidays,
          workdays: doc.workdays,
          enteredBy: doc.enteredBy,
          enteredAt: doc.enteredAt,
          version: doc.version,
        }
      : null,
    closures: closures
      .filter((c) => ctx.caller.grants.some((g) => c.placePath.includes(g.placeId) || c.placeId === g.placeId))
      .map(({ _id: _i, placePath: _p, ...c }) => c),
    changes: changes.map(changeView),
  };
}

export const callerName = (ctx: Ctx): string => ctx.caller.user?.name ?? '管理员';
