import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, PERSON, WHO } from './harness';

const STAFF = WHO.staffInScope;
const card = (call: Awaited<ReturnType<typeof createTestApp>>['call'], compoundId = 'p-zhongjie') =>
  call('team', 'getCard', { compoundId }, null).then(data);

describe('service contact card', () => {
  it('shows the team grouped by role in the seeds order, complete, with the point leader first', async () => {
    const { call } = await createTestApp();
    const c = await card(call);
    expect(c.groups.map((g: { label: string }) => g.label)).toEqual([
      '小区点长',
      '应急点长',
      '荣誉点长',
      '物业管理员',
      '卡口值守员',
      '医疗防疫巡查员',
      '社区警务巡查员',
      '街道专管员',
    ]);
    expect(c.groups[0].members).toEqual([expect.objectContaining({ name: '李斌', phone: '13904001001' })]);
    expect(c.groups[1].members).toHaveLength(2);
    expect(c.groups[4].members).toHaveLength(6); // 3 at 东门 + 3 at 北门
    expect(c.missing).toEqual([]);
    expect(c.compound).toMatchObject({ name: '中捷木材小区', communityName: '中房社区' });
  });

  it('is found by name and by share link id, and an unknown id is a clear error', async () => {
    const { call } = await createTestApp();
    const hits = data(await call('places', 'searchCompounds', { q: '中捷' }, null));
    expect(hits.compounds.map((c: { _id: string }) => c._id)).toEqual(['p-zhongjie']);
    expect(data(await call('places', 'searchCompounds', {}, null)).compounds).toHaveLength(4);
    expect(code(await call('team', 'getCard', { compoundId: 'nope' }, null))).toBe('PLACE.NOT_FOUND');
    expect(code(await call('team', 'getCard', { compoundId: 'c-zhongfang' }, null))).toBe('PLACE.NOT_A_COMPOUND');
  });

  it('an anonymous search is one indexed read of at most 50 compounds, never the whole street', async () => {
    const { call, ports } = await createTestApp();
    const reads: unknown[] = [];
    const find = ports.store.find.bind(ports.store);
    ports.store.find = (async (collection: 'places', options: Parameters<typeof find>[1]) => {
      reads.push({ collection, options });
      return find(collection, options);
    }) as typeof ports.store.find;
    const getMany = ports.store.getMany.bind(ports.store);
    let many = 0;
    ports.store.getMany = ((...args: Parameters<typeof getMany>) => {
      many++;
      return getMany(...args);
    }) as typeof ports.store.getMany;
    expect(data(await call('places', 'searchCompounds', { q: '新光' }, null)).compounds.map((c: { name: string }) => c.name)).toEqual([
      '新光花园',
    ]);
    expect(reads).toEqual([
      {
        collection: 'places',
        options: { where: { kind: 'compound', name: { gte: '新光', lt: '新光\uffff' } }, orderBy: [['name', 'asc']], limit: 50 },
      },
    ]);
    expect(many).toBe(0);
  });
});

