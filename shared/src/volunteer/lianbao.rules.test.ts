import { describe, expect, it } from 'vitest';
import { coverageOf, householdLabel, overAssigned, splitByPartyMember, visitDue } from './lianbao.rules';

const now = new Date('2026-11-20T02:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('十户联保 coverage', () => {
  it.each([
    ['never visited', null, 30, true],
    ['visited 10 days ago', daysAgo(10), 30, false],
    ['visited 31 days ago', daysAgo(31), 30, true],
    ['visited 31 days ago, community counts 60', daysAgo(31), 60, false],
  ])('%s → due %s', (_l, last, days, due) => expect(visitDue(last, now, days)).toBe(due));

  it.each([
    [10, 10, false],
    [11, 10, true],
    [12, 15, false],
  ])('%i households against %i: warned %s', (households, per, over) => expect(overAssigned(households, per)).toBe(over));

  it('counts by party member and by building, most overdue first', () => {
    const a = (member: string, building: string, last: string | null) => ({
      partyMemberOpenid: member,
      partyMemberName: member === 'm1' ? '张建国' : '李桂兰',
      buildingId: building,
      buildingName: building === 'b1' ? '1号楼' : '2号楼',
      compoundName: '中捷木材小区',
      lastVisitAt: last,
    });
    const c = coverageOf([a('m1', 'b1', daysAgo(3)), a('m1', 'b1', null), a('m2', 'b2', daysAgo(40)), a('m2', 'b1', daysAgo(50))], now, 30);
    expect(c).toMatchObject({ households: 4, due: 3 });
    expect(c.byPartyMember).toEqual([
      { key: 'm2', label: '李桂兰', households: 2, due: 2 },
      { key: 'm1', label: '张建国', households: 2, due: 1 },
    ]);
    expect(c.byBuilding.map((r) => [r.label, r.households, r.due])).toEqual([
      ['中捷木材小区 1号楼', 3, 2],
      ['中捷木材小区 2号楼', 1, 1],
    ]);
  });

  it('labels a household without its compound', () =>
    expect(householdLabel('中捷木材小区1号楼1单元101', '中捷木材小区')).toBe('1号楼1单元101'));
});

describe('敲门清单 by 联户党员', () => {
  const a = (householdId: string, openid: string, name: string) => ({
    householdId,
    partyMemberOpenid: openid,
    partyMemberName: name,
    partyMemberPhone: `139${openid}`,
  });
  const h = (id: string) => ({ householdId: id, name: id.slice(-3) });
  const assignments = [
    a('h-101', 'pm1', '李'),
    a('h-102', 'pm1', '李'),
    a('h-201', 'pm2', '王'),
    a('h-202', 'pm2', '王'),
    a('h-301', 'pm2', '王'),
  ];

  it.each([
    [
      'nobody read',
      ['h-101', 'h-102', 'h-201', 'h-202', 'h-301', 'h-401'],
      [
        ['pm2', 3],
        ['pm1', 2],
      ],
      1,
    ],
    ['pm1’s households all read', ['h-201', 'h-301'], [['pm2', 2]], 0],
    ['only households without a party member', ['h-401', 'h-402'], [], 2],
    [
      'ties by name',
      ['h-101', 'h-201'],
      [
        ['pm1', 1],
        ['pm2', 1],
      ],
      0,
    ],
    ['nothing unread', [], [], 0],
  ] as const)('%s', (_l, unread, expected, unassigned) => {
    const split = splitByPartyMember(unread.map(h), assignments);
    expect(split.byPartyMember.map((r) => [r.openid, r.count])).toEqual(expected);
    expect(split.unassigned).toBe(unassigned);
    // each party member gets only their own households, in the list's order
    for (const row of split.byPartyMember)
      expect(row.households.map((x) => x.householdId)).toEqual(
        unread.filter((id) => assignments.find((x) => x.householdId === id)?.partyMemberOpenid === row.openid),
      );
  });
});
