export const REMINDER_KINDS = ['dayBefore', 'hourBefore'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR_MS = 3_600_000;

/** How long before the start each reminder goes out. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { dayBefore: 24 * HOUR_MS, hourBefore: HOUR_MS };

/** The field of the booking that records a reminder's claim. */
export const REMINDER_FIELD: Record<ReminderKind, 'remindedDayBeforeAt' | 'remindedHourBeforeAt'> = {
  dayBefore: 'remindedDayBeforeAt',
  hourBefore: 'remindedHourBeforeAt',
};

export interface RemindableBooking {
  status: string;
  startAt: string;
  createdAt: string;
  remindedDayBeforeAt?: string | undefined;
  remindedHourBeforeAt?: string | undefined;
}

/**
 * Which reminders are due now. A reminder is due from its lead time until the next one takes
 * over (the day-before one stops an hour before), and is skipped when the booking was made
 * inside its lead time: someone who booked this morning for this afternoon needs no "tomorrow".
 */
export function dueReminders(b: RemindableBooking, now: Date): ReminderKind[] {
  if (b.status !== 'booked') return [];
  const start = Date.parse(b.startAt);
  const created = Date.parse(b.createdAt);
  const t = now.getTime();
  if (t >= start) return [];
  const due: ReminderKind[] = [];
  const dayLead = start - REMINDER_LEAD_MS.dayBefore;
  const hourLead = start - REMINDER_LEAD_MS.hourBefore;
  if (!b.remindedDayBeforeAt && t >= dayLead && t < hourLead && created < dayLead) due.push('dayBefore');
  if (!b.remindedHourBeforeAt && t >= hourLead && created < hourLead) due.push('hourBefore');
  return due;
}