describe('staff maintain the team', () => {
  it('replaces the 小区点长: residents see the new one, the history records who, when, before and after', async () => {
    const { call } = await createTestApp();
    const before = await card(call);
    const leaderId = before.groups[0].members[0].id;
    const after = data(await call('team', 'replaceMember', { compoundId: 'p-zhongjie', memberId: leaderId, person: PERSON }, STAFF));
    expect(after.groups[0].members).toEqual([expect.objectContaining({ name: '郑海峰', phone: '13912345678', role: 'pointLeader' })]);
    expect((await card(call)).groups[0].members[0].name).toBe('郑海峰');
    const { changes } = data(await call('team', 'history', { compoundId: 'p-zhongjie' }, STAFF));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'replace',
      role: 'pointLeader',
      actor: { openid: STAFF, name: '王丽' },
      before: { name: '李斌' },
      after: { name: '郑海峰' },
      at: '2026-11-20T02:00:00.000Z',
    });
  });

  it.each([
    ['a second 小区点长', { role: 'pointLeader' }, 'TEAM.ROLE_FULL'],
    ['a third 应急点长', { role: 'emergencyLeader' }, 'TEAM.ROLE_FULL'],
    ['a second 物业管理员', { role: 'propertyManager' }, 'TEAM.ROLE_FULL'],
    ['a second 医疗防疫巡查员', { role: 'medicalPatroller' }, 'TEAM.ROLE_FULL'],
    ['a second 社区警务巡查员', { role: 'policePatroller' }, 'TEAM.ROLE_FULL'],
    ['a second 街道专管员', { role: 'streetOfficer' }, 'TEAM.ROLE_FULL'],
    ['a guard without checkpoint', { role: 'checkpointGuard' }, 'TEAM.CHECKPOINT_REQUIRED'],
    ['a guard at an unknown checkpoint', { role: 'checkpointGuard', checkpoint: '西门' }, 'TEAM.UNKNOWN_CHECKPOINT'],
    ['another 荣誉点长', { role: 'honoraryLeader' }, 'OK'],
    ['a 4th guard at 东门', { role: 'checkpointGuard', checkpoint: '东门' }, 'OK'],
  ])('adding %s answers %s and writes nothing when refused', async (_label, extra, expected) => {
    const { call, ports } = await createTestApp();
    const result = await call('team', 'addMember', { compoundId: 'p-zhongjie', person: PERSON, ...extra }, STAFF);
    expect(code(result)).toBe(expected);
    const changes = await ports.store.count(COLLECTIONS.teamChanges, { compoundId: 'p-zhongjie' });
    expect(changes).toBe(expected === 'OK' ? 1 : 0);
  });

  it('allows 3 to 5 guards per checkpoint: a 6th is refused', async () => {
    const { call } = await createTestApp();
    const add = (n: number) =>
      call(
        'team',
        'addMember',
        { compoundId: 'p-zhongjie', role: 'checkpointGuard', checkpoint: '北门', person: { ...PERSON, phone: `1391234567${n}` } },
        STAFF,
      );
    expect(code(await add(1))).toBe('OK');
    expect(code(await add(2))).toBe('OK');
    const refused = await add(3);
    expect(code(refused)).toBe('TEAM.CHECKPOINT_FULL');
    expect(refused.ok ? null : refused.error.details).toEqual({ checkpoint: '北门', max: 5 });
  });

  it('a removed post makes the card say what is missing', async () => {
    const { call } = await createTestApp();
    const c = await card(call);
    const guard = c.groups[4].members.find((m: { checkpoint: string }) => m.checkpoint === '东门');
    const emergency = c.groups[1].members[0];
    data(await call('team', 'removeMember', { compoundId: 'p-zhongjie', memberId: guard.id }, STAFF));
    const after = data(await call('team', 'removeMember', { compoundId: 'p-zhongjie', memberId: emergency.id }, STAFF));
    expect(after.missing).toEqual([
      { role: 'emergencyLeader', have: 1, need: 2 },
      { role: 'checkpointGuard', checkpoint: '东门', have: 2, need: 3 },
    ]);
    expect(after.missingText).toBe('缺少：应急点长 1 名；东门卡口值守员 1 名');
  });

  it('a 小区点长 may not hold the post in two compounds at once', async () => {
    const { call, ports } = await createTestApp();
    const hemu = await card(call, 'p-hemu');
    const hemuLeader = hemu.groups[0].members[0];
    const libin = { ...PERSON, name: '李斌', phone: '13904001001' };
    const refused = await call('team', 'replaceMember', { compoundId: 'p-hemu', memberId: hemuLeader.id, person: libin }, STAFF);
    expect(code(refused)).toBe('TEAM.POINT_LEADER_ELSEWHERE');
    expect(refused.ok ? null : refused.error.details).toMatchObject({ compoundName: '中捷木材小区' });
    expect((await card(call, 'p-hemu')).version).toBe(hemu.version);
    expect(await ports.store.count(COLLECTIONS.teamChanges, {})).toBe(0);

    // once 李斌 leaves 中捷木材小区, 和睦家园 may appoint him
    const zhongjie = await card(call);
    data(await call('team', 'removeMember', { compoundId: 'p-zhongjie', memberId: zhongjie.groups[0].members[0].id }, STAFF));
    const moved = data(await call('team', 'replaceMember', { compoundId: 'p-hemu', memberId: hemuLeader.id, person: libin }, STAFF));
    expect(moved.groups[0].members[0].name).toBe('李斌');
  });

  it('refuses an invalid phone with a Chinese message and writes nothing', async () => {
    const { call, ports } = await createTestApp();
    const result = await call(
      'team',
      'addMember',
      { compoundId: 'p-zhongjie', role: 'honoraryLeader', person: { ...PERSON, phone: '12345' } },
      STAFF,
    );
    expect(code(result)).toBe('COMMON.INVALID_INPUT');
    expect(JSON.stringify(result)).toContain('电话号码格式不对');
    expect(await ports.store.count(COLLECTIONS.teamChanges, {})).toBe(0);
  });

  it('two phones adding a 小区点长 at once to an empty post give exactly one', async () => {
    const { call } = await createTestApp();
    const c = await card(call);
    data(await call('team', 'removeMember', { compoundId: 'p-zhongjie', memberId: c.groups[0].members[0].id }, STAFF));
    const results = await Promise.all(
      ['13911110001', '13911110002', '13911110003', '13911110004'].map((phone) =>
        call('team', 'addMember', { compoundId: 'p-zhongjie', role: 'pointLeader', person: { ...PERSON, phone } }, STAFF),
      ),
    );
    expect(results.map(code).sort()).toEqual(['OK', 'TEAM.ROLE_FULL', 'TEAM.ROLE_FULL', 'TEAM.ROLE_FULL']);
    expect((await card(call)).groups[0].members).toHaveLength(1);
  });
});
