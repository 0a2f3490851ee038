import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data } from './harness';

const STAFF = 'dev-staff-zhongfang';
const STREET = 'dev-street';
const service = {
  name: '老年证办理',
  category: 'proxy',
  description: '代办老年优待证',
  materials: ['身份证'],
  location: '便民服务大厅',
  hours: '工作日 8:30–17:00',
  contact: '024-88881000',
  bookable: false,
};

describe('catalogue.upsert', () => {
  it.each([
    ['the street', 's-dongta', STREET],
    ['a compound', 'p-zhongjie', STAFF],
    ['a household', 'p-zhongjie-b1-u1-101', STAFF],
  ])('refuses %s as the community, with a typed code, and writes nothing', async (_label, placeId, openid) => {
    const { call, ports } = await createTestApp();
    const before = await ports.store.count(COLLECTIONS.services, {});
    const refused = await call('catalogue', 'upsert', { communityId: placeId, service }, openid);
    expect(refused).toMatchObject({ ok: false, error: { code: 'PLACE.NOT_A_COMMUNITY' } });
    expect(await ports.store.count(COLLECTIONS.services, {})).toBe(before);
    expect(await ports.store.count(COLLECTIONS.services, { communityId: placeId })).toBe(0);
  });

  it('adds a service to a community', async () => {
    const { call } = await createTestApp();
    const added = data(await call('catalogue', 'upsert', { communityId: 'c-zhongfang', service }, STAFF)).service;
    expect(added).toMatchObject({ communityId: 'c-zhongfang', name: '老年证办理' });
    const { services } = data(await call('catalogue', 'list', { communityId: 'c-zhongfang' }, null));
    expect(services.map((s: any) => s._id)).toContain(added._id);
  });

  it('an unknown place is not found', async () => {
    const { call } = await createTestApp();
    expect(code(await call('catalogue', 'upsert', { communityId: 'p-nowhere', service }, 'dev-admin'))).toBe('PLACE.NOT_FOUND');
  });
});

describe('catalogue.list says whether each service can be booked online now', () => {
  it('the seeded street has a schedule for every service it marks bookable, so each offers 在线预约', async () => {
    const { call, ports } = await createTestApp();
    for (const communityId of ['c-zhongfang', 'c-xinguang']) {
      const { services } = data(await call('catalogue', 'list', { communityId }, 'dev-resident-1'));
      const bookable = services.filter((s: any) => s.bookable);
      expect(bookable.map((s: any) => s.name)).toEqual(['证件照拍摄', '社保医保代办', '人民调解', '法律咨询', '服务群众工作日']);
      expect(bookable.map((s: any) => [s.name, s.online])).toEqual(bookable.map((s: any) => [s.name, 'open']));
      expect(services.filter((s: any) => !s.bookable).every((s: any) => s.online === 'off')).toBe(true);
      for (const s of bookable) expect(await ports.store.get(COLLECTIONS.bookingSchedules, s._id), s._id).not.toBeNull();
    }
  });

  it('marked bookable without a schedule, or with nothing open in the window: not offered, and staff are told which', async () => {
    const { call, ports } = await createTestApp();
    await ports.store.remove(COLLECTIONS.bookingSchedules, 'c-zhongfang-svc-4');
    const legal = data(await call('booking', 'getSchedule', { serviceId: 'c-zhongfang-svc-5' }, STAFF));
    const closedDates = Array.from({ length: legal.settings.windowDays + 1 }, (_, i) => ({
      date: new Date(Date.parse('2026-11-20T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
      reason: '法律顾问休假',
    }));
    data(
      await call(
        'booking',
        'saveSchedule',
        { serviceId: 'c-zhongfang-svc-5', version: legal.version, settings: { ...legal.settings, closedDates } },
        STAFF,
      ),
    );
    const { services } = data(await call('catalogue', 'list', { communityId: 'c-zhongfang' }, 'dev-resident-1'));
    const online = Object.fromEntries(services.map((s: any) => [s.name, s.online]));
    expect(online).toMatchObject({ 人民调解: 'noSchedule', 法律咨询: 'noSlots', 证件照拍摄: 'open', 复印打印: 'off' });
    // the same answer right after staff save a service
    const { _id, communityId: _c, sort: _s, updatedAt: _u, online: _o, ...mediation } = services.find((s: any) => s.name === '人民调解');
    const saved = data(await call('catalogue', 'upsert', { communityId: 'c-zhongfang', serviceId: _id, service: mediation }, STAFF));
    expect(saved.service).toMatchObject({ name: '人民调解', online: 'noSchedule' });
    const added = data(await call('catalogue', 'upsert', { communityId: 'c-zhongfang', service: { ...service, bookable: true } }, STAFF));
    expect(added.service.online).toBe('noSchedule');
  });

  // the caller's own document is read before (by dispatch); the community and its services are read together
  it('costs three store reads, however many services are bookable (no read per service)', async () => {
    const { call, ports } = await createTestApp();
    for (let i = 0; i < 12; i++)
      data(
        await call('catalogue', 'upsert', { communityId: 'c-zhongfang', service: { ...service, name: `服务${i}`, bookable: true } }, STAFF),
      );
    let reads = 0;
    for (const method of ['get', 'getMany', 'find', 'count'] as const) {
      const real = (ports.store[method] as (...args: unknown[]) => unknown).bind(ports.store);
      (ports.store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        reads += 1;
        return real(...args);
      };
    }
    const { services } = data(await call('catalogue', 'list', { communityId: 'c-zhongfang' }, null));
    expect(services.filter((s: any) => s.bookable)).toHaveLength(17);
    expect(reads).toBeLessThanOrEqual(3);
  });
});
