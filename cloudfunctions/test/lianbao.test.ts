import { describe, expect, it } from 'vitest';
import { DEMO_VOLUNTEER } from '../dev/seed-volunteer';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data } from './harness';

const STAFF = 'dev-staff-zhongfang';
const PM = DEMO_VOLUNTEER.partyMember;
const PM2 = DEMO_VOLUNTEER.partyMember2;

describe('十户联保: every household has a named party member', () => {
  it('assigns households, warns above the community’s number, and moves a household between members', async () => {
    const { call } = await createTestApp();
    const before = data(await call('volunteer', 'partyMembers', { communityId: 'c-zhongfang' }, STAFF));
    expect(before.members.map((m: any) => [m.households, m.over])).toEqual(
      expect.arrayContaining([
        [10, false],
        [12, true],
      ]),
    );
    const moved = data(
      await call(
        'volunteer',
        'assign',
        { communityId: 'c-zhongfang', partyMemberOpenid: PM, householdIds: ['p-zhongjie-b1-u2-101'] },
        STAFF,
      ),
    );
    expect(moved.member.households).toBe(11);
    expect(moved.warning).toEqual({ households: 11, perMember: 10 });
    const after = data(await call('volunteer', 'partyMembers', { communityId: 'c-zhongfang' }, STAFF));
    expect(after.members.find((m: any) => m.openid === PM2).households).toBe(11);
    const map = data(await call('volunteer', 'lianbaoMap', { compoundId: 'p-zhongjie' }, STAFF));
    const unit2 = map.buildings[0].units[1];
    expect(unit2.households[0]).toMatchObject({ householdId: 'p-zhongjie-b1-u2-101', partyMemberOpenid: PM });
    // a household of another community is refused
    expect(
      code(
        await call(
          'volunteer',
          'assign',
          { communityId: 'c-zhongfang', partyMemberOpenid: PM, householdIds: ['p-xinguang-b1-u1-101'] },
          STAFF,
        ),
      ),
    ).toBe('PLACE.NOT_A_HOUSEHOLD');
  });

  it('the household sees its 联户党员 with name and phone (the card’s line)', async () => {
    const { call, ports } = await createTestApp();
    const pm = (await ports.store.get(COLLECTIONS.users, PM))!;
    expect(data(await call('volunteer', 'myPartyMember', {}, 'dev-resident-1')).partyMember).toEqual({
      name: pm.name,
      phone: pm.phone,
      householdName: '1号楼1单元101',
    });
    expect(data(await call('volunteer', 'myPartyMember', {}, 'dev-resident-2')).partyMember).toBeNull();
  });

  it('a visit that finds a need becomes a request on the household’s behalf, once, and the request says who raised it', async () => {
    const { call } = await createTestApp();
    const { visit } = data(
      await call(
        'volunteer',
        'logVisit',
        {
          key: 'visit-key-000001',
          householdId: 'p-zhongjie-b1-u1-102',
          date: '2026-11-20',
          topics: '聊了聊冬季取暖',
          need: '暖气片不热，家里只有 14 度',
          followUpOn: '2026-11-22',
        },
        PM,
      ),
    );
    // someone else's household is not theirs to visit
    expect(
      code(
        await call(
          'volunteer',
          'logVisit',
          { key: 'visit-key-000002', householdId: 'p-zhongjie-b1-u2-101', date: '2026-11-20', topics: '走访' },
          PM,
        ),
      ),
    ).toBe('LIANBAO.NOT_YOUR_HOUSEHOLD');
    const [a, b] = await Promise.all([
      call('volunteer', 'raiseNeed', { visitId: visit.id, category: 'utilities' }, PM),
      call('volunteer', 'raiseNeed', { visitId: visit.id, category: 'utilities' }, PM),
    ]);
    expect(data(a).requestId).toBe(data(b).requestId);
    const request = data(await call('requests', 'get', { requestId: data(a).requestId }, STAFF));
    expect(request).toMatchObject({ locationText: '1号楼1单元102', compoundName: '中捷木材小区' });
    expect(request.timeline[0].actor).toContain('联户党员');
    expect(request.timeline[0].text).toContain('代 1号楼1单元102 住户反映');
    // the household counts as visited now; the follow-up is on the party member's page
    const mine = data(await call('volunteer', 'myHouseholds', {}, PM));
    expect(mine.households.find((h: any) => h.householdId === 'p-zhongjie-b1-u1-102').due).toBe(false);
    expect(mine.followUps.map((v: any) => v.id)).toContain(visit.id);
  });

  it('follow-ups are reminded once, on their day', async () => {
    const { call, ports } = await createTestApp();
    const timer = () => call('volunteer', 'remind', {}, null);
    ports.clock.set(new Date('2026-11-22T01:00:00.000Z'));
    const { dispatch } = await import('../src/platform/dispatch');
    const { FUNCTIONS } = await import('../src/functions/registry');
    const run = () => dispatch(FUNCTIONS.volunteer, { Type: 'Timer', TriggerName: 'volunteer-timer', Time: '' }, fromTimer, ports, 't');
    expect(code(await timer())).toBe('COMMON.FORBIDDEN');
    expect(data<any>(await run()).queued).toBe(1);
    expect(data<any>(await run()).queued).toBe(0);
    expect(await ports.store.count(COLLECTIONS.messages, { toOpenid: PM })).toBe(1);
  });

  it('coverage counts households with no visit in 30 days by party member and building', async () => {
    const { call } = await createTestApp();
    const c = data(await call('volunteer', 'coverage', { communityId: 'c-zhongfang' }, STAFF));
    expect(c).toMatchObject({ visitEveryDays: 30, households: 22 });
    expect(c.due).toBeGreaterThan(0);
    expect(c.byPartyMember.reduce((n: number, r: any) => n + r.households, 0)).toBe(22);
    expect(c.byBuilding).toEqual([expect.objectContaining({ label: '中捷木材小区 1号楼', households: 22 })]);
  });

  it('the 敲门清单 of an unread notice shows a party member only their own households', async () => {
    const { call } = await createTestApp();
    const noticeId = 'seed-notice-zhongjie-heating';
    const list = data(await call('volunteer', 'myDoorList', { noticeId }, PM));
    const ids = list.households.map((h: any) => h.householdId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: string) => id.startsWith('p-zhongjie-b1-u1-'))).toBe(true);
    const other = data(await call('volunteer', 'myDoorList', { noticeId }, PM2)).households.map((h: any) => h.householdId);
    expect(other.every((id: string) => id.startsWith('p-zhongjie-b1-u2-'))).toBe(true);
    expect(code(await call('volunteer', 'myDoorList', { noticeId }, 'dev-resident-1'))).toBe('LIANBAO.NOT_PARTY_MEMBER');
  });

  it('the notice’s own 敲门清单 is split by 联户党员, the same households each of them sees', async () => {
    const { call } = await createTestApp();
    const noticeId = 'seed-notice-zhongjie-heating';
    const list = data(await call('notices', 'doorList', { noticeId }, STAFF));
    const inGroups = list.groups.flatMap((g: any) => g.units.flatMap((u: any) => u.households.map((h: any) => h.householdId)));
    const split = new Map(list.byPartyMember.map((r: any) => [r.openid, r]));
    expect([...split.keys()].sort()).toEqual([PM, PM2].sort());
    for (const openid of [PM, PM2]) {
      const own = data(await call('volunteer', 'myDoorList', { noticeId }, openid)).households.map((h: any) => h.householdId);
      const row: any = split.get(openid);
      expect(row.households.map((h: any) => h.householdId)).toEqual(own);
      expect(row.count).toBe(own.length);
      expect(row.phone).not.toBe('');
    }
    // every unread household is either someone's or counted as without a 联户党员
    const assigned = list.byPartyMember.reduce((n: number, r: any) => n + r.count, 0);
    expect(assigned + list.unassigned).toBe(inGroups.length);
    expect(list.unassigned).toBeGreaterThan(0);
  });
});

