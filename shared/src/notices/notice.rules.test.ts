import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../roles/role.schema';
import type { TeamMember } from '../team/team.schema';
import {
  actingGrant,
  archiveMonth,
  canManage,
  canPublishCategory,
  canTarget,
  clipThing,
  compareFeed,
  findHeads,
  groupDoorList,
  noticeMessageData,
  noticeState,
  publisherLabel,
  retryDelayMs,
  scheduleNotice,
  summarizeReach,
  walkKey,
  type DoorHousehold,
  type UnitReach,
} from './notice.rules';
import { countsOf } from './notice.rules';
import { publishInputSchema, type NoticeCategory } from './notice.schema';

const g = (role: Role, placeId: string, placePath: string[] = [], placeName = ''): Grant => ({
  role,
  placeId,
  placePath,
  placeName,
  grantedAt: '',
  grantedBy: '',
});

// 区 d › 街道 s › 社区 c1 (小区 pA, pB), 社区 c2 (小区 pC)
const street = { _id: 's', kind: 'street' as const, path: ['d'] };
const c1 = { _id: 'c1', kind: 'community' as const, path: ['d', 's'] };
const c2 = { _id: 'c2', kind: 'community' as const, path: ['d', 's'] };
const pA = { _id: 'pA', kind: 'compound' as const, path: ['d', 's', 'c1'] };
const pB = { _id: 'pB', kind: 'compound' as const, path: ['d', 's', 'c1'] };
const pC = { _id: 'pC', kind: 'compound' as const, path: ['d', 's', 'c2'] };
const bA1 = { _id: 'pA-b1', kind: 'building' as const, path: ['d', 's', 'c1', 'pA'] };
const bB1 = { _id: 'pB-b1', kind: 'building' as const, path: ['d', 's', 'c1', 'pB'] };
const uA1 = { _id: 'pA-b1-u1', kind: 'unit' as const, path: ['d', 's', 'c1', 'pA', 'pA-b1'] };
const hA = { _id: 'pA-b1-u1-101', kind: 'household' as const, path: ['d', 's', 'c1', 'pA', 'pA-b1', 'pA-b1-u1'] };
const district = { _id: 'd', kind: 'district' as const, path: [] };

const leaderA = g('pointLeader', 'pA', ['d', 's', 'c1']);
const staffC1 = g('communityStaff', 'c1', ['d', 's']);
const streetS = g('streetStaff', 's', ['d']);
const admin = g('admin', 'd');

