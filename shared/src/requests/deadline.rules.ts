import { isBeyondOfficialData, type WorkCalendar } from '../calendar/work-calendar';
import { inShanghai, shanghaiDate, shanghaiInstant } from '../common/time';
import type { Span } from './request.schema';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export type Deadline = { at: Date; estimated: boolean };

/** The calendar date after a YYYY-MM-DD date (plain Date arithmetic: this runs for every day a deadline counts). */
function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A calendar's answers, remembered per date: a calendar does not change while the code runs, and the
 * timer asks about the same few dates for every request it escalates.
 */
const answers = new WeakMap<WorkCalendar, Map<string, boolean>>();
function remembered(calendar: WorkCalendar): (date: string) => boolean {
  let known = answers.get(calendar);
  if (!known) answers.set(calendar, (known = new Map()));
  const memo = known;
  return (date) => {
    let answer = memo.get(date);
    if (answer === undefined) memo.set(date, (answer = calendar.isWorkday(date)));
    return answer;
  };
}

/**
 * N working days from an instant, the way Chinese law counts a period (民法典 第二百零一条、第二百零三条):
 * the starting day does not count, counting begins the next day, and the period ends at 24:00 of
 * its last day. Only working days count, so holidays and weekends are skipped and make-up
 * Saturdays (调休) count. `estimated` is true when any day counted lies past the calendar's
 * official data (there the statutory holidays are known, the 调休 is not).
 */
export function addWorkdays(from: Date, workdays: number, calendar: WorkCalendar): Deadline {
  let date = shanghaiDate(from);
  let counted = 0;
  let estimated = false;
  const isWorkday = remembered(calendar);
  while (counted < workdays) {
    date = nextDate(date);
    if (isBeyondOfficialData(calendar, date)) estimated = true;
    if (isWorkday(date)) counted++;
  }
  return { at: shanghaiInstant(nextDate(date)), estimated };
}

/** A span from an instant: clock hours as they are, working days by the holiday calendar. */
export function addSpan(from: Date, span: Span, calendar: WorkCalendar): Deadline {
  if ('hours' in span) return { at: new Date(from.getTime() + span.hours * HOUR), estimated: false };
  return addWorkdays(from, span.workdays, calendar);
}

/**
 * When to warn the holder: a quarter of the step's time before its deadline, at least 30 minutes
 * (so a 2-hour step warns after 90 minutes) and at most a day (so a 15-day step warns one day ahead).
 */
export function warnAtFor(start: Date, deadline: Date): Date {
  const span = deadline.getTime() - start.getTime();
  const lead = Math.min(24 * HOUR, Math.max(30 * MINUTE, span / 4));
  return new Date(Math.max(start.getTime(), deadline.getTime() - lead));
}

/** "11月30日 24:00" — a deadline at midnight reads as the end of the day before, as people say it. */
export function deadlineText(at: Date | string): string {
  const t = inShanghai(at);
  if (t.hour() === 0 && t.minute() === 0) return `${t.subtract(1, 'day').format('M月D日')} 24:00`;
  return t.format('M月D日 HH:mm');
}

/** "还剩 2 小时 5 分" / "还剩 3 天 4 小时" / "已超时 40 分钟", for countdowns in lists. */
export function countdownText(deadline: Date | string, now: Date | string): string {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / (24 * HOUR));
  const hours = Math.floor((abs % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const amount =
    days > 0
      ? `${days} 天${hours ? ` ${hours} 小时` : ''}`
      : hours > 0
        ? `${hours} 小时${minutes ? ` ${minutes} 分` : ''}`
        : `${Math.max(minutes, ms >= 0 ? 0 : 1)} 分钟`;
  return ms >= 0 ? `还剩 ${amount}` : `已超时 ${amount}`;
}

/** The copy shown wherever a deadline is a guess because the holiday calendar lacks the year. */
export function deadlineCalendarWarning(calendar: WorkCalendar): string {
  return `${calendar.lastOfficialYear + 1} 年的调休安排还没有录入：期限已避开法定节假日，但调休（连休、补班）未知，国务院通知发布后请区或街道管理员在“节假日安排”里录入，期限会自动重算。`;
}
