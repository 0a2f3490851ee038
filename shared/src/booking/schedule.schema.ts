import { z } from 'zod';
import { calendarDateSchema } from '../common/fields';

/** HH:mm on a 24-hour Shanghai wall clock. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeOfDaySchema = z.string().trim().regex(TIME_OF_DAY_PATTERN, { message: '时间要写成 09:00 这样的格式' });

export const minutesOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WEEKDAY_LABELS: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** "Every Thursday 9:00–11:30": one opening of the week. A day may have several (morning and afternoon). */
export const weeklyRuleSchema = z
  .object({
    weekday: z.number().int().min(1, { message: '请选择星期几' }).max(7, { message: '请选择星期几' }),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((r) => minutesOfDay(r.end) > minutesOfDay(r.start), { message: '结束时间要晚于开始时间', path: ['end'] });
export type WeeklyRule = z.infer<typeof weeklyRuleSchema>;

export const closedDateSchema = z.object({
  date: calendarDateSchema,
  reason: z.string().trim().max(30, { message: '停约原因最多 30 个字' }).default(''),
});
export type ClosedDate = z.infer<typeof closedDateSchema>;

const minutes = (label: string, min: number, max: number) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}要填整数` })
    .min(min, { message: `${label}最少 ${min}` })
    .max(max, { message: `${label}最多 ${max}` });

/**
 * 3 no-shows within 30 days keep a resident from booking online for 14 days. Counted across
 * the community's services: the hall is one place and a seat left empty is lost to a neighbour.
 */
export const noShowPolicySchema = z.object({
  limit: minutes('未到次数', 1, 20).default(3),
  withinDays: minutes('统计天数', 1, 365).default(30),
  blockDays: minutes('暂停天数', 0, 365).default(14),
});
export type NoShowPolicy = z.infer<typeof noShowPolicySchema>;

/** What community staff set for one bookable service. */
export const scheduleInputSchema = z
  .object({
    rules: z.array(weeklyRuleSchema).min(1, { message: '请至少添加一个开放时段' }).max(28, { message: '开放时段最多 28 个' }),
    slotMinutes: minutes('每个时段的分钟数', 5, 240),
    seats: minutes('每个时段的名额', 1, 200),
    /** Who serves (e.g. 社区法律顾问 王律师); shown to residents. */
    servedBy: z.string().trim().max(30, { message: '接待人最多 30 个字' }).default(''),
    /** Which room, when it is not the catalogue's location. */
    room: z.string().trim().max(40, { message: '地点最多 40 个字' }).default(''),
    /** Slots can be booked up to this many days ahead (today + windowDays). */
    windowDays: minutes('可提前预约的天数', 1, 90).default(14),
    /** A slot can be booked until this many minutes before it starts. */
    noticeMinutes: minutes('最晚提前预约的分钟数', 0, 2880).default(30),
    /** Residents can cancel or move until this many minutes before the start. */
    cancelCutoffMinutes: minutes('取消截止的分钟数', 0, 2880).default(60),
    /**
     * A make-up workday (调休, e.g. a Saturday worked for the Spring Festival) opens with the
     * hours of this weekday: a hall open Monday–Friday opens; a Thursday-only clinic does not,
     * unless staff choose Thursday.
     */
    makeUpDayAs: z.number().int().min(1).max(5).default(1),
    closedDates: z.array(closedDateSchema).max(200, { message: '停约日期最多 200 个' }).default([]),
    /** How many upcoming bookings of this service one resident may hold; 0 = no limit. */
    maxActivePerResident: minutes('每人可同时预约的次数', 0, 10).default(1),
    noShow: noShowPolicySchema.default({ limit: 3, withinDays: 30, blockDays: 14 }),
  })
  .superRefine((s, ctx) => {
    s.rules.forEach((r, i) => {
      if (minutesOfDay(r.end) - minutesOfDay(r.start) < s.slotMinutes)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'end'],
          message: `${WEEKDAY_LABELS[r.weekday]} ${r.start}–${r.end} 不够一个 ${s.slotMinutes} 分钟的时段`,
        });
      s.rules.forEach((o, j) => {
        if (j > i && o.weekday === r.weekday && minutesOfDay(o.start) < minutesOfDay(r.end) && minutesOfDay(r.start) < minutesOfDay(o.end))
          ctx.addIssue({ code: 'custom', path: ['rules', j], message: `${WEEKDAY_LABELS[r.weekday]}的两个开放时段重叠了，请调整` });
      });
    });
    const dates = s.closedDates.map((d) => d.date);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['closedDates'], message: '停约日期有重复' });
  });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;
export type ScheduleInputDraft = z.input<typeof scheduleInputSchema>;

/** One document per service (its id is the service id). */
export const scheduleSchema = z.object({
  _id: z.string(),
  serviceId: z.string(),
  communityId: z.string(),
  settings: scheduleInputSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;