describe('targeting: nobody publishes beyond their scope', () => {
  it.each([
    ['point leader → own compound', [leaderA], pA, true],
    ['point leader → a building of own compound', [leaderA], bA1, true],
    ['point leader → neighbouring compound', [leaderA], pB, false],
    ['point leader → a building next door', [leaderA], bB1, false],
    ['point leader → own community', [leaderA], c1, false],
    ['point leader → a unit (never a target)', [leaderA], uA1, false],
    ['point leader → a household (never a target)', [leaderA], hA, false],
    ['community staff → own community', [staffC1], c1, true],
    ['community staff → a chosen compound', [staffC1], pB, true],
    ['community staff → a chosen building', [staffC1], bB1, true],
    ['community staff → another community', [staffC1], c2, false],
    ['community staff → a compound of another community', [staffC1], pC, false],
    ['community staff → the whole street', [staffC1], street, false],
    ['street staff → the street', [streetS], street, true],
    ['street staff → any community in it', [streetS], c2, true],
    ['street staff → the district', [streetS], district, false],
    ['admin → the district', [admin], district, true],
    ['resident → own compound', [g('resident', hA._id, hA.path)], pA, false],
    ['honorary leader (楼栋长) → own compound', [g('honoraryLeader', 'pA', pA.path)], pA, false],
    ['nobody → anything', [], pA, false],
  ] as const)('%s → %s', (_label, grants, place, expected) => {
    expect(canTarget(grants, place)).toBe(expected);
  });

  it.each([
    ['all targets in scope', [staffC1], [pA, bB1], true],
    ['one target out of scope', [staffC1], [pA, pC], false],
    ['point leader, own compound and its building', [leaderA], [pA, bA1], true],
    ['no targets at all', [admin], [], false],
  ] as const)('managing a notice: %s → %s', (_label, grants, targets, expected) => {
    expect(canManage(grants, targets)).toBe(expected);
  });

  it.each([
    ['阳光三务 by a point leader', [leaderA], 'sunshine', [pA], false],
    ['阳光三务 by community staff', [staffC1], 'sunshine', [pA], true],
    ['阳光三务 by street staff to a community', [streetS], 'sunshine', [c2], true],
    ['紧急 by a point leader', [leaderA], 'urgent', [pA], true],
  ] as const)('%s → %s', (_label, grants, category, targets, expected) => {
    expect(canPublishCategory(grants, category as NoticeCategory, targets)).toBe(expected);
  });

  it('acts under the narrowest grant that covers every target, and labels the publisher with it', () => {
    const grants = [streetS, { ...staffC1, placeName: '新光社区' }];
    expect(actingGrant(grants, [pA])?.role).toBe('communityStaff');
    expect(actingGrant(grants, [pA, pC])?.role).toBe('streetStaff');
    expect(actingGrant([leaderA], [pC])).toBeUndefined();
    expect(publisherLabel({ role: 'pointLeader', placeName: '新光花园' }, '孙丽华')).toBe('新光花园 小区点长 孙丽华');
  });
});

describe('publish input', () => {
  const base = { requestKey: 'abcDEF12', title: '停水通知', body: '明天停水', targetIds: ['pA'] };
  it.each([
    ['an ordinary notice', { category: 'notice' }, true],
    ['阳光三务 with its type', { category: 'sunshine', sunshineType: 'finance' }, true],
    ['阳光三务 without a type', { category: 'sunshine' }, false],
    ['a type on an ordinary notice', { category: 'urgent', sunshineType: 'party' }, false],
    ['no targets', { category: 'notice', targetIds: [] }, false],
    ['a key with a colon (delivery ids use colons)', { category: 'notice', requestKey: 'abc:defgh' }, false],
    ['a 41-character title', { category: 'notice', title: '通'.repeat(41) }, false],
    ['a blank body', { category: 'notice', body: '   ' }, false],
  ])('%s → valid %s', (_label, extra, valid) => {
    expect(publishInputSchema.safeParse({ ...base, ...extra }).success).toBe(valid);
  });
});

describe('schedule', () => {
  const now = new Date('2026-11-20T02:00:00.000Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  it.each([
    ['now, default expiry for 紧急 (3 days)', { category: 'urgent' }, { publishAt: at(0), expiresAt: at(3 * 24 * 60) }],
    ['now, default expiry for 通知 (14 days)', { category: 'notice' }, { publishAt: at(0), expiresAt: at(14 * 24 * 60) }],
    [
      'at a set time, expiry counted from then',
      { category: 'activity', publishAt: at(60) },
      { publishAt: at(60), expiresAt: at(60 + 14 * 24 * 60) },
    ],
    [
      'a phone clock 2 minutes behind means now',
      { category: 'notice', publishAt: at(-2), expiresAt: at(600) },
      { publishAt: at(0), expiresAt: at(600) },
    ],
    ['an hour ago', { category: 'notice', publishAt: at(-60) }, 'publishInPast'],
    ['31 days ahead', { category: 'notice', publishAt: at(31 * 24 * 60) }, 'publishTooFar'],
    ['expiry before publishing', { category: 'notice', publishAt: at(120), expiresAt: at(60) }, 'expiryNotAfterPublish'],
    ['expiry already past', { category: 'notice', expiresAt: at(-1) }, 'expiryInPast'],
    ['expiry two years on', { category: 'notice', expiresAt: at(2 * 366 * 24 * 60) }, 'expiryTooFar'],
  ] as const)('%s', (_label, input, expected) => {
    const result = scheduleNotice(input, now);
    if (typeof expected === 'string') {
      expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.SCHEDULE_INVALID', details: { reason: expected } } });
    } else expect(result).toEqual({ ok: true, data: expected });
  });

  const notice = { publishAt: '2026-11-20T02:00:00.000Z', expiresAt: '2026-11-23T02:00:00.000Z' };
  it.each([
    ['published, before its time', 'published', '2026-11-20T01:59:59.000Z', 'scheduled'],
    ['published, at its time', 'published', '2026-11-20T02:00:00.000Z', 'live'],
    ['published, at its expiry', 'published', '2026-11-23T02:00:00.000Z', 'expired'],
    ['withdrawn', 'withdrawn', '2026-11-21T00:00:00.000Z', 'withdrawn'],
    ['still being written', 'preparing', '2026-11-21T00:00:00.000Z', 'preparing'],
  ] as const)('state: %s → %s', (_label, status, now, expected) => {
    expect(noticeState({ ...notice, status }, new Date(now))).toBe(expected);
  });
});

