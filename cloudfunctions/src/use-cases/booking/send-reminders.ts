import { dueReminders, ok, REMINDER_FIELD, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { enqueueQuietly } from '../notifications/message-outbox';
import { runBudget, yieldToEventLoop } from '../timer-budget';
import { bookingMessage } from './notify-booking';

const DAY_MS = 86_400_000;
/** Reminders queued per run, earliest booking first; the next run (5 minutes later) takes the rest. */
const REMINDERS_PER_RUN = 500;
/** Bookings marked at once: each mark is a round trip on CloudBase. */
const MARK_AT_ONCE = 10;

/**
 * The timer: reminders the day before and an hour before, queued in the outbox (the `messages`
 * timer sends them). Runs may repeat or overlap (CloudBase retries a timer that failed; the local
 * host may be asked to run it by hand): a reminder's outbox id names the booking, the kind and the
 * start time, so queueing it again writes nothing, and at most one message per booking and
 * reminder goes out. The booking is marked afterwards only so later runs skip it; a run that dies
 * before marking leaves the next run to queue it again, harmlessly. A run takes at most
 * REMINDERS_PER_RUN and stops marking once its budget (timer-budget.ts) is spent: what it did not
 * mark is still due and queued again, harmlessly, by the next run.
 */
export async function sendReminders(
  ctx: Ctx,
  _input: Record<string, never>,
): Promise<Result<{ queued: number; failed: number; claimedElsewhere: number }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const soon = await findAll(
    store,
    COLLECTIONS.bookings,
    { status: 'booked', startAt: { gt: now.toISOString(), lte: new Date(now.getTime() + DAY_MS).toISOString() } },
    [['startAt', 'asc']],
  );
  const budget = runBudget();
  const due = soon
    .flatMap((booking) => dueReminders(booking, now).map((kind) => ({ booking, kind, message: bookingMessage(booking, kind) })))
    .slice(0, REMINDERS_PER_RUN);
  if (due.length === 0) return ok({ queued: 0, failed: 0, claimedElsewhere: 0 });
  // not queued (logged): left unmarked, so the next run tries again
  if (
    !(await enqueueQuietly(
      ctx,
      due.map((d) => d.message),
      { about: 'booking reminders' },
    ))
  )
    return ok({ queued: 0, failed: due.length, claimedElsewhere: 0 });
  let queued = 0;
  let claimedElsewhere = 0;
  const mark = async ({ booking, kind, message }: (typeof due)[number]) => {
    const field = REMINDER_FIELD[kind];
    if (
      await store.update(
        COLLECTIONS.bookings,
        booking._id,
        { set: { [field]: now.toISOString() } },
        { status: 'booked', startAt: booking.startAt, [field]: null },
      )
    ) {
      queued++;
      return;
    }
    claimedElsewhere++;
    // cancelled or moved since it was read: take back the reminder about the old booking if it has not gone yet
    const fresh = await store.get(COLLECTIONS.bookings, booking._id);
    if (fresh?.status !== 'booked' || fresh.startAt !== booking.startAt)
      await store.update(
        COLLECTIONS.messages,
        message.id,
        { set: { status: 'cancelled', reason: 'booking changed' } },
        { status: 'pending' },
      );
  };
  for (let i = 0; i < due.length && budget.within(); i += MARK_AT_ONCE) {
    await Promise.all(due.slice(i, i + MARK_AT_ONCE).map(mark));
    await yieldToEventLoop();
  }
  return ok({ queued, failed: 0, claimedElsewhere });
}