describe('党员积分: counted from the records, awarded by the branch, ranked monthly', () => {
  it('scores visits and volunteer hours from the records; a second run adds only what is new', async () => {
    const { call } = await createTestApp();
    data(
      await call(
        'volunteer',
        'logVisit',
        { key: 'visit-score-0001', householdId: 'p-zhongjie-b1-u1-101', date: '2026-11-19', topics: '走访' },
        PM,
      ),
    );
    const first = data(await call('volunteer', 'scoreMonth', { communityId: 'c-zhongfang', month: '2026-11' }, STAFF));
    expect(first.written).toBeGreaterThan(0);
    expect(data(await call('volunteer', 'scoreMonth', { communityId: 'c-zhongfang', month: '2026-11' }, STAFF)).written).toBe(0);
    data(
      await call(
        'volunteer',
        'logVisit',
        { key: 'visit-score-0002', householdId: 'p-zhongjie-b1-u1-102', date: '2026-11-20', topics: '走访' },
        PM,
      ),
    );
    expect(data(await call('volunteer', 'scoreMonth', { communityId: 'c-zhongfang', month: '2026-11' }, STAFF)).written).toBe(1);
    data(await call('volunteer', 'award', { communityId: 'c-zhongfang', openid: PM, itemId: 'theme-day', month: '2026-11' }, STAFF));
    data(await call('volunteer', 'award', { communityId: 'c-zhongfang', openid: PM, itemId: 'theme-day', month: '2026-11' }, STAFF));
    const ranking = data(await call('volunteer', 'partyRanking', { communityId: 'c-zhongfang', month: '2026-11' }, PM));
    const row = ranking.rows.find((r: any) => r.openid === PM);
    // 3 visits (the seed's and these two, 1 each), 2 volunteer hours from the seed's repair day (1 each), the theme day once (5)
    expect(row.byItem).toEqual({ visits: 3, volunteer: 2, 'theme-day': 5 });
    expect(ranking.rows[0].openid).toBe(PM);
  });
});