describe('feed order', () => {
  const n = (id: string, category: NoticeCategory, pinned: boolean, publishAt: string) => ({ id, category, pinned, publishAt });
  it('puts 紧急, 停水停电 and pinned first, each group newest first', () => {
    const items = [
      n('old-notice', 'notice', false, '2026-11-01T00:00:00Z'),
      n('new-activity', 'activity', false, '2026-11-19T00:00:00Z'),
      n('old-urgent', 'urgent', false, '2026-11-02T00:00:00Z'),
      n('pinned-sunshine', 'sunshine', true, '2026-10-01T00:00:00Z'),
      n('new-outage', 'outage', false, '2026-11-18T00:00:00Z'),
    ];
    expect([...items].sort(compareFeed).map((i) => i.id)).toEqual([
      'new-outage',
      'old-urgent',
      'pinned-sunshine',
      'new-activity',
      'old-notice',
    ]);
  });

  it.each([
    ['2026-11-30T15:59:59.000Z', '2026-11'],
    ['2026-11-30T16:00:00.000Z', '2026-12'], // midnight in Shanghai
  ])('archive month of %s is %s', (at, month) => expect(archiveMonth(at)).toBe(month));
});

describe('delivery', () => {
  it.each([
    [0, 30_000],
    [1, 30_000],
    [2, 120_000],
    [3, 480_000],
    [4, 1_920_000],
    [5, 3_600_000],
    [9, 3_600_000],
  ])('after %s attempts waits %s ms', (attempts, ms) => expect(retryDelayMs(attempts)).toBe(ms));

  it.each([
    ['短标题', '短标题'],
    ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['一二三四五六七八九十一二三四五六七八九十超', '一二三四五六七八九十一二三四五六七八九…'],
    ['  多个   空格\n换行 ', '多个 空格 换行'],
  ])('clips %j to WeChat thing length → %j', (text, expected) => {
    expect(clipThing(text)).toBe(expected);
    expect([...clipThing(text)].length).toBeLessThanOrEqual(20);
  });

  it('fills the notice template: title, publisher, Shanghai time, a tip that fits the notice', () => {
    const notice = {
      title: '明日停水通知',
      publisherLabel: '新光花园 小区点长 孙丽华',
      publishAt: '2026-11-20T02:00:00.000Z',
      needsAck: true,
      category: 'outage' as const,
    };
    expect(noticeMessageData(notice, false)).toEqual({
      thing1: '明日停水通知',
      thing2: '新光花园 小区点长 孙丽华',
      time3: '2026-11-20 10:00',
      thing4: '请点开查看，并点“我已知晓”',
    });
    expect(noticeMessageData(notice, true).thing4).toBe('您还没有查看这条通知，请点开查看');
    expect(noticeMessageData({ ...notice, needsAck: false }, false).thing4).toBe('紧急通知，请尽快查看');
  });
});

