import { describe, expect, it } from 'vitest';
import { toBlocks, toRules } from './opening-blocks';

const rule = (weekday: number, start: string, end: string) => ({ weekday, start, end });

describe('opening blocks: weekly rules as staff edit them', () => {
  it.each([
    ['weekday mornings', [1, 2, 3, 4, 5].map((d) => rule(d, '09:00', '11:30')), [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '11:30' }]],
    [
      'mornings and afternoons',
      [rule(1, '08:30', '11:30'), rule(1, '13:30', '16:30'), rule(2, '08:30', '11:30'), rule(2, '13:30', '16:30')],
      [
        { days: [1, 2], start: '08:30', end: '11:30' },
        { days: [1, 2], start: '13:30', end: '16:30' },
      ],
    ],
    ['Thursday only', [rule(4, '09:00', '11:30')], [{ days: [4], start: '09:00', end: '11:30' }]],
    ['days out of order', [rule(5, '09:00', '10:00'), rule(1, '09:00', '10:00')], [{ days: [1, 5], start: '09:00', end: '10:00' }]],
  ])('%s', (_label, rules, blocks) => {
    expect(toBlocks(rules)).toEqual(blocks);
    // and back: the same set of rules
    const key = (r: { weekday: number; start: string }) => `${r.weekday}-${r.start}`;
    expect(toRules(blocks).map(key).sort()).toEqual(rules.map(key).sort());
  });
});
