import { describe, expect, it } from 'vitest';
import {
  addUsage,
  capGrant,
  expirable,
  expiryCutoff,
  foldLedger,
  maskName,
  monthlyBoard,
  pointsFor,
  provenHours,
  redemptionRefusal,
  reversalOf,
  reversalRefusal,
  type CapUsage,
} from './ledger.rules';
import type { Entry } from './volunteer.schema';

const by = { openid: 'staff', name: '王丽', role: '社区工作人员' };
let n = 0;
const entry = (kind: Entry['kind'], points: number, hours = 0, more: Partial<Entry> = {}): Entry => ({
  _id: `e${n++}`,
  ledger: 'volunteer',
  communityId: 'c',
  openid: 'v1',
  name: '陈秀英',
  kind,
  points,
  hours,
  reason: '',
  recordedBy: by,
  at: '2026-11-20T02:00:00.000Z',
  month: '2026-11',
  day: '2026-11-20',
  seq: n,
  balanceAfter: 0,
  ...more,
});

describe('foldLedger: the balance is the sum of the entries', () => {
  it.each([
    ['nothing yet', [], { balance: 0, earned: 0, spent: 0, hours: 0 }],
    ['one canteen shift: 2 hours, 2 points', [entry('grant', 2, 2)], { balance: 2, earned: 2, spent: 0, hours: 2 }],
    ['a meal bought', [entry('grant', 2, 2), entry('spend', -2)], { balance: 0, earned: 2, spent: 2, hours: 2 }],
    ['a grant reversed', [entry('grant', 3, 1.5), entry('reversal', -3, -1.5)], { balance: 0, earned: 0, spent: 0, hours: 0 }],
    ['a correction added', [entry('grant', 2, 2), entry('correction', 1)], { balance: 3, earned: 3, spent: 0, hours: 2 }],
    ['expiry takes points, not hours', [entry('grant', 5, 5), entry('expiry', -4)], { balance: 1, earned: 5, spent: 4, hours: 5 }],
    [
      'a cancelled redemption returns what it took',
      [entry('grant', 4, 4), entry('spend', -3), entry('reversal', 3)],
      { balance: 4, earned: 4, spent: 0, hours: 4 },
    ],
    ['decimals stay decimals', [entry('grant', 0.1), entry('grant', 0.2)], { balance: 0.3, earned: 0.3, spent: 0, hours: 0 }],
  ] as const)('%s', (_label, entries, expected) => {
    expect(foldLedger(entries)).toMatchObject(expected);
  });
});

describe('reversal: a correction is a new entry that undoes one, never an edit', () => {
  it('mirrors the entry it undoes and names it', () => {
    const grant = entry('grant', 2.5, 2.5, { activityId: 'a1', activityTitle: '食堂帮厨' });
    const undo = reversalOf(grant, by, '签到有误', new Date('2026-11-21T01:00:00Z'), '2026-11-21', '2026-11');
    expect(undo).toMatchObject({
      _id: `rev:${grant._id}`,
      kind: 'reversal',
      points: -2.5,
      hours: -2.5,
      reverses: grant._id,
      activityId: 'a1',
      reason: '签到有误',
    });
    expect(foldLedger([grant, { ...undo, seq: 9, balanceAfter: 0 }]).balance).toBe(0);
  });

  it.each([
    ['a grant', 'grant', false, null],
    ['a correction', 'correction', false, null],
    ['a grant already reversed', 'grant', true, 'alreadyReversed'],
    ['a reversal (correct again instead)', 'reversal', false, 'reversal'],
    ['a redemption (cancel it instead: the item goes back on the shelf)', 'spend', false, 'spend'],
  ] as const)('%s → %s', (_l, kind, reversed, expected) => {
    expect(reversalRefusal({ kind }, reversed)).toBe(expected);
  });
});

describe('capGrant: optional caps per day and per month', () => {
  const none: CapUsage = { month: 0, days: {} };
  it.each([
    ['no caps', { capPerDay: null, capPerMonth: null }, none, 8, 8, false],
    ['under the day cap', { capPerDay: 4, capPerMonth: null }, none, 3, 3, false],
    ['cut to the day cap', { capPerDay: 4, capPerMonth: null }, { month: 2, days: { '2026-11-20': 2 } }, 3, 2, true],
    ['another day does not count', { capPerDay: 4, capPerMonth: null }, { month: 4, days: { '2026-11-19': 4 } }, 3, 3, false],
    ['cut to the month cap', { capPerDay: null, capPerMonth: 20 }, { month: 19, days: {} }, 3, 1, true],
    ['the month is used up', { capPerDay: null, capPerMonth: 20 }, { month: 20, days: {} }, 3, 0, true],
    ['both: the tighter wins', { capPerDay: 4, capPerMonth: 20 }, { month: 18, days: { '2026-11-20': 1 } }, 5, 2, true],
    ['never below zero', { capPerDay: 2, capPerMonth: null }, { month: 5, days: { '2026-11-20': 5 } }, 3, 0, true],
  ] as const)('%s', (_l, caps, usage, points, allowed, capped) => {
    expect(capGrant(points, caps, usage, '2026-11-20')).toEqual({ points: allowed, capped });
  });

  it('usage adds up per day and month', () => {
    expect(addUsage(addUsage({ month: 0, days: {} }, '2026-11-20', 2), '2026-11-21', 1.5)).toEqual({
      month: 3.5,
      days: { '2026-11-20': 2, '2026-11-21': 1.5 },
    });
  });
});

