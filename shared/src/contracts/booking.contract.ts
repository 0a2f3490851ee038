import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../common/fields';
import { bookerSchema, bookingCodeSchema, bookingStatusSchema, bookingViewSchema, waitlistViewSchema } from '../booking/booking.schema';
import { scheduleInputSchema } from '../booking/schedule.schema';
import { idempotencyKeySchema } from '../common/idempotency';
import { defineContract } from './define';
import { onBehalfOfSchema } from '../ledger/proxy';

const serviceRef = { serviceId: idSchema };
const startAtSchema = z.iso.datetime({ message: '请选择一个时段' });

/** Who the seat is for: the caller (their name and phone), or 代办 a resident on the ledger (its name and phone, a note). */
const bookerOrProxy = {
  booker: bookerSchema.optional(),
  onBehalfOf: onBehalfOfSchema.optional(),
  note: z.string().trim().max(100, { message: '备注最多 100 个字' }).optional(),
};

export const bookableServiceSchema = z.object({
  _id: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  description: z.string(),
  materials: z.array(z.string()),
  location: z.string(),
  contact: z.string(),
  /** The hall's phone, found in the catalogue's contact: what a resident calls when the app cannot help. */
  phone: z.string().nullable(),
  servedBy: z.string(),
  slotMinutes: z.number(),
  windowDays: z.number(),
  noticeMinutes: z.number(),
  cancelCutoffMinutes: z.number(),
});
export type BookableService = z.infer<typeof bookableServiceSchema>;

export const dayKindSchema = z.enum(['workday', 'makeUpWorkday', 'weekend', 'holiday']);

export const availabilityDaySchema = z.object({
  date: z.string(),
  weekday: z.number(),
  kind: dayKindSchema,
  /** Past the holiday calendar's official data: shown with a warning. */
  estimated: z.boolean(),
  /** Why the day has no slots, in Chinese (节假日 / staff's reason), or null when it has some. */
  closedReason: z.string().nullable(),
  slots: z.number().int(),
  /** Slots that can still be taken now (booked, or waited for when full): not past, not too soon, inside the window. */
  takeable: z.number().int(),
  /** Seats still free in slots that can still be booked. */
  free: z.number().int(),
});
export type AvailabilityDay = z.infer<typeof availabilityDaySchema>;

