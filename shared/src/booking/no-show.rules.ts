import type { NoShowPolicy } from './schedule.schema';

const DAY_MS = 86_400_000;

export interface NoShowBlock {
  /** Until when online booking is closed to this resident (ISO), or null. */
  blockedUntil: string | null;
  /** No-shows within the policy's window ending now, to say how many. */
  recent: number;
}

/**
 * `limit` no-shows whose slots fall within `withinDays` of one another close online booking
 * for `blockDays`, counted from the slot that made the limit. Counting by slot time keeps the
 * answer the same whenever staff get round to marking.
 */
export function noShowBlock(slotStarts: readonly string[], policy: NoShowPolicy, now: Date): NoShowBlock {
  const times = slotStarts
    .map((s) => Date.parse(s))
    .filter((t) => t <= now.getTime())
    .sort((a, b) => a - b);
  const recent = times.filter((t) => now.getTime() - t <= policy.withinDays * DAY_MS).length;
  if (policy.blockDays === 0) return { blockedUntil: null, recent };
  let until = 0;
  for (let i = policy.limit - 1; i < times.length; i++) {
    const first = times[i - policy.limit + 1]!;
    const last = times[i]!;
    if (last - first <= policy.withinDays * DAY_MS) until = Math.max(until, last + policy.blockDays * DAY_MS);
  }
  return { blockedUntil: until > now.getTime() ? new Date(until).toISOString() : null, recent };
}

/** How far back no-shows can still matter: the counting window plus the block. */
export const noShowLookbackMs = (policy: NoShowPolicy): number => (policy.withinDays + policy.blockDays) * DAY_MS;
