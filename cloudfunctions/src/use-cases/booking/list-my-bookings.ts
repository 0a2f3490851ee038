import { ok, toBookingView, type BookingView, type Result, type WaitlistView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toWaitlistView } from './waitlist-view';

/** 我的预约: upcoming bookings soonest first, then the rest newest first, and the lines the caller is in. */
export async function listMyBookings(
  ctx: Ctx,
  _input: Record<string, never>,
): Promise<Result<{ upcoming: BookingView[]; past: BookingView[]; waitlist: WaitlistView[] }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const nowIso = now.toISOString();
  const [all, entries] = await Promise.all([
    store.find(COLLECTIONS.bookings, { where: { openid }, orderBy: [['startAt', 'desc']], limit: 100 }),
    store.find(COLLECTIONS.bookingWaitlist, {
      where: { openid, status: 'waiting', startAt: { gt: nowIso } },
      orderBy: [['startAt', 'asc']],
      limit: 50,
    }),
  ]);
  const upcoming = all.filter((b) => b.status === 'booked' && b.endAt > nowIso).reverse();
  const rest = all.filter((b) => !(b.status === 'booked' && b.endAt > nowIso));
  const waitlist = await Promise.all(entries.map((e) => toWaitlistView(store, e)));
  return ok({ upcoming: upcoming.map((b) => toBookingView(b, now)), past: rest.map((b) => toBookingView(b, now)), waitlist });
}
