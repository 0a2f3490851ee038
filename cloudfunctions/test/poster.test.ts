import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { MiniCodeError, type MiniCode } from '../src/ports/mini-code';
import { code, createTestApp, data, PERSON, WHO } from './harness';

const STAFF = WHO.staffInScope;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7, 7, 7]);

describe('the printed contact card (张贴海报)', () => {
  it('a compound poster: the card’s roles in the seeds’ order with name, phone and hours, the hall, and the code that opens the card', async () => {
    const { call, ports } = await createTestApp();
    const poster = data(await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF));
    const card = data(await call('team', 'getCard', { compoundId: 'p-zhongjie' }, null));
    expect(poster).toMatchObject({
      kind: 'compound',
      placeId: 'p-zhongjie',
      title: '中捷木材小区',
      compound: { communityName: '中房社区' },
    });
    // the same people in the same order as the card (roles nobody holds are left off the paper)
    const printed = (g: { label: string; members: { name: string; phone: string; dutyHours: string }[] }) =>
      g.members.map((m) => `${g.label} ${m.name} ${m.phone} ${m.dutyHours}`);
    expect(poster.groups.flatMap(printed)).toEqual(card.groups.filter((g: { members: unknown[] }) => g.members.length).flatMap(printed));
    expect(poster.groups[0]).toMatchObject({ label: '小区点长', members: [{ name: '李斌', phone: '13904001001' }] });
    expect(poster.hall).toEqual({
      location: '中房社区党群服务中心一楼便民服务大厅',
      hours: '工作日 8:30–11:30，13:30–17:00',
      phone: expect.any(String),
    });
    // locally there is no mini-program: the app prints a QR code of the H5 link
    expect(poster.miniCode).toBeNull();
    expect(poster.code).toEqual({ page: 'pages/card/index', scene: 'p-zhongjie' });
    expect(await ports.store.get(COLLECTIONS.posters, 'p-zhongjie')).toMatchObject({
      kind: 'compound',
      compoundId: 'p-zhongjie',
      fingerprint: poster.fingerprint,
      generatedBy: STAFF,
      generatedAt: '2026-11-20T02:00:00.000Z',
    });
  });

  it('a building poster: its 楼栋长 and each unit, above the compound’s team; a building of another compound is not found', async () => {
    const { call } = await createTestApp();
    const poster = data(await call('team', 'poster', { compoundId: 'p-zhongjie', buildingId: 'p-zhongjie-b1' }, STAFF));
    expect(poster.kind).toBe('building');
    expect(poster.title).toBe('中捷木材小区 1号楼');
    expect(poster.building.head).toMatchObject({ title: '1号楼楼栋长' });
    expect(poster.building.units.map((u: { unitName: string }) => u.unitName)).toEqual(['1单元', '2单元']);
    expect(poster.groups.length).toBeGreaterThan(5);
    expect(code(await call('team', 'poster', { compoundId: 'p-zhongjie', buildingId: 'p-hemu-b1' }, STAFF))).toBe('PLACE.NOT_FOUND');
    expect(code(await call('team', 'poster', { compoundId: 'p-zhongjie', buildingId: 'p-zhongjie-b1-u1' }, STAFF))).toBe('PLACE.NOT_FOUND');
    // only the staff of that community
    expect(code(await call('team', 'poster', { compoundId: 'p-zhongjie' }, WHO.staffOutOfScope))).toBe('COMMON.FORBIDDEN');
    expect(code(await call('team', 'poster', { compoundId: 'p-zhongjie' }, WHO.pointLeader))).toBe('COMMON.FORBIDDEN');
  });

  it('a change of the team makes the printed ones out of date on the card, for its staff only, until printed again', async () => {
    const { call } = await createTestApp();
    await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF).then(data);
    await call('team', 'poster', { compoundId: 'p-zhongjie', buildingId: 'p-zhongjie-b2' }, STAFF).then(data);
    const outdated = async (openid: string | null) =>
      data(await call('team', 'getCard', { compoundId: 'p-zhongjie' }, openid)).outdatedPosters as { title: string }[] | undefined;
    expect(await outdated(STAFF)).toEqual([]);

    // a change nobody reads on paper (services) keeps the print; a new phone number does not
    const card = data(await call('team', 'getCard', { compoundId: 'p-zhongjie' }, STAFF));
    const leader = card.groups[0].members[0];
    const { name, phone, dutyHours, title } = leader;
    const changed = data(
      await call(
        'team',
        'replaceMember',
        { compoundId: 'p-zhongjie', memberId: leader.id, person: { name, phone, dutyHours, title, services: ['新的服务'] } },
        STAFF,
      ),
    );
    expect(changed.outdatedPosters).toEqual([]);
    expect(await outdated(STAFF)).toEqual([]);
    const replaced = data(
      await call('team', 'replaceMember', { compoundId: 'p-zhongjie', memberId: changed.groups[0].members[0].id, person: PERSON }, STAFF),
    );
    // whoever made the change is told at once
    expect(replaced.outdatedPosters.map((p: { title: string }) => p.title).sort()).toEqual(['中捷木材小区', '中捷木材小区 2号楼']);

    expect((await outdated(STAFF))!.map((p) => p.title).sort()).toEqual(['中捷木材小区', '中捷木材小区 2号楼']);
    expect(await outdated(WHO.resident)).toBeUndefined();
    expect(await outdated(null)).toBeUndefined();
    expect(await outdated(WHO.staffOutOfScope)).toBeUndefined();

    const again = data(await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF));
    expect(again.groups[0].members[0]).toMatchObject({ name: PERSON.name, phone: PERSON.phone });
    expect((await outdated(STAFF))!.map((p) => p.title)).toEqual(['中捷木材小区 2号楼']);
  });

  it('in WeChat the code is made once by the mini-code port, kept in storage and reused; a refusal is a clear error that records nothing', async () => {
    const { call, ports } = await createTestApp();
    const asked: { scene: string; page: string }[] = [];
    let reply: () => Promise<Awaited<ReturnType<MiniCode['unlimited']>>> = async () => ({ contentType: 'image/png', bytes: PNG });
    ports.miniCode = {
      unlimited: async (input) => {
        asked.push(input);
        return reply();
      },
    };
    reply = async () => {
      throw new MiniCodeError(41030, 'invalid page');
    };
    expect(await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'TEAM.POSTER_CODE_FAILED', details: { wxErrCode: 41030 } },
    });
    expect(await ports.store.get(COLLECTIONS.posters, 'p-zhongjie')).toBeNull();

    reply = async () => ({ contentType: 'image/png', bytes: PNG });
    const first = data(await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF));
    expect(first.miniCode).toEqual({ fileId: expect.any(String), url: expect.any(String) });
    expect(Buffer.from((await ports.files.bytes(first.miniCode.fileId))!)).toEqual(Buffer.from(PNG));
    const building = data(await call('team', 'poster', { compoundId: 'p-zhongjie', buildingId: 'p-zhongjie-b1' }, STAFF));
    const second = data(await call('team', 'poster', { compoundId: 'p-zhongjie' }, STAFF));
    expect(building.miniCode.fileId).toBe(first.miniCode.fileId);
    expect(second.miniCode.fileId).toBe(first.miniCode.fileId);
    expect(asked).toEqual([
      { scene: 'p-zhongjie', page: 'pages/card/index' },
      { scene: 'p-zhongjie', page: 'pages/card/index' },
    ]);
  });
});
