import { z } from 'zod';
import {
  calendarChangeSchema,
  holidayRunSchema,
  localClosureInputSchema,
  localClosureSchema,
  yearScheduleInputSchema,
} from '../calendar/calendar.schema';
import { HOLIDAY_NAMES } from '../calendar/statutory.rules';
import { calendarDateSchema, idSchema } from '../common/fields';
import { idempotencyKeySchema } from '../common/idempotency';
import { defineContract } from './define';

const yearSchema = z.number().int().min(2000, { message: '年份不对' }).max(2100, { message: '年份不对' });

export const calendarYearViewSchema = z.object({
  year: z.number(),
  /** Where the year's working days come from now. */
  source: z.enum(['entered', 'package', 'computed']),
  lastOfficialYear: z.number(),
  /** Set while the year's 调休 is unknown (nobody entered the notice and the package lacks it). */
  warning: z.string().nullable(),
  /** The statutory holidays computed for the year: the form starts from them. */
  statutory: z.array(z.object({ date: z.string(), name: z.enum(HOLIDAY_NAMES) })),
  schedule: z
    .object({
      noticeTitle: z.string(),
      noticeDate: z.string(),
      holidays: z.array(holidayRunSchema),
      workdays: z.array(z.string()),
      enteredBy: z.object({ openid: z.string(), name: z.string() }),
      enteredAt: z.string(),
      version: z.number(),
    })
    .nullable(),
  /** Local closures from today on, in the places the caller keeps. */
  closures: z.array(localClosureSchema),
  /** The latest changes (who, when, what). */
  changes: z.array(calendarChangeSchema),
});
export type CalendarYearView = z.infer<typeof calendarYearViewSchema>;

export const calendarContract = defineContract('calendar', {
  year: { input: z.object({ year: yearSchema }), output: calendarYearViewSchema },
  enterSchedule: {
    input: yearScheduleInputSchema.and(
      z.object({
        key: idempotencyKeySchema,
        /** The version the form was loaded with (0 when the year had none). */
        expectedVersion: z.number().int().min(0),
      }),
    ),
    output: calendarYearViewSchema,
  },
  addClosure: {
    input: localClosureInputSchema.extend({ key: idempotencyKeySchema, year: yearSchema }),
    output: calendarYearViewSchema,
  },
  removeClosure: {
    input: z.object({ key: idempotencyKeySchema, placeId: idSchema, date: calendarDateSchema, year: yearSchema }),
    output: calendarYearViewSchema,
  },
  /** The follow-up of calendar changes (deadlines, bookings), run by the timer. */
  applyChanges: { input: z.object({}), output: z.object({ changes: z.number(), requests: z.number(), bookings: z.number() }) },
});
