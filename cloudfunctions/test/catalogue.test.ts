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
