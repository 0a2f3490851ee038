import {
  sortMembers,
  type Binding,
  type Grant,
  type Place,
  type Role,
  type Service,
  type Team,
  type TeamMember,
  type User,
} from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { DEMO, demoName, demoPhone, demoServices, demoTeam } from './seed-data';
import { seedBooking } from './seed-booking';
import { seedRequests } from './seed-requests';
import { seedNotices } from './seed-notices';
import { seedLedger } from './seed-ledger';
import { seedDeliberation } from './seed-deliberation';
import { seedVolunteer } from './seed-volunteer';
import { seedDepartments } from './seed-departments';

export interface DevIdentity {
  openid: string;
  label: string;
  group: '居民' | '三长五员' | '社区工作人员' | '街道工作人员' | '职能部门' | '管理员' | '新用户';
}

const SEED_MARKER = { collection: 'meta', id: 'seed' } as const;

/** Seeds the demo street once; a second start keeps whatever was changed since. */
export async function seedIfEmpty(store: Store, clock: Clock): Promise<boolean> {
  if (await store.get(SEED_MARKER.collection, SEED_MARKER.id)) return false;
  await seedDemo(store, clock);
  await store.put(SEED_MARKER.collection, { _id: SEED_MARKER.id, at: clock.now().toISOString() });
  return true;
}

export const householdId = (compoundId: string, building: number, unit: number, room: string) =>
  `${compoundId}-b${building}-u${unit}-${room}`;

export const DEV_IDENTITIES: DevIdentity[] = [
  { openid: 'dev-resident-1', label: '居民 陈秀英（中捷木材小区 1号楼1单元101）', group: '居民' },
  { openid: 'dev-resident-2', label: '居民 周国庆（新光花园 2号楼1单元302）', group: '居民' },
  { openid: 'dev-pending', label: '居民 吴海燕（绑定待审核）', group: '居民' },
  { openid: 'dev-leader-zhongjie', label: '小区点长 李斌（中捷木材小区）', group: '三长五员' },
  { openid: 'dev-leader-xinguang', label: '小区点长 孙丽华（新光花园）', group: '三长五员' },
  { openid: 'seed-resident-p-zhongjie-1', label: '联户党员（中捷木材小区 1号楼1单元，十户联保）', group: '三长五员' },
  { openid: 'dev-staff-zhongfang', label: '社区工作人员 王丽（中房社区）', group: '社区工作人员' },
  { openid: 'dev-staff-xinguang', label: '社区工作人员 赵强（新光社区）', group: '社区工作人员' },
  { openid: 'dev-secretary-zhongfang', label: '党组织书记 张建国（中房社区，两委委员）', group: '社区工作人员' },
  { openid: 'dev-street', label: '街道工作人员 刘晓燕（东塔街道）', group: '街道工作人员' },
  { openid: 'dev-dept-chengguan', label: '部门负责人 马志刚（东塔街道城管执法队）', group: '职能部门' },
  { openid: 'dev-dept-zhujian', label: '部门负责人 高文静（大东区住建局）', group: '职能部门' },
  { openid: 'dev-dept-gongdian', label: '部门负责人 罗建（大东供电所，只管中房社区）', group: '职能部门' },
  { openid: 'dev-wg-member', label: '服务群众工作组成员 韩明（区民政局，用区里给的邀请码加入）', group: '职能部门' },
  { openid: 'dev-admin', label: '区级管理员 张主任（大东区）', group: '管理员' },
  { openid: 'dev-newcomer', label: '新用户（还没有绑定房屋）', group: '新用户' },
];

/** The point leaders the dev identities act as; their phones are on the cards. */
const NAMED_LEADERS: Record<string, { name: string; phone: string; openid: string }> = {
  'p-zhongjie': { name: '李斌', phone: '13904001001', openid: 'dev-leader-zhongjie' },
  'p-xinguang': { name: '孙丽华', phone: '13904001003', openid: 'dev-leader-xinguang' },
};

