import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { expirePoints } from './expire-points';
import { remindFollowUps } from './remind-follow-ups';

/**
 * The volunteer function's one timer (CloudBase allows one per function), every hour: the day's
 * follow-up reminders, then a bounded page of points expiry. Both are safe to repeat.
 */
export async function runHourly(ctx: Ctx) {
  const reminded = (await remindFollowUps(ctx)).data;
  const expiry = (await expirePoints(ctx)).data;
  return ok({ queued: reminded.queued, expiry });
}