describe('reach and the door-knocking list', () => {
  const member = (title: string, name: string, role: TeamMember['role'] = 'honoraryLeader'): TeamMember => ({
    id: name,
    role,
    name,
    phone: '13900000000',
    dutyHours: '',
    services: [],
    title,
  });
  const team = [
    member('1号楼楼栋长', '王建国'),
    member('2号楼楼长', '李秀英'),
    member('1号楼2单元单元长', '张志强'),
    member('11号楼楼栋长', '赵十一'),
    member('党支部书记', '钱书记'),
    member('1号楼楼栋长', '冒名', 'checkpointGuard'),
  ];

  it.each([
    ['1号楼', '1单元', '王建国', undefined],
    ['1号楼', '2单元', '王建国', '张志强'],
    ['2号楼', '1单元', '李秀英', undefined],
    ['11号楼', '1单元', '赵十一', undefined],
    ['3号楼', '1单元', undefined, undefined],
  ])('%s %s: building head %s, unit head %s', (building, unit, buildingHead, unitHead) => {
    const heads = findHeads(team, building, unit);
    expect(heads.building?.name).toBe(buildingHead);
    expect(heads.unit?.name).toBe(unitHead);
  });

  const unit = (b: number, u: number, counts: Partial<UnitReach>): UnitReach => ({
    ...countsOf(counts),
    unitId: `b${b}-u${u}`,
    unitName: `${u}单元`,
    buildingId: `b${b}`,
    buildingName: `${b}号楼`,
    sortKey: walkKey([
      { sort: b, name: `${b}号楼` },
      { sort: u, name: `${u}单元` },
    ]),
  });

  it('rolls unit counters up by building and in total, buildings in walking order (10号楼 after 2号楼)', () => {
    const { totals, buildings } = summarizeReach([
      unit(10, 1, { households: 12, recipients: 3, read: 1 }),
      unit(2, 2, { households: 12, recipients: 4, read: 2, acked: 1 }),
      unit(2, 1, { households: 12, recipients: 5, read: 5, householdsRead: 4 }),
    ]);
    expect(buildings.map((b) => b.buildingName)).toEqual(['2号楼', '10号楼']);
    expect(buildings[0]!.units.map((u) => u.unitName)).toEqual(['1单元', '2单元']);
    expect(buildings[0]).toMatchObject({ households: 24, recipients: 9, read: 7, acked: 1, householdsRead: 4 });
    expect(totals).toMatchObject({ households: 36, recipients: 12, read: 8, acked: 1, householdsRead: 4, delivered: 0 });
  });

  it('groups unread households by building and unit with who knocks', () => {
    const h = (b: number, u: number, room: string, members: number): DoorHousehold => ({
      householdId: `b${b}-u${u}-${room}`,
      householdName: room,
      buildingId: `b${b}`,
      buildingName: `${b}号楼`,
      unitId: `b${b}-u${u}`,
      unitName: `${u}单元`,
      compoundId: 'pA',
      compoundName: '新光花园',
      sortKey: walkKey([
        { sort: b, name: '' },
        { sort: u, name: '' },
        { sort: Number(room), name: room },
      ]),
      members,
    });
    const groups = groupDoorList([h(2, 1, '101', 0), h(1, 2, '302', 1), h(1, 2, '101', 2), h(1, 1, '601', 0)], new Map([['pA', team]]));
    expect(groups.map((g) => [g.buildingName, g.head?.name, g.count])).toEqual([
      ['1号楼', '王建国', 3],
      ['2号楼', '李秀英', 1],
    ]);
    expect(groups[0]!.units.map((u) => [u.unitName, u.head?.name ?? null, u.households.map((x) => x.name)])).toEqual([
      ['1单元', null, ['601']],
      ['2单元', '张志强', ['101', '302']],
    ]);
    expect(groups[0]!.units[1]!.households[0]).toEqual({ householdId: 'b1-u2-101', name: '101', members: 2 });
  });
});
