import type { DepartmentDoc, Grant, User } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { DEMO } from './seed-data';

/**
 * The demo street's functional departments (网格吹哨、部门报到), registered by 东塔街道 for the
 * whole street, and a head for each who acts as a dev identity; 供电 serves 中房社区 only, and
 * 外区燃气 another street, so the dispatcher's choice shows the area rule.
 */
export const DEMO_DEPARTMENTS = [
  {
    id: 'dept-chengguan',
    name: '东塔街道城管执法队',
    kind: 'enforcement',
    areaIds: [DEMO.street.id],
    head: { openid: 'dev-dept-chengguan', name: '马志刚', phone: '13904003001' },
  },
  {
    id: 'dept-zhujian',
    name: '大东区住建局',
    kind: 'housing',
    areaIds: [DEMO.street.id],
    head: { openid: 'dev-dept-zhujian', name: '高文静', phone: '13904003002' },
  },
  {
    id: 'dept-gongdian',
    name: '大东供电所',
    kind: 'power',
    areaIds: ['c-zhongfang'],
    head: { openid: 'dev-dept-gongdian', name: '罗建', phone: '13904003003' },
  },
] as const;

export async function seedDepartments(store: Store, clock: Clock, areaNames: (id: string) => string): Promise<void> {
  const now = clock.now().toISOString();
  for (const d of DEMO_DEPARTMENTS) {
    const doc: DepartmentDoc = {
      _id: d.id,
      name: d.name,
      kind: d.kind,
      ownerPlaceId: DEMO.street.id,
      ownerPath: [DEMO.district.id],
      districtId: DEMO.district.id,
      areaIds: [...d.areaIds],
      areaNames: d.areaIds.map(areaNames),
      phone: d.head.phone,
      createdAt: now,
      createdBy: 'seed',
    };
    await store.put(COLLECTIONS.departments, doc);
    const grant: Grant = {
      role: 'departmentHead',
      placeId: d.id,
      placePath: [DEMO.district.id, DEMO.street.id],
      placeName: d.name,
      grantedAt: now,
      grantedBy: 'seed',
    };
    const user: User = { _id: d.head.openid, name: d.head.name, phone: d.head.phone, grants: [grant], createdAt: now };
    await store.put(COLLECTIONS.users, user);
    await store.put(COLLECTIONS.placeStaff, { _id: d.id, members: [{ openid: d.head.openid, name: d.head.name, role: 'departmentHead' }] });
  }
}
