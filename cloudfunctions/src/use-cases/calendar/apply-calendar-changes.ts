import { ok, recountDeadline, shanghaiDate, shanghaiInstant, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { cancelBookingsOnClosedDays } from '../booking/cancel-closed-day';
import { findAll } from '../find-all';
import { mutateRequest } from '../requests/commit-request';
import { readCalendarEntries } from './calendar-entries';
import { calendarOf } from './calendar-view';

const CHANGES_AT_ONCE = 10;
/** The requests one change may touch: every open deadline from its first changed date on, bounded. */
const REQUESTS_CAP = 10_000;
const WRITE_AT_ONCE = 10;

/**
 * The follow-up of calendar changes, oldest first: the open requests whose deadline lies on or
 * after a changed date are counted again on the calendar as it is now (a no-op for those already
 * right, so a repeated or overlapping run changes nothing twice), each with a timeline line. A
 * change is marked done only when all of it was handled; the timer (every 5 minutes) goes on with
 * what a run left.
 */
export async function applyCalendarChanges(
  ctx: Ctx,
  _input: unknown = {},
  _loaded?: unknown,
  options: { pages?: number } = {},
): Promise<Result<{ changes: number; requests: number; bookings: number }>> {
  const { store, clock } = ctx.ports;
  const pending = await store.find('calendar_changes', {
    where: { 'cursor.done': false },
    orderBy: [['at', 'asc']],
    limit: Math.min(options.pages ?? CHANGES_AT_ONCE, CHANGES_AT_ONCE),
  });
  if (pending.length === 0) return ok({ changes: 0, requests: 0, bookings: 0 });
  const now = clock.now();
  const calendar = calendarOf(ctx, await readCalendarEntries(store));
  const totals = { changes: 0, requests: 0, bookings: 0 };
  for (const change of pending) {
    // a schedule also ends the estimate of every deadline reaching into its year, changed dates or not
    const first = [...change.changedDates, ...(change.kind === 'schedule' ? [`${change.subject}-01-01`] : [])].sort()[0];
    let moved = 0;
    if (first) {
      const open = await findAll(
        store,
        'requests',
        { deadlineAt: { gte: shanghaiInstant(first).toISOString() } },
        [['deadlineAt', 'asc']],
        REQUESTS_CAP,
      );
      const one = async (id: string) => {
        const done = await mutateRequest(ctx, id, (r) => recountDeadline(r, { now, calendar }));
        if (done.ok && done.data.changed) moved++;
      };
      for (let i = 0; i < open.length; i += WRITE_AT_ONCE) await Promise.all(open.slice(i, i + WRITE_AT_ONCE).map((r) => one(r._id)));
    }
    // bookings from today on, on the dates that changed (those that became closed are cancelled)
    const today = shanghaiDate(now);
    const reason = change.kind === 'schedule' ? `${change.subject} 年节假日安排调整，这天放假` : change.summary;
    const bookings = await cancelBookingsOnClosedDays(
      ctx,
      change.changedDates.filter((d) => d >= today),
      calendar,
      reason,
    );
    const applied = { requests: moved, bookings };
    await store.update(
      'calendar_changes',
      change._id,
      { set: { appliedAt: now.toISOString(), applied, cursor: { requests: null, bookings: null, done: true } } },
      { 'cursor.done': false },
    );
    totals.changes++;
    totals.requests += moved;
    totals.bookings += bookings;
  }
  return ok(totals);
}
