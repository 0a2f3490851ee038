import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';

/** A holiday run of the State Council's notice: "10月1日至7日放假调休，共7天". */
export const holidayRunSchema = z
  .object({
    name: z.string().trim().min(1, { message: '请写上节日名称，如 春节' }).max(10, { message: '节日名称最多 10 个字' }),
    from: calendarDateSchema,
    to: calendarDateSchema,
  })
  .refine((r) => r.from <= r.to, { message: '放假的结束日不能早于开始日', path: ['to'] });
export type HolidayRun = z.infer<typeof holidayRunSchema>;

/** A year's official schedule as an admin typed it from the notice. */
export const yearScheduleInputSchema = z
  .object({
    year: z.number().int().min(2000, { message: '年份不对' }).max(2100, { message: '年份不对' }),
    noticeTitle: z.string().trim().min(4, { message: '请填写国务院办公厅通知的标题' }).max(80, { message: '通知标题最多 80 个字' }),
    noticeDate: calendarDateSchema,
    holidays: z.array(holidayRunSchema).min(1, { message: '请至少录入一段放假安排' }).max(20, { message: '放假安排最多 20 段' }),
    /** Make-up workdays: the weekend days worked (调休上班). */
    workdays: z.array(calendarDateSchema).max(20, { message: '调休上班日最多 20 天' }),
  })
  .superRefine((s, ctx) => {
    const y = String(s.year);
    s.holidays.forEach((h, i) => {
      if (h.from.slice(0, 4) !== y && h.to.slice(0, 4) !== y)
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'from'], message: `这段放假不在 ${y} 年，请核对年份` });
      if (daysBetween(h.from, h.to) > 14)
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: '一段放假最多 15 天，请核对日期' });
    });
    const off = new Set(s.holidays.flatMap((h) => datesOf(h.from, h.to)));
    s.workdays.forEach((d, i) => {
      if (off.has(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 已在放假安排里，不能同时是调休上班日` });
      if (Math.abs(Number(d.slice(0, 4)) - s.year) > 1)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 离 ${y} 年太远，请核对年份` });
    });
    if (new Set(s.workdays).size !== s.workdays.length) ctx.addIssue({ code: 'custom', path: ['workdays'], message: '调休上班日有重复' });
  });
export type YearScheduleInput = z.infer<typeof yearScheduleInputSchema>;

/** A local closure of a street's area (or a community's): a typhoon day, a local holiday. */
export const localClosureInputSchema = z.object({
  placeId: idSchema,
  date: calendarDateSchema,
  reason: z.string().trim().min(2, { message: '请写上停办原因，如 台风停工' }).max(40, { message: '原因最多 40 个字' }),
});
export type LocalClosureInput = z.infer<typeof localClosureInputSchema>;

export const localClosureSchema = localClosureInputSchema.extend({ placeName: z.string(), addedBy: z.string(), addedAt: z.string() });
export type LocalClosureView = z.infer<typeof localClosureSchema>;

/** What one calendar change was, for the change log. */
export const calendarChangeKindSchema = z.enum(['schedule', 'closureAdded', 'closureRemoved']);

export const calendarChangeSchema = z.object({
  _id: z.string(),
  kind: calendarChangeKindSchema,
  /** The year the schedule is for, or the closure's date. */
  subject: z.string(),
  /** The place of a closure; the whole country for a schedule. */
  placeId: z.string().nullable(),
  summary: z.string(),
  /** The dates whose working-day answer changed. */
  changedDates: z.array(z.string()),
  by: z.object({ openid: z.string(), name: z.string() }),
  at: z.string(),
  /** The follow-up (deadlines moved, bookings cancelled) is done. */
  appliedAt: z.string().nullable(),
  applied: z.object({ requests: z.number(), bookings: z.number() }).nullable(),
});
export type CalendarChange = z.infer<typeof calendarChangeSchema>;

export const scheduleRefSchema = { idempotencyKey: idempotencyKeySchema };

export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < 400; i++) {
    const date = d.toISOString().slice(0, 10);
    if (date > to) break;
    out.push(date);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000);
}
