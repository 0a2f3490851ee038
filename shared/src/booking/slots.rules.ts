import { isBeyondOfficialData, type WorkCalendar } from '../calendar/work-calendar';
import type { OnlineBooking } from '../catalogue/service.schema';
import { err, ok, type Result } from '../common/result';
import { shanghaiDate, shanghaiInstant } from '../common/time';
import { minutesOfDay, type ScheduleInput } from './schedule.schema';

/**
 * Slot generation: from a service's weekly rules and the official working-day calendar to the
 * bookable times of a day. Pure; the time of "now" is always passed in. All wall-clock times
 * are Asia/Shanghai (UTC+8 all year, no daylight saving), so a date and an HH:mm name exactly
 * one instant.
 */

const DAY_MS = 86_400_000;

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const isWeekend = (date: string) => isoWeekday(date) >= 6;

export type DayKind = 'workday' | 'makeUpWorkday' | 'weekend' | 'holiday';

/**
 * What kind of day a date is, from the working-day calendar alone:
 * - a working Saturday or Sunday is a make-up workday (调休);
 * - a Monday–Friday off is a public holiday;
 * - a weekend joined to such a weekday by days off belongs to the holiday (国庆's Saturday),
 *   while an ordinary weekend sits between working Friday and Monday.
 */
export function dayKind(calendar: WorkCalendar, date: string): DayKind {
  if (calendar.isWorkday(date)) return isWeekend(date) ? 'makeUpWorkday' : 'workday';
  if (!isWeekend(date)) return 'holiday';
  for (const step of [-1, 1]) {
    let d = date;
    // the longest official break is 9 days: a run of days off longer than that cannot occur
    for (let i = 0; i < 10; i++) {
      d = addDays(d, step);
      if (calendar.isWorkday(d)) break;
      if (!isWeekend(d)) return 'holiday';
    }
  }
  return 'weekend';
}

export type ClosedReason = 'holiday' | 'closedByHand' | 'noHours';

export interface PlannedSlot {
  start: string;
  end: string;
  startAt: string;
  endAt: string;
}

