import { err, noShowBlock, noShowLookbackMs, type Err, type NoShowPolicy } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * The no-show rule, over the resident's no-shows at this community's services. Read before the
 * booking transaction: a block changes only when staff mark someone, never under load.
 */
export async function noShowRefusal(
  ctx: Ctx,
  openid: string,
  communityId: string,
  policy: NoShowPolicy,
  now: Date,
  phone: string | null,
): Promise<Err | null> {
  const since = new Date(now.getTime() - noShowLookbackMs(policy)).toISOString();
  const missed = await ctx.ports.store.find(COLLECTIONS.bookings, {
    where: { openid, status: 'noShow', startAt: { gte: since } },
    orderBy: [['startAt', 'desc']],
    limit: 200,
  });
  const block = noShowBlock(
    missed.filter((b) => b.communityId === communityId).map((b) => b.startAt),
    policy,
    now,
  );
  if (!block.blockedUntil) return null;
  return err('BOOKING.BLOCKED_NO_SHOW', {
    until: block.blockedUntil,
    count: Math.max(block.recent, policy.limit),
    withinDays: policy.withinDays,
    phone,
  });
}
