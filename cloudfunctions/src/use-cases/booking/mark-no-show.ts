import { err, noShowPolicySchema, ok, toBookingView, type BookingView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { noShowRefusal } from './no-show-block';

/**
 * Marks a booked resident as not having come. Only once the slot has started, and only from
 * 已预约 (a conditional write). Answers whether this closes online booking for them, and until when.
 */
export async function markNoShow(
  ctx: Ctx,
  input: { serviceId: string; bookingId: string },
): Promise<Result<{ booking: BookingView; blockedUntil: string | null }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const booking = await store.get(COLLECTIONS.bookings, input.bookingId);
  if (!booking || booking.serviceId !== input.serviceId) return err('BOOKING.NOT_FOUND');
  if (booking.status !== 'booked') return err('BOOKING.NOT_ACTIVE', { status: booking.status });
  if (now.getTime() < Date.parse(booking.startAt)) return err('BOOKING.NOT_STARTED');
  const at = now.toISOString();
  const changed = await store.update(
    COLLECTIONS.bookings,
    booking._id,
    { set: { status: 'noShow', noShowAt: at, markedBy: callerOpenid(ctx), updatedAt: at } },
    { status: 'booked' },
  );
  const after = await store.get(COLLECTIONS.bookings, booking._id);
  if (!after) throw new Error(`booking ${booking._id} vanished while marking a no-show`);
  if (!changed) return err('BOOKING.NOT_ACTIVE', { status: after.status });
  const schedule = await store.get(COLLECTIONS.bookingSchedules, booking.serviceId);
  const policy = noShowPolicySchema.parse(schedule?.settings.noShow ?? {});
  const blocked = await noShowRefusal(ctx, booking.openid, booking.communityId, policy, now, booking.hallPhone ?? null);
  const until = blocked?.error.details as { until?: string } | undefined;
  return ok({ booking: toBookingView(after, now), blockedUntil: until?.until ?? null });
}
