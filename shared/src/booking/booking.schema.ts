import { z } from 'zod';
import { personNameSchema, phoneSchema } from '../common/fields';
import { INVITE_ALPHABET } from '../identity/identity.schema';
import { onBehalfLine, proxySchema } from '../ledger/proxy';

export const BOOKING_STATUSES = ['booked', 'cancelled', 'checkedIn', 'noShow'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  checkedIn: '已签到',
  noShow: '未到',
};

/** Booking codes are read aloud at the counter: the invitation alphabet has no 0/O, 1/I/L. */
export const BOOKING_CODE_ALPHABET = INVITE_ALPHABET;
export const BOOKING_CODE_LENGTH = 6;
export const bookingCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`), { message: '预约码是 6 位字母和数字，请核对后再输入' }),
  );

/**
 * A client-generated key per booking attempt: a retried request carries the same key and
 * lands on the same booking document.
 */

/** What a resident types when confirming. */
export const bookerSchema = z.object({
  name: personNameSchema,
  phone: phoneSchema,
  note: z.string().trim().max(100, { message: '备注最多 100 个字' }).default(''),
});
export type Booker = z.infer<typeof bookerSchema>;

export const BOOKING_SOURCES = ['direct', 'waitlist'] as const;

/** The stored booking. Its id comes from the client's request key. */
export const bookingSchema = z.object({
  _id: z.string(),
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  communityId: z.string(),
  slotId: z.string(),
  /** Shanghai date and the slot's instants (ISO). */
  date: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  location: z.string(),
  servedBy: z.string(),
  /** The hall's phone as it stood when booked, for when the booking can no longer change online. */
  hallPhone: z.string().optional(),
  /** The cancellation cutoff as it stood when booked: the resident was told this time. */
  changeUntil: z.string(),
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  note: z.string(),
  status: bookingStatusSchema,
  source: z.enum(BOOKING_SOURCES),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().optional(),
  /** Why the booking was cancelled when not by the resident (the day became a holiday or a local closure). */
  cancelReason: z.string().optional(),
  checkedInAt: z.string().optional(),
  checkedInBy: z.string().optional(),
  noShowAt: z.string().optional(),
  markedBy: z.string().optional(),
  /** When each reminder was claimed by a timer run; a claim is made once, by a conditional write. */
  remindedDayBeforeAt: z.string().optional(),
  remindedHourBeforeAt: z.string().optional(),
  /** 代办: who booked for this resident (staff or 三长五员); the owner is then `proxy:<ledger id>` until they bind. */
  proxy: proxySchema.optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** A booking as its owner and staff see it. */
export const bookingViewSchema = bookingSchema
  .omit({ openid: true, remindedDayBeforeAt: true, remindedHourBeforeAt: true, proxy: true })
  .extend({
    /** Still booked and before the cutoff. */
    canChange: z.boolean(),
    /** 代办: 代 陈秀英 提交 · 社区工作人员 王丽. */
    proxyLine: z.string().optional(),
  });
export type BookingView = z.infer<typeof bookingViewSchema>;

/** One document per (service, start): the seats of a slot, counted with conditional writes. */
export const slotSchema = z.object({
  _id: z.string(),
  serviceId: z.string(),
  communityId: z.string(),
  date: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  seats: z.number().int(),
  taken: z.number().int(),
  /** Residents waiting for a seat. Free seats go to them before anyone new. */
  waiting: z.number().int(),
  /** The last place number handed out in this slot's line: places are unique even within one millisecond. */
  lineSeq: z.number().int().optional(),
});
export type Slot = z.infer<typeof slotSchema>;

export const WAITLIST_STATUSES = ['waiting', 'promoted', 'left', 'skipped', 'expired'] as const;
export const waitlistStatusSchema = z.enum(WAITLIST_STATUSES);
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>;

export const waitlistEntrySchema = z.object({
  _id: z.string(),
  slotId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  communityId: z.string(),
  date: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  note: z.string(),
  status: waitlistStatusSchema,
  joinedAt: z.string(),
  /** Place in the line, from the slot's lineSeq: first come, first served. */
  seq: z.number().int(),
  bookingId: z.string().optional(),
  updatedAt: z.string(),
  /** 代办: who put this resident in line; a booking won from the line carries it on. */
  proxy: proxySchema.optional(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const waitlistViewSchema = waitlistEntrySchema.omit({ openid: true, proxy: true }).extend({
  proxyLine: z.string().optional(),
  /** 1 = next in line; 0 when no longer waiting. */
  position: z.number().int(),
});
export type WaitlistView = z.infer<typeof waitlistViewSchema>;

/** A stored booking as its owner and staff see it at `now`. */
export function toBookingView(b: Booking, now: Date): BookingView {
  const { openid: _o, remindedDayBeforeAt: _d, remindedHourBeforeAt: _h, proxy, ...view } = b;
  return {
    ...view,
    canChange: b.status === 'booked' && now.getTime() <= Date.parse(b.changeUntil),
    ...(proxy ? { proxyLine: onBehalfLine(b.name, proxy) } : {}),
  };
}
