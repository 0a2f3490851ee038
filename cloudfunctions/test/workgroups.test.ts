import { shanghaiInstant } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';
import { joinWorkGroup, WORK_GROUP as GROUP } from './work-group-fixture';

/**
 * 服务群众工作组 through the real dispatch on SQLite (seed 002, 南岸: every Thursday 服务群众工作日).
 * The harness clock starts on Friday 2026-11-20 10:00 in Shanghai; 2026-11-26 is a Thursday.
 */
const at = (date: string, time: string) => shanghaiInstant(date, time).toISOString();
const problem = (key: string, compoundId = 'p-zhongjie') => ({
  key,
  compoundId,
  category: 'safety',
  description: '中捷路人行道人车抢道，老人过路危险，希望装阻车桩',
  spot: '中捷路人行道',
});

async function withGroup() {
  const app = await createTestApp();
  return { ...app, group: await joinWorkGroup(app.call) };
}

describe('the district assigns a community its working group', () => {
  it('makes the group a bookable service of the community with slots on the service day only', async () => {
    const { call, group } = await withGroup();
    expect(group).toMatchObject({ _id: 'wg-c-zhongfang', version: 1, missingText: '', today: false, nextDate: '2026-11-26' });
    const catalogue = data(await call('catalogue', 'list', { communityId: 'c-zhongfang' }, WHO.resident));
    expect(catalogue.services.find((s: { _id: string }) => s._id === group.serviceId)).toMatchObject({
      category: 'serviceDay',
      bookable: true,
      location: '中房社区党群服务中心',
      hours: '每周四 09:00–11:30',
      online: 'open',
    });
    const thursday = data(await call('booking', 'slots', { serviceId: group.serviceId, date: '2026-11-26' }, WHO.resident));
    expect(thursday.slots.map((s: { startAt: string }) => s.startAt)).toEqual(
      ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => at('2026-11-26', t)),
    );
    const friday = data(await call('booking', 'slots', { serviceId: group.serviceId, date: '2026-11-27' }, WHO.resident));
    expect(friday.slots).toEqual([]);
  });

  it('a retry of the same save answers the group as saved; a save from an old version is refused and writes nothing', async () => {
    const { call, ports } = await withGroup();
    const again = data(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: GROUP, version: 0 }, WHO.admin));
    expect(again.group.version).toBe(1);
    const moved = { ...GROUP, day: { ...GROUP.day, start: '14:00', end: '16:00' } };
    expect(code(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: moved, version: 0 }, WHO.admin))).toBe(
      'WORKGROUP.STALE',
    );
    expect((await ports.store.get(COLLECTIONS.workGroups, 'wg-c-zhongfang'))?.day.start).toBe('09:00');
    expect((await ports.store.get(COLLECTIONS.bookingSchedules, 'svc-wg-c-zhongfang'))?.settings.rules[0]?.start).toBe('09:00');
    const changed = data(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: moved, version: 1 }, WHO.admin));
    expect(changed.group.version).toBe(2);
    expect((await ports.store.get(COLLECTIONS.bookingSchedules, 'svc-wg-c-zhongfang'))?.settings.rules[0]?.start).toBe('14:00');
  });

  it('refuses a member listed twice, and writes nothing', async () => {
    const { call, ports } = await createTestApp();
    const twice = { ...GROUP, members: [...GROUP.members, { name: '韩明', post: 'communityCadre', unit: '中房社区' }] };
    expect(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: twice, version: 0 }, WHO.admin)).toMatchObject({
      ok: false,
      error: { code: 'WORKGROUP.DUPLICATE_MEMBER', details: { name: '韩明' } },
    });
    expect(await ports.store.get(COLLECTIONS.workGroups, 'wg-c-zhongfang')).toBeNull();
    expect(await ports.store.get(COLLECTIONS.services, 'svc-wg-c-zhongfang')).toBeNull();
  });

  it('street and community staff cannot assign groups: the district does', async () => {
    const { call } = await createTestApp();
    for (const who of [WHO.street, WHO.staffInScope])
      expect(code(await call('workgroups', 'assign', { communityId: 'c-zhongfang', group: GROUP, version: 0 }, who))).toBe(
        'COMMON.FORBIDDEN',
      );
  });

  it('lists the district’s communities with their group or none', async () => {
    const { call } = await withGroup();
    const { communities } = data(await call('workgroups', 'list', { districtId: 'd-dadong' }, WHO.admin));
    expect(communities.map((c: { communityId: string; group: unknown }) => [c.communityId, c.group !== null])).toEqual([
      ['c-zhongfang', true],
      ['c-xinguang', false],
    ]);
  });
});

describe('the card on the service day', () => {
  it('shows the members with the day and place on Thursday; on other days the day, place and booking only', async () => {
    const { call, ports } = await withGroup();
    const friday = data(await call('team', 'getCard', { compoundId: 'p-hemu' }, null));
    expect(friday.serviceDay).toMatchObject({ today: false, dayText: '每周四 09:00–11:30，中房社区党群服务中心', members: [] });
    ports.clock.set(new Date(at('2026-11-26', '08:00')));
    const thursday = data(await call('team', 'getCard', { compoundId: 'p-hemu' }, null));
    expect(thursday.serviceDay).toMatchObject({ today: true, nextDate: '2026-11-26', serviceId: 'svc-wg-c-zhongfang' });
    expect(thursday.serviceDay.members).toEqual([
      { name: '周立群', post: '区级领导', unit: '大东区人民政府' },
      { name: '韩明', post: '区级部门领导', unit: '区民政局' },
      { name: '李静', post: '街道领导', unit: '东塔街道' },
    ]);
    // another community's card has no group
    expect(data(await call('team', 'getCard', { compoundId: 'p-xinguang' }, null)).serviceDay).toBeUndefined();
  });
});

