import {
  DEFAULT_PARTY_ITEMS,
  DEFAULT_VOLUNTEER_SETTINGS,
  grantId,
  householdLabel,
  shanghaiInstant,
  type ActivityDoc,
  type AssignmentDoc,
  type RewardDoc,
} from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { appendEntry } from '../src/use-cases/volunteer/ledger-writer';

/**
 * 志愿积分 and 十户联保 in the demo street, so a new user sees them working: 中房社区 has a canteen
 * shift tomorrow (东塔社区's 帮厨 two hours for two points), a visit to elderly neighbours and a past
 * repair day already confirmed; its 积分超市 sells a canteen meal, a haircut and detergent (灵西社区);
 * two party members each look after one unit of 中捷木材小区 1号楼 (十户联保).
 */
export const DEMO_VOLUNTEER = {
  canteen: 'seed-va-canteen',
  elderly: 'seed-va-elderly',
  past: 'seed-va-repair-past',
  meal: 'seed-reward-zhongfang-meal',
  partyMember: 'seed-resident-p-zhongjie-1',
  partyMember2: 'seed-resident-p-zhongjie-2',
  visit: 'lv_seed-visit-0001',
} as const;

const STAFF = { openid: 'dev-staff-zhongfang', name: '王丽' };

export async function seedVolunteer(store: Store, clock: Clock): Promise<void> {
  const now = clock.now();
  const at = now.toISOString();
  const community = (await store.get(COLLECTIONS.places, 'c-zhongfang'))!;
  const xinguang = (await store.get(COLLECTIONS.places, 'c-xinguang'))!;
  await store.put(COLLECTIONS.volSettings, {
    _id: community._id,
    ...DEFAULT_VOLUNTEER_SETTINGS,
    capPerMonth: 40,
    leads: [{ openid: 'dev-leader-zhongjie', name: '李斌' }],
    partyItems: DEFAULT_PARTY_ITEMS,
    version: 1,
    updatedAt: at,
  });
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const activity = (id: string, c: typeof community, over: Partial<ActivityDoc>): ActivityDoc => ({
    _id: id,
    title: '',
    description: '',
    location: '',
    startAt: at,
    endAt: at,
    seats: 6,
    points: { kind: 'perHour', points: 1 },
    whoMayJoin: 'community',
    communityId: c._id,
    communityName: c.name,
    communityPath: c.path,
    organiser: STAFF,
    status: 'open',
    taken: 0,
    waiting: 0,
    lineSeq: 0,
    secret: `seed-secret-${id}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    createdAt: at,
    updatedAt: at,
    ...over,
  });
  const acts = [
    activity(DEMO_VOLUNTEER.canteen, community, {
      title: '社区食堂帮厨送餐',
      description: '在社区食堂帮厨、给行动不便的老人送餐。服务 2 小时得 2 积分，可在积分超市换食堂午餐。',
      location: '中房社区食堂（中捷路 18 号院内）',
      startAt: shanghaiInstant(day(1), '10:30').toISOString(),
      endAt: shanghaiInstant(day(1), '12:30').toISOString(),
    }),
    activity(DEMO_VOLUNTEER.elderly, community, {
      title: '陪伴独居老人',
      description: '两人一组上门陪伴独居老人聊天、读报、帮忙打扫。',
      location: '和睦家园 各楼栋',
      startAt: shanghaiInstant(day(2), '14:00').toISOString(),
      endAt: shanghaiInstant(day(2), '16:00').toISOString(),
      seats: 4,
      points: { kind: 'perTask', points: 3 },
    }),
    activity('seed-va-xinguang-repair', xinguang, {
      title: '义务维修小家电',
      description: '修理小家电、更换水龙头配件。',
      location: '新光社区党群服务中心',
      startAt: shanghaiInstant(day(3), '09:00').toISOString(),
      endAt: shanghaiInstant(day(3), '11:00').toISOString(),
      organiser: { openid: 'dev-staff-xinguang', name: '赵强' },
    }),
    activity(DEMO_VOLUNTEER.past, community, {
      title: '义务维修日',
      description: '修理配件、小家电（灵西社区的做法）。',
      location: '中房社区党群服务中心',
      startAt: shanghaiInstant(day(-10), '09:00').toISOString(),
      endAt: shanghaiInstant(day(-10), '11:00').toISOString(),
      status: 'confirmed',
      taken: 3,
      confirmedAt: shanghaiInstant(day(-10), '11:30').toISOString(),
      confirmedBy: STAFF,
    }),
  ];
  for (const a of acts) await store.put(COLLECTIONS.volActivities, a);
  // the past repair day's grants, as its confirmation wrote them
  const past = acts[3]!;
  const volunteers = [
    ['dev-resident-1', '陈秀英'],
    ['seed-resident-p-zhongjie-1', (await store.get(COLLECTIONS.users, 'seed-resident-p-zhongjie-1'))?.name ?? '居民'],
    ['seed-resident-p-hemu-1', (await store.get(COLLECTIONS.users, 'seed-resident-p-hemu-1'))?.name ?? '居民'],
  ] as const;
  const pastDay = past.startAt.slice(0, 10);
  for (const [openid, name] of volunteers) {
    await store.put(COLLECTIONS.volSignups, {
      _id: `${past._id}:${openid}`,
      activityId: past._id,
      communityId: community._id,
      openid,
      name,
      phone: '',
      startAt: past.startAt,
      status: 'signedUp',
      seq: 0,
      checkInAt: past.startAt,
      checkOutAt: past.endAt,
      method: 'qr',
      createdAt: at,
      updatedAt: at,
    });
    await store.transaction((tx) =>
      appendEntry(tx, {
        _id: grantId('volunteer', past._id, openid),
        ledger: 'volunteer',
        communityId: community._id,
        openid,
        name,
        kind: 'grant',
        points: 2,
        hours: 2,
        activityId: past._id,
        activityTitle: past.title,
        activityDate: pastDay,
        activityLocation: past.location,
        reason: '扫码签到，服务 2 小时',
        recordedBy: { ...STAFF, role: '社区工作人员' },
        at: past.confirmedAt!,
        day: pastDay,
        month: pastDay.slice(0, 7),
      }),
    );
  }
  const reward = (id: string, communityId: string, name: string, description: string, price: number, stock: number): RewardDoc => ({
    _id: id,
    communityId,
    name,
    description,
    price,
    stock,
    redeemed: 0,
    active: true,
    updatedAt: at,
  });
  for (const r of [
    reward(DEMO_VOLUNTEER.meal, community._id, '食堂午餐一份', '社区食堂工作日午餐，凭兑换码到食堂窗口领取', 2, 30),
    reward('seed-reward-zhongfang-haircut', community._id, '理发一次', '社区理发室，凭兑换码理发一次', 5, 10),
    reward('seed-reward-zhongfang-detergent', community._id, '洗衣液一瓶', '到社区服务大厅领取', 8, 5),
    reward('seed-reward-xinguang-meal', xinguang._id, '食堂午餐一份', '凭兑换码到食堂领取', 2, 20),
  ])
    await store.put(COLLECTIONS.volRewards, r);

  // 十户联保: two party members of 中房社区, covered by 王丽, each with one unit of 中捷木材小区 1号楼
  const compound = (await store.get(COLLECTIONS.places, 'p-zhongjie'))!;
  const building = (await store.get(COLLECTIONS.places, 'p-zhongjie-b1'))!;
  const members = [
    { openid: DEMO_VOLUNTEER.partyMember, unit: 'p-zhongjie-b1-u1', take: 10 },
    { openid: DEMO_VOLUNTEER.partyMember2, unit: 'p-zhongjie-b1-u2', take: 12 },
  ];
  for (const m of members) {
    const user = (await store.get(COLLECTIONS.users, m.openid))!;
    const unit = (await store.get(COLLECTIONS.places, m.unit))!;
    const households = (
      await store.find(COLLECTIONS.places, { where: { parentId: unit._id }, orderBy: [['sort', 'asc']], limit: 100 })
    ).slice(0, m.take);
    await store.put(COLLECTIONS.partyMembers, {
      _id: `${community._id}:${m.openid}`,
      communityId: community._id,
      openid: m.openid,
      name: user.name,
      phone: user.phone ?? '',
      cadre: STAFF,
      households: households.length,
      createdAt: at,
      updatedAt: at,
    });
    for (const h of households) {
      const a: AssignmentDoc = {
        _id: h._id,
        householdId: h._id,
        householdName: householdLabel(h.fullName, compound.fullName),
        communityId: community._id,
        compoundId: compound._id,
        compoundName: compound.name,
        buildingId: building._id,
        buildingName: building.name,
        unitId: unit._id,
        unitName: unit.name,
        sortKey: `000:${String(building.sort ?? 0).padStart(3, '0')}:${String(unit.sort ?? 0).padStart(3, '0')}:${String(h.sort ?? 0).padStart(4, '0')}`,
        partyMemberOpenid: m.openid,
        partyMemberName: user.name,
        partyMemberPhone: user.phone ?? '',
        assignedAt: at,
        assignedBy: STAFF.openid,
        // a few visited recently, the rest due
        lastVisitAt: (h.sort ?? 0) < 30 ? new Date(now.getTime() - 5 * 86_400_000).toISOString() : null,
      };
      await store.put(COLLECTIONS.lianbaoAssignments, a);
    }
  }
  await store.put(COLLECTIONS.lianbaoVisits, {
    _id: DEMO_VOLUNTEER.visit,
    householdId: 'p-zhongjie-b1-u1-101',
    householdName: '1号楼1单元101',
    communityId: community._id,
    compoundId: compound._id,
    partyMemberOpenid: DEMO_VOLUNTEER.partyMember,
    partyMemberName: (await store.get(COLLECTIONS.users, DEMO_VOLUNTEER.partyMember))?.name ?? '党员',
    date: day(-5),
    topics: '问了问冬季供暖和身体情况',
    need: '卫生间水龙头一直滴水，老人自己换不了',
    followUpOn: day(2),
    requestId: null,
    reminded: false,
    createdAt: at,
  });
}