export interface DayPlan {
  date: string;
  weekday: number;
  kind: DayKind;
  /** The date lies past the calendar's official data: holidays there are not known yet. */
  estimated: boolean;
  closed: ClosedReason | null;
  /** Why staff closed it, when they did. */
  closedNote: string;
  slots: PlannedSlot[];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots of one service on one date. */
export function planDay(settings: ScheduleInput, calendar: WorkCalendar, date: string): DayPlan {
  const base = { date, weekday: isoWeekday(date), kind: dayKind(calendar, date), estimated: isBeyondOfficialData(calendar, date) };
  const byHand = settings.closedDates.find((c) => c.date === date);
  if (byHand) return { ...base, closed: 'closedByHand', closedNote: byHand.reason, slots: [] };
  if (base.kind === 'holiday') return { ...base, closed: 'holiday', closedNote: '', slots: [] };
  const rulesOf = base.kind === 'makeUpWorkday' ? settings.makeUpDayAs : base.weekday;
  const rules = settings.rules.filter((r) => r.weekday === rulesOf).sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  const slots: PlannedSlot[] = [];
  for (const rule of rules) {
    const end = minutesOfDay(rule.end);
    for (let m = minutesOfDay(rule.start); m + settings.slotMinutes <= end; m += settings.slotMinutes) {
      const start = hhmm(m);
      const stop = hhmm(m + settings.slotMinutes);
      slots.push({
        start,
        end: stop,
        startAt: shanghaiInstant(date, start).toISOString(),
        endAt: shanghaiInstant(date, stop).toISOString(),
      });
    }
  }
  return { ...base, closed: slots.length ? null : 'noHours', closedNote: '', slots };
}

/** The one slot document of a service at a start instant: `svc_202612030900`. */
export function slotIdOf(serviceId: string, startAt: string): string {
  const local = new Date(Date.parse(startAt) + 8 * 3_600_000).toISOString();
  return `${serviceId}_${local.slice(0, 16).replace(/[-T:]/g, '')}`;
}

/** The last date that can be booked now: today plus the booking window. */
export const lastBookableDate = (settings: Pick<ScheduleInput, 'windowDays'>, now: Date): string =>
  addDays(shanghaiDate(now), settings.windowDays);

/** Every date of the booking window, today first. */
export function windowDates(settings: Pick<ScheduleInput, 'windowDays'>, now: Date): string[] {
  const today = shanghaiDate(now);
  return Array.from({ length: settings.windowDays + 1 }, (_, i) => addDays(today, i));
}

export type SlotTiming = 'open' | 'past' | 'tooSoon' | 'beyondWindow';

/** Whether a slot starting at `startAt` may be booked at `now` (booking window and minimum notice). */
export function slotTiming(settings: Pick<ScheduleInput, 'windowDays' | 'noticeMinutes'>, now: Date, startAt: string): SlotTiming {
  const start = Date.parse(startAt);
  if (start <= now.getTime()) return 'past';
  if (start - now.getTime() < settings.noticeMinutes * 60_000) return 'tooSoon';
  if (shanghaiDate(startAt) > lastBookableDate(settings, now)) return 'beyondWindow';
  return 'open';
}

/**
 * Whether a catalogue service can be booked online now (see ONLINE_BOOKING_STATES). Pure and
 * without seat counts: a slot that is full can still be waited for, so the question is only
 * whether the schedule opens any slot that can still be taken. The catalogue answers it for
 * every service from one read of the schedules, never a read per service.
 */
export function onlineBooking(
  service: { bookable: boolean },
  settings: ScheduleInput | null,
  calendar: WorkCalendar,
  now: Date,
): OnlineBooking {
  if (!service.bookable) return 'off';
  if (!settings) return 'noSchedule';
  const takeable = (date: string) => planDay(settings, calendar, date).slots.some((s) => slotTiming(settings, now, s.startAt) === 'open');
  return windowDates(settings, now).some(takeable) ? 'open' : 'noSlots';
}

/** The last instant a booking may be cancelled or moved (the cancellation cutoff). */
export const changeDeadline = (settings: Pick<ScheduleInput, 'cancelCutoffMinutes'>, startAt: string): Date =>
  new Date(Date.parse(startAt) - settings.cancelCutoffMinutes * 60_000);

export const canChangeAt = (settings: Pick<ScheduleInput, 'cancelCutoffMinutes'>, now: Date, startAt: string): boolean =>
  now.getTime() <= changeDeadline(settings, startAt).getTime();

/**
 * The visible warning for dates past the official holiday data: the State Council publishes
 * each year's schedule late in the year before, and until the package has it those dates are
 * treated as Monday–Friday working weeks.
 */
export function calendarWarning(calendar: WorkCalendar, dates: readonly string[]): string | null {
  const later = dates.filter((d) => isBeyondOfficialData(calendar, d));
  if (later.length === 0) return null;
  const years = [...new Set(later.map((d) => d.slice(0, 4)))].join('、');
  return `${years} 年的调休安排还没有录入：法定节假日已按放假办法停约，但连休和补班的日子还不知道，可能还会调整，请以社区通知为准。`;
}

/** Why a day has no slots, in words for residents. */
export function closedReasonText(plan: Pick<DayPlan, 'closed' | 'closedNote'>): string | null {
  if (plan.closed === 'holiday') return '法定节假日休息';
  if (plan.closed === 'closedByHand') return plan.closedNote || '社区另有安排，暂停预约';
  if (plan.closed === 'noHours') return '这天不开放';
  return null;
}

/** The planned slot that starts at `startAt`, or why there is none. */
export function locateSlot(settings: ScheduleInput, calendar: WorkCalendar, startAt: string): Result<{ plan: DayPlan; slot: PlannedSlot }> {
  const plan = planDay(settings, calendar, shanghaiDate(startAt));
  if (plan.closed === 'holiday' || plan.closed === 'closedByHand')
    return err('BOOKING.DAY_CLOSED', { date: plan.date, closed: plan.closed, note: plan.closedNote || null });
  const at = Date.parse(startAt);
  const slot = plan.slots.find((s) => Date.parse(s.startAt) === at);
  return slot ? ok({ plan, slot }) : err('BOOKING.SLOT_NOT_FOUND', { date: plan.date });
}