describe('工作组收集 and the community’s month', () => {
  it('a member’s problem is a request with source 工作组收集, the member its owner, and counts in the month', async () => {
    const { call, ports, group } = await withGroup();
    ports.clock.set(new Date(at('2026-11-26', '08:00')));
    // a resident books a slot with the group (the booking function, reused)
    const booked = data(
      await call(
        'booking',
        'book',
        {
          serviceId: group.serviceId,
          startAt: at('2026-11-26', '09:30'),
          booker: { name: '陈秀英', phone: '13804002001' },
          requestKey: 'wg-book-1',
        },
        WHO.resident,
      ),
    );
    ports.clock.set(new Date(at('2026-11-26', '09:35')));
    data(await call('booking', 'checkIn', { communityId: 'c-zhongfang', code: booked.booking.code }, WHO.staffInScope));

    const filed = data(await call('workgroups', 'collect', { ...problem('wg-collect-1'), groupId: group._id }, WHO.groupMember));
    expect(filed).toEqual({ requestId: 'wg-collect-1', created: true });
    // a retry is the same request
    expect(data(await call('workgroups', 'collect', { ...problem('wg-collect-1'), groupId: group._id }, WHO.groupMember))).toEqual({
      requestId: 'wg-collect-1',
      created: false,
    });
    const r = await ports.store.get(COLLECTIONS.requests, 'wg-collect-1');
    expect(r).toMatchObject({
      source: 'workGroup',
      status: 'accepted',
      workGroupId: 'wg-c-zhongfang',
      reporter: { openid: WHO.groupMember, name: '韩明' },
      collectedBy: { openid: WHO.groupMember, name: '韩明', label: '区级部门领导（区民政局）' },
    });
    // it enters the request flow: the street dispatches it like any other
    data(
      await call(
        'departments',
        'dispatch',
        { key: 'wg-dispatch-0001', requestId: 'wg-collect-1', departmentIds: ['dept-chengguan'], leadId: 'dept-chengguan' },
        WHO.street,
      ),
    );
    data(await call('workgroups', 'collect', { ...problem('wg-collect-2', 'p-hemu'), groupId: group._id }, WHO.groupMember));

    const month = data(await call('workgroups', 'figures', { communityId: 'c-zhongfang', month: '2026-11' }, WHO.staffInScope));
    expect(month).toMatchObject({ daysHeld: 1, bookingsAttended: 1, bookingsMade: 1, collected: 2, dispatched: 1, solved: 0 });
    expect(
      month.problems.map((p: { _id: string; dispatched: boolean; collectedBy: string }) => [p._id, p.dispatched, p.collectedBy]),
    ).toEqual([
      ['wg-collect-1', true, '区级部门领导（区民政局） 韩明'],
      ['wg-collect-2', false, '区级部门领导（区民政局） 韩明'],
    ]);
    // the district sees the same figures; December has none
    expect(data(await call('workgroups', 'figures', { communityId: 'c-zhongfang', month: '2026-12' }, WHO.admin)).collected).toBe(0);
  });

  it('a member acts for their community only: a compound of another community is refused, nothing filed', async () => {
    const { call, ports, group } = await withGroup();
    expect(
      await call('workgroups', 'collect', { ...problem('wg-out-1', 'p-xinguang'), groupId: group._id }, WHO.groupMember),
    ).toMatchObject({
      ok: false,
      error: { code: 'WORKGROUP.COMPOUND_OUTSIDE', details: { communityName: expect.stringContaining('中房社区') } },
    });
    expect(await ports.store.get(COLLECTIONS.requests, 'wg-out-1')).toBeNull();
    // and another community's figures are not theirs
    expect(code(await call('workgroups', 'figures', { communityId: 'c-xinguang', month: '2026-11' }, WHO.groupMember))).toBe(
      'COMMON.FORBIDDEN',
    );
  });

  it('the member finds their group under 我的', async () => {
    const { call } = await withGroup();
    expect(data(await call('workgroups', 'mine', {}, WHO.groupMember)).groups.map((g: { _id: string }) => g._id)).toEqual([
      'wg-c-zhongfang',
    ]);
    expect(data(await call('workgroups', 'mine', {}, WHO.resident)).groups).toEqual([]);
  });
});

describe('a department edited by its registrar', () => {
  it('changes name, kind and area within the street; an area outside is refused', async () => {
    const { call } = await createTestApp();
    const edited = data(
      await call(
        'departments',
        'update',
        { departmentId: 'dept-gongdian', name: '大东供电所', kind: 'power', areaIds: ['c-zhongfang', 'c-xinguang'], phone: '13904003003' },
        WHO.street,
      ),
    );
    expect(edited.department).toMatchObject({ areaIds: ['c-zhongfang', 'c-xinguang'], phone: '13904003003' });
    const serving = data(await call('departments', 'list', { placeId: 'p-xinguang' }, WHO.street)).serving;
    expect(serving.map((d: { _id: string }) => d._id)).toContain('dept-gongdian');
    expect(
      code(
        await call(
          'departments',
          'update',
          { departmentId: 'dept-gongdian', name: '大东供电所', kind: 'power', areaIds: ['d-dadong'] },
          WHO.street,
        ),
      ),
    ).toBe('DEPARTMENT.AREA_INVALID');
  });
});