describe('redemptionRefusal: no negative balance, no overselling', () => {
  it.each([
    ['enough points and stock', 5, 2, 3, true, null],
    ['exactly enough', 2, 2, 1, true, null],
    ['one point short', 1, 2, 3, true, 'insufficient'],
    ['the shelf is empty', 10, 2, 0, true, 'outOfStock'],
    ['taken off the shelf', 10, 2, 5, false, 'inactive'],
  ] as const)('%s', (_l, balance, price, left, active, expected) => {
    expect(redemptionRefusal(balance, price, left, active)).toBe(expected);
  });
});

describe('provenHours and pointsFor: service time proven on the spot', () => {
  const activity = { startAt: '2026-11-20T02:00:00.000Z', endAt: '2026-11-20T04:00:00.000Z' };
  it.each([
    ['in and out on time: 2 hours', { checkInAt: '2026-11-20T01:55:00.000Z', checkOutAt: '2026-11-20T04:05:00.000Z', method: 'qr' }, 2],
    [
      'left after 1 h 40: 1.5 hours (half hours, rounded down)',
      { checkInAt: '2026-11-20T02:00:00.000Z', checkOutAt: '2026-11-20T03:40:00.000Z', method: 'qr' },
      1.5,
    ],
    ['no check-out: nothing proven', { checkInAt: '2026-11-20T02:00:00.000Z', method: 'qr' }, 0],
    ['out before in', { checkInAt: '2026-11-20T03:00:00.000Z', checkOutAt: '2026-11-20T02:30:00.000Z', method: 'qr' }, 0],
    ['marked by hand with hours', { method: 'manual', manualHours: 1.5 }, 1.5],
  ] as const)('%s', (_l, attendance, hours) => {
    expect(provenHours(attendance, activity)).toBe(hours);
  });

  it.each([
    ['2 hours in the canteen at 1 point an hour (东塔社区)', { kind: 'perHour', points: 1 }, 2, true, 2],
    ['half-hour steps', { kind: 'perHour', points: 3 }, 1.5, true, 4.5],
    ['a haircut task at 5 points (灵西社区)', { kind: 'perTask', points: 5 }, 0, true, 5],
    ['absent earns nothing', { kind: 'perTask', points: 5 }, 0, false, 0],
  ] as const)('%s', (_l, rule, hours, present, points) => {
    expect(pointsFor(rule, hours, present)).toBe(points);
  });
});

describe('monthlyBoard: 公示 of hours and points by volunteer', () => {
  it('adds service by person, leaves spending out, most hours first, names masked', () => {
    const rows = monthlyBoard([
      entry('grant', 2, 2, { openid: 'a', name: '陈秀英', activityId: 'x' }),
      entry('grant', 3, 3, { openid: 'b', name: '王丽', activityId: 'x' }),
      entry('grant', 1, 1, { openid: 'a', name: '陈秀英', activityId: 'y' }),
      entry('spend', -3, 0, { openid: 'a', name: '陈秀英' }),
      entry('grant', 4, 4, { openid: 'c', name: '张建国', activityId: 'z' }),
      entry('reversal', -4, -4, { openid: 'c', name: '张建国', activityId: 'z', reverses: 'volunteer:grant:z:c' }),
    ]);
    expect(rows).toEqual([
      { name: '陈*英', hours: 3, points: 3, activities: 2 },
      { name: '王*', hours: 3, points: 3, activities: 1 },
    ]);
  });

  it.each([
    ['陈秀英', '陈*英'],
    ['王丽', '王*'],
    ['欧阳建国', '欧**国'],
    ['李', '李'],
  ])('masks %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('expirable: the oldest credits go first', () => {
  const at = (date: string) => `${date}T02:00:00.000Z`;
  const cutoff = new Date('2026-01-01T00:00:00Z');
  it.each([
    ['all recent', [{ points: 5, at: at('2026-03-01') }], 0],
    ['old and unused', [{ points: 5, at: at('2025-06-01') }], 5],
    [
      'old, partly spent',
      [
        { points: 5, at: at('2025-06-01') },
        { points: -3, at: at('2025-08-01') },
      ],
      2,
    ],
    [
      'old, spent after newer credits: still the old ones go first',
      [
        { points: 5, at: at('2025-06-01') },
        { points: 4, at: at('2026-03-01') },
        { points: -6, at: at('2026-04-01') },
      ],
      0,
    ],
    [
      'never more than the balance',
      [
        { points: 5, at: at('2025-06-01') },
        { points: -5, at: at('2026-04-01') },
      ],
      0,
    ],
  ])('%s', (_l, entries, expected) => {
    expect(expirable(entries, cutoff)).toBe(expected);
  });
});

describe('expiryCutoff: credits older than the life in months', () => {
  it.each([
    ['2026-11-20T02:00:00.000Z', 12, '2025-11-20T02:00:00.000Z'],
    ['2026-11-20T02:00:00.000Z', 1, '2026-10-20T02:00:00.000Z'],
    ['2026-03-15T00:00:00.000Z', 3, '2025-12-15T00:00:00.000Z'],
  ])('%s less %i months → %s', (now, months, cutoff) => expect(expiryCutoff(new Date(now), months).toISOString()).toBe(cutoff));

  it('an expiry already written counts as a debit: running it again expires nothing more', () => {
    const at = (date: string) => `${date}T02:00:00.000Z`;
    const cutoff = expiryCutoff(new Date(at('2026-11-20')), 12);
    const entries = [
      { points: 6, at: at('2025-06-01') },
      { points: -2, at: at('2025-09-01') },
      { points: 3, at: at('2026-10-01') },
    ];
    expect(expirable(entries, cutoff)).toBe(4);
    expect(expirable([...entries, { points: -4, at: at('2026-11-20') }], cutoff)).toBe(0);
  });
});
