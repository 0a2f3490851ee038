import type { AvailabilityDay, SlotView } from '@linli/shared';

/**
 * The day the slot list opens on: the first with a free seat, else the first with a slot that can
 * still be waited for, else the first of the window. Never a day whose slots have all gone by
 * when a later one can still be booked.
 */
export function firstBookableDay(days: readonly AvailabilityDay[]): string | null {
  return (days.find((d) => d.free > 0) ?? days.find((d) => d.takeable > 0) ?? days[0])?.date ?? null;
}

const gone = (s: SlotView) => s.state === 'past' || s.state === 'tooSoon';

/**
 * A day's slots split where the list should start: the ones already gone by (past, or too soon to
 * book) before the first that can still be taken are folded away, so the list opens on that one.
 */
export function splitGone<S extends SlotView>(slots: readonly S[]): { gone: S[]; rest: S[] } {
  const first = slots.findIndex((s) => !gone(s));
  const cut = first === -1 ? slots.length : first;
  return { gone: slots.slice(0, cut), rest: slots.slice(cut) };
}