export async function seedDemo(store: Store, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  const places: Place[] = [];
  const add = (p: Omit<Place, 'fullName'> & { fullName?: string }) => {
    const parent = places.find((x) => x._id === p.parentId);
    const fullName =
      p.fullName ??
      (parent && parent.kind !== 'district' && parent.kind !== 'street' && parent.kind !== 'community'
        ? `${parent.fullName}${p.name}`
        : p.name);
    const place = { ...p, fullName } as Place;
    places.push(place);
    return place;
  };
  const district = add({ _id: DEMO.district.id, kind: 'district', name: DEMO.district.name, parentId: null, path: [], sort: 0 });
  const street = add({
    _id: DEMO.street.id,
    kind: 'street',
    name: DEMO.street.name,
    parentId: district._id,
    path: [district._id],
    fullName: `${district.name}${DEMO.street.name}`,
    sort: 0,
  });
  const services: Service[] = [];
  const teams: Team[] = [];
  const posts: { _id: string; compoundId: string; compoundName: string; memberId: string }[] = [];
  let personBase = 0;
  DEMO.communities.forEach((c, ci) => {
    const community = add({
      _id: c.id,
      kind: 'community',
      name: c.name,
      parentId: street._id,
      path: [district._id, street._id],
      fullName: `${street.name}${c.name}`,
      sort: ci,
    });
    demoServices(c.name, `024-8888${String(1000 + ci).slice(-4)}`).forEach((s, si) =>
      services.push({ _id: `${c.id}-svc-${si + 1}`, communityId: c.id, ...s, sort: si, updatedAt: now }),
    );
    c.compounds.forEach((p, pi) => {
      const compound = add({
        _id: p.id,
        kind: 'compound',
        name: p.name,
        parentId: community._id,
        path: [...community.path, community._id],
        fullName: p.name,
        address: p.address,
        checkpoints: [...p.checkpoints],
        sort: pi,
      });
      for (let b = 1; b <= DEMO.buildingsPerCompound; b++) {
        const building = add({
          _id: `${p.id}-b${b}`,
          kind: 'building',
          name: `${b}号楼`,
          parentId: compound._id,
          path: [...compound.path, compound._id],
          sort: b,
        });
        for (let u = 1; u <= DEMO.unitsPerBuilding; u++) {
          const unit = add({
            _id: `${building._id}-u${u}`,
            kind: 'unit',
            name: `${u}单元`,
            parentId: building._id,
            path: [...building.path, building._id],
            sort: u,
          });
          for (let f = 1; f <= DEMO.floors; f++)
            for (let r = 1; r <= DEMO.roomsPerFloor; r++) {
              const room = `${f}0${r}`;
              add({
                _id: householdId(p.id, b, u, room),
                kind: 'household',
                name: room,
                parentId: unit._id,
                path: [...unit.path, unit._id],
                sort: f * 10 + r,
              });
            }
        }
      }
      const named = NAMED_LEADERS[p.id];
      const members: TeamMember[] = demoTeam(personBase, p.checkpoints, named).map((post, i) => ({
        id: `${p.id}-m${i + 1}`,
        role: post.role,
        ...(post.checkpoint ? { checkpoint: post.checkpoint } : {}),
        ...post.person,
      }));
      personBase += 40;
      teams.push({ _id: p.id, compoundId: p.id, communityId: c.id, members: sortMembers(members), version: 1, updatedAt: now });
      const leader = members.find((m) => m.role === 'pointLeader')!;
      posts.push({ _id: leader.phone, compoundId: p.id, compoundName: p.name, memberId: leader.id });
    });
  });

  const byId = new Map(places.map((p) => [p._id, p]));
  const grant = (role: Role, placeId: string): Grant => {
    const place = byId.get(placeId)!;
    return { role, placeId, placePath: place.path, placeName: place.fullName, grantedAt: now, grantedBy: 'seed' };
  };
  const users: User[] = [
    { _id: 'dev-admin', name: '张主任', phone: '13904000001', grants: [grant('admin', district._id)], createdAt: now },
    { _id: 'dev-street', name: '刘晓燕', phone: '13904000002', grants: [grant('streetStaff', street._id)], createdAt: now },
    { _id: 'dev-staff-zhongfang', name: '王丽', phone: '13904000003', grants: [grant('communityStaff', 'c-zhongfang')], createdAt: now },
    { _id: 'dev-staff-xinguang', name: '赵强', phone: '13904000004', grants: [grant('communityStaff', 'c-xinguang')], createdAt: now },
    // 议事厅: the community's 党组织书记, also a member of the 两委 (四议一审两公开's first steps)
    {
      _id: 'dev-secretary-zhongfang',
      name: '张建国',
      phone: '13904000005',
      grants: [grant('partySecretary', 'c-zhongfang'), grant('committeeMember', 'c-zhongfang')],
      createdAt: now,
    },
    ...Object.entries(NAMED_LEADERS).map(([compoundId, l]) => ({
      _id: l.openid,
      name: l.name,
      phone: l.phone,
      grants: [grant('pointLeader', compoundId)],
      createdAt: now,
    })),
  ];
  const bindings: Binding[] = [];
  const resident = (openid: string, name: string, phone: string, hid: string, status: Binding['status']) => {
    const h = byId.get(hid)!;
    const compoundId = h.path[3]!;
    const communityId = h.path[2]!;
    bindings.push({
      _id: openid,
      openid,
      householdId: hid,
      compoundId,
      communityId,
      householdName: h.fullName,
      name,
      phone,
      status,
      createdAt: now,
      ...(status === 'approved' ? { reviewedAt: now, reviewedBy: 'seed' } : {}),
    });
    if (status === 'approved') users.push({ _id: openid, name, phone, grants: [grant('resident', hid)], createdAt: now });
  };
  resident('dev-resident-1', '陈秀英', '13804002001', householdId('p-zhongjie', 1, 1, '101'), 'approved');
  resident('dev-resident-2', '周国庆', '13804002002', householdId('p-xinguang', 2, 1, '302'), 'approved');
  resident('dev-pending', '吴海燕', '13804002003', householdId('p-zhongjie', 2, 2, '501'), 'pending');
  // more residents so every compound has some, named deterministically
  DEMO.communities
    .flatMap((c) => c.compounds)
    .forEach((p, i) => {
      for (let k = 1; k <= 3; k++) {
        const n = 500 + i * 10 + k;
        resident(`seed-resident-${p.id}-${k}`, demoName(n), demoPhone(n), householdId(p.id, k, 1, `${k + 1}01`), 'approved');
      }
    });

  for (const p of places) await store.put(COLLECTIONS.places, p);
  for (const t of teams) await store.put(COLLECTIONS.teams, t);
  for (const p of posts) await store.put(COLLECTIONS.pointLeaderPosts, p);
  for (const s of services) await store.put(COLLECTIONS.services, s);
  for (const u of users) await store.put(COLLECTIONS.users, u);
  for (const b of bindings) await store.put(COLLECTIONS.bindings, b);
  await seedBooking(store, clock);
  await seedRequests(store, clock, users);
  await seedNotices(store, clock);
  await seedVolunteer(store, clock);
  await seedLedger(store, clock);
  await seedDepartments(store, clock, (id) => byId.get(id)?.fullName ?? id);
  await seedDeliberation(store, clock);
}