export const SLOT_STATES = ['open', 'full', 'past', 'tooSoon', 'beyondWindow'] as const;
export const slotViewSchema = z.object({
  slotId: z.string(),
  start: z.string(),
  end: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  seats: z.number().int(),
  left: z.number().int(),
  waiting: z.number().int(),
  state: z.enum(SLOT_STATES),
  /** The cancellation cutoff of a booking made in this slot. */
  changeUntil: z.string(),
  /** A booking made now could still be cancelled or moved online; false inside the cutoff (it locks at once). */
  changeable: z.boolean(),
  /** The caller's own booking in this slot. */
  myBookingId: z.string().nullable(),
  /** The caller's place in this slot's waitlist (1 = next). */
  myWaitlist: z.object({ entryId: z.string(), position: z.number().int() }).nullable(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const rosterEntrySchema = z.object({
  bookingId: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  note: z.string(),
  status: bookingStatusSchema,
  source: z.enum(['direct', 'waitlist']),
  checkedInAt: z.string().optional(),
  /** 代办: 代 陈秀英 提交 · 社区工作人员 王丽. */
  proxyLine: z.string().optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterSlotSchema = z.object({
  slotId: z.string(),
  start: z.string(),
  end: z.string(),
  startAt: z.string(),
  seats: z.number().int(),
  bookings: z.array(rosterEntrySchema),
  waitlist: z.array(z.object({ name: z.string(), phone: z.string(), position: z.number().int(), proxyLine: z.string().optional() })),
});
export type RosterSlot = z.infer<typeof rosterSlotSchema>;

const settingsOutput = z.object({
  service: bookableServiceSchema
    .pick({ _id: true, name: true, communityId: true, communityName: true, location: true })
    .extend({ bookable: z.boolean() }),
  settings: scheduleInputSchema.nullable(),
  version: z.number().int(),
  calendarWarning: z.string().nullable(),
  lastOfficialYear: z.number().int(),
});

export const bookingContract = defineContract('booking', {
  /** Days of the booking window with their free seats. */
  days: {
    input: z.object(serviceRef),
    output: z.object({ service: bookableServiceSchema, days: z.array(availabilityDaySchema), calendarWarning: z.string().nullable() }),
  },
  /** The slots of one day, with seats left and the caller's own booking or place in line. */
  slots: {
    input: z.object({ ...serviceRef, date: calendarDateSchema }),
    output: z.object({ service: bookableServiceSchema, date: z.string(), day: availabilityDaySchema, slots: z.array(slotViewSchema) }),
  },
  /** 代办: with `onBehalfOf` (a ledger resident, places.searchResidents) staff or 三长五员 book for them; the booker is then the ledger's. */
  book: {
    input: z.object({ ...serviceRef, startAt: startAtSchema, ...bookerOrProxy, requestKey: idempotencyKeySchema }),
    output: z.object({ booking: bookingViewSchema }),
  },
  /** 我的预约, split by the server's clock: upcoming (soonest first), in line, and the rest (newest first). */
  mine: {
    input: z.object({}),
    output: z.object({ upcoming: z.array(bookingViewSchema), past: z.array(bookingViewSchema), waitlist: z.array(waitlistViewSchema) }),
  },
  get: {
    input: z.object({ bookingId: idSchema }),
    output: z.object({ booking: bookingViewSchema }),
  },
  /** Cancels (or releases a seat won from the waitlist); the seat passes to the next in line at once. */
  cancel: {
    input: z.object({ bookingId: idSchema }),
    output: z.object({ booking: bookingViewSchema }),
  },
  move: {
    input: z.object({ bookingId: idSchema, startAt: startAtSchema }),
    output: z.object({ booking: bookingViewSchema }),
  },
  joinWaitlist: {
    input: z.object({ ...serviceRef, startAt: startAtSchema, ...bookerOrProxy }),
    output: z.object({ entry: waitlistViewSchema }),
  },
  leaveWaitlist: {
    input: z.object({ entryId: idSchema }),
    output: z.object({ left: z.literal(true) }),
  },
  getSchedule: {
    input: z.object(serviceRef),
    output: settingsOutput,
  },
  saveSchedule: {
    input: z.object({ ...serviceRef, settings: scheduleInputSchema, version: z.number().int().min(0) }),
    output: settingsOutput.extend({ promoted: z.number().int() }),
  },
  /** The bookable services of a community with the day's figures, for staff. */
  today: {
    input: z.object({ communityId: idSchema, date: calendarDateSchema.optional() }),
    output: z.object({
      date: z.string(),
      communityName: z.string(),
      services: z.array(
        z.object({
          serviceId: z.string(),
          name: z.string(),
          scheduled: z.boolean(),
          booked: z.number().int(),
          checkedIn: z.number().int(),
          noShow: z.number().int(),
          waiting: z.number().int(),
        }),
      ),
      calendarWarning: z.string().nullable(),
    }),
  },
  /** A service's day (today when no date is given), by slot. */
  roster: {
    input: z.object({ ...serviceRef, date: calendarDateSchema.optional() }),
    output: z.object({
      service: bookableServiceSchema.pick({ _id: true, name: true, communityId: true, location: true }),
      date: z.string(),
      /** The server's clock: what has started and what "today" is are its answers, not the phone's. */
      now: z.string(),
      today: z.string(),
      day: availabilityDaySchema.nullable(),
      slots: z.array(rosterSlotSchema),
    }),
  },
  /** At a community's counter: the code must be a booking of that community. */
  checkIn: {
    input: z.object({ communityId: idSchema, code: bookingCodeSchema }),
    output: z.object({ booking: bookingViewSchema }),
  },
  markNoShow: {
    input: z.object({ ...serviceRef, bookingId: idSchema }),
    output: z.object({ booking: bookingViewSchema, blockedUntil: z.string().nullable() }),
  },
  /** Timer: reminders the day before and an hour before, queued for the `messages` sender (failed: not queued, retried next run). */
  remind: {
    input: z.object({}),
    output: z.object({ queued: z.number().int(), failed: z.number().int(), claimedElsewhere: z.number().int() }),
  },
});
