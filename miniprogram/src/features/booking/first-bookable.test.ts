import type { AvailabilityDay, SlotView } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { firstBookableDay, splitGone } from './first-bookable';

const day = (date: string, free: number, takeable: number): AvailabilityDay => ({
  date,
  weekday: 1,
  kind: 'workday',
  estimated: false,
  closedReason: null,
  slots: 6,
  takeable,
  free,
});

describe('firstBookableDay', () => {
  it.each([
    ['today still has free seats', [day('d1', 3, 2), day('d2', 9, 6)], 'd1'],
    ['today is over: the next day with seats', [day('d1', 0, 0), day('d2', 0, 0), day('d3', 4, 6)], 'd3'],
    [
      "everything full: the first day one can still wait for, not today's passed slots",
      [day('d1', 0, 0), day('d2', 0, 6), day('d3', 0, 6)],
      'd2',
    ],
    ['nothing at all: the first day', [day('d1', 0, 0), day('d2', 0, 0)], 'd1'],
    ['no days', [], null],
  ])('%s', (_label, days, expected) => expect(firstBookableDay(days)).toBe(expected));
});

const slot = (start: string, state: SlotView['state']): SlotView => ({
  slotId: start,
  start,
  end: start,
  startAt: start,
  endAt: start,
  seats: 3,
  left: 3,
  waiting: 0,
  state,
  changeUntil: start,
  changeable: true,
  myBookingId: null,
  myWaitlist: null,
});

describe('splitGone', () => {
  it.each([
    ['a fresh day opens on its first slot', ['open', 'open'], 0],
    ['the morning has gone by: it opens on the first slot still to take', ['past', 'past', 'tooSoon', 'open', 'full'], 3],
    ['a full slot can still be waited for', ['past', 'full', 'open'], 1],
    ['a day that is over: all folded away', ['past', 'past'], 2],
  ] as const)('%s', (_label, states, folded) => {
    const slots = states.map((s, i) => slot(`0${i}:00`, s));
    const { gone, rest } = splitGone(slots);
    expect(gone).toHaveLength(folded);
    expect([...gone, ...rest]).toEqual(slots);
  });
});
