import { describe, expect, it } from 'vitest';
import { noShowBlock } from './no-show.rules';

const policy = { limit: 3, withinDays: 30, blockDays: 14 };
const at = (date: string) => `${date}T01:00:00.000Z`;

describe('noShowBlock: 3 no-shows in 30 days close online booking for 14 days', () => {
  it.each([
    ['no no-shows', [], policy, '2026-11-20', null],
    ['two no-shows', ['2026-11-01', '2026-11-10'], policy, '2026-11-20', null],
    ['three within 30 days', ['2026-11-01', '2026-11-10', '2026-11-15'], policy, '2026-11-20', at('2026-11-29')],
    ['three exactly 30 days apart', ['2026-10-16', '2026-11-01', '2026-11-15'], policy, '2026-11-20', at('2026-11-29')],
    ['three spread over 31 days', ['2026-10-15', '2026-11-01', '2026-11-15'], policy, '2026-11-20', null],
    ['a block that has run out', ['2026-10-01', '2026-10-05', '2026-10-10'], policy, '2026-11-20', null],
    ['the last day of a block', ['2026-11-01', '2026-11-05', '2026-11-06'], policy, '2026-11-20', at('2026-11-20')],
    [
      'four in a row: counted from the latest',
      ['2026-11-01', '2026-11-05', '2026-11-06', '2026-11-12'],
      policy,
      '2026-11-20',
      at('2026-11-26'),
    ],
    ['a policy of 2 no-shows', ['2026-11-10', '2026-11-15'], { ...policy, limit: 2 }, '2026-11-20', at('2026-11-29')],
    ['a policy that never blocks', ['2026-11-01', '2026-11-10', '2026-11-15'], { ...policy, blockDays: 0 }, '2026-11-20', null],
  ])('%s', (_label, dates, p, today, until) => {
    const now = new Date(`${today}T00:30:00.000Z`);
    expect(noShowBlock(dates.map(at), p, now).blockedUntil).toBe(until);
  });

  it('counts the recent no-shows for the message', () => {
    expect(noShowBlock(['2026-09-01', '2026-11-01', '2026-11-10'].map(at), policy, new Date('2026-11-20T02:00:00Z')).recent).toBe(2);
  });
});
