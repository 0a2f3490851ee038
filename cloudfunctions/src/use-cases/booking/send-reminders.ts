import { dueReminders, ok, REMINDER_FIELD, type Booking, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { notifyBooking } from './notify-booking';

const DAY_MS = 86_400_000;

/**
 * The timer: reminders the day before and an hour before. Runs may repeat or overlap (CloudBase
 * retries a timer that failed; the local host may be asked to run it by hand), so each reminder
 * is claimed by a conditional write on the booking before it is sent, and only the run that
 * claimed it sends it: at most one message per booking and reminder.
 */
export async function sendReminders(ctx: Ctx, _input: Record<string, never>): Promise<Result<{ sent: number; failed: number; claimedElsewhere: number }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const soon = await findAll<Booking>(
    store,
    COLLECTIONS.bookings,
    { status: 'booked', startAt: { gt: now.toISOString(), lte: new Date(now.getTime() + DAY_MS).toISOString() } },
    [['startAt', 'asc']],
  );
  let sent = 0;
  let failed = 0;
  let claimedElsewhere = 0;
  for (const booking of soon)
    for (const kind of dueReminders(booking, now)) {
      const field = REMINDER_FIELD[kind];
      const claimed = await store.update(COLLECTIONS.bookings, booking._id, { set: { [field]: now.toISOString() } }, { status: 'booked', [field]: null });
      if (!claimed) {
        claimedElsewhere++;
        continue;
      }
      // a lost message is better than a doubled one: a failed send keeps its claim
      if ((await notifyBooking(ctx, booking, kind)) === 'sent') sent++;
      else failed++;
    }
  return ok({ sent, failed, claimedElsewhere });
}
