import { publisherLabel, sortMembers, type Place, type TeamMember } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import { seedResident } from './seed-resident';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { subscriptionId } from '../src/use-cases/notifications/spend-grant-and-send';
import { newNoticeDoc, writeNotice } from '../src/use-cases/notices/publish-notice';
import { demoName, demoPhone } from './seed-data';
import type { SubscriptionDoc } from '../src/ports/documents';

/**
 * Notices demo data, on top of the demo street (run last in seedDemo):
 * - more approved residents in 新光花园, several per building and one household of two, so that
 *   reach by building and unit and the door-knocking list have something to show;
 * - 楼栋长 and a 单元长 on 新光花园's team (the seeds' third and fourth grid levels: 楼长, 楼门单元长);
 * - notice grants for most of them, none for a few (so "no grant left" shows up);
 * - a notice in 中捷木材小区 (the role-and-scope table uses it) and 新光社区's 阳光三务 archive over
 *   three months.
 */
export const SEEDED_NOTICES = {
  zhongjieHeating: 'seed-notice-zhongjie-heating',
  xinguangParty: 'seed-notice-xinguang-party',
  xinguangFinance: 'seed-notice-xinguang-finance',
  xinguangAffairs: 'seed-notice-xinguang-affairs',
} as const;

/** 新光花园 rooms that get a resident: [building, unit, room]. */
const XINGUANG_ROOMS: [number, number, string][] = [
  [1, 1, '101'],
  [1, 1, '301'],
  [1, 1, '502'],
  [1, 2, '201'],
  [1, 2, '402'],
  [2, 1, '102'],
  [2, 1, '501'],
  [2, 2, '101'],
  [2, 2, '302'],
  [2, 2, '601'],
  [3, 1, '201'],
  [3, 1, '302'],
  [3, 2, '102'],
  [3, 2, '401'],
];

const HEADS: { title: string; n: number }[] = [
  { title: '2号楼楼栋长', n: 801 },
  { title: '3号楼楼栋长', n: 802 },
  { title: '1号楼2单元单元长', n: 803 },
];

const DAY = 24 * 3600_000;

export async function seedNotices(store: Store, clock: Clock): Promise<void> {
  const now = clock.now();
  const iso = now.toISOString();
  const place = async (id: string) => {
    const p = await store.get(COLLECTIONS.places, id);
    if (!p) throw new Error(`seed-notices: place ${id} is missing`);
    return p;
  };

  // residents
  const residents: { openid: string; name: string; phone: string; householdId: string }[] = XINGUANG_ROOMS.map(([b, u, room], i) => ({
    openid: `seed-notice-resident-${i + 1}`,
    name: demoName(700 + i),
    phone: demoPhone(700 + i),
    householdId: `p-xinguang-b${b}-u${u}-${room}`,
  }));
  // 周国庆's wife shares his household (2号楼1单元302): one household, two people to reach
  residents.push({ openid: 'seed-notice-resident-spouse', name: '刘桂兰', phone: demoPhone(799), householdId: 'p-xinguang-b2-u1-302' });
  for (const r of residents) await seedResident(store, r, iso);

  // grants: most have one or two notice messages allowed; every fourth has none
  const granted = ['dev-resident-1', 'dev-resident-2', ...residents.map((r) => r.openid)].filter((_, i) => i % 4 !== 3);
  for (const [i, openid] of granted.entries()) {
    const doc: SubscriptionDoc = {
      _id: subscriptionId(openid, 'notice'),
      openid,
      template: 'notice',
      remaining: 1 + (i % 2),
      off: false,
      updatedAt: iso,
    };
    await store.put(COLLECTIONS.subscriptions, doc);
  }

  // building and unit heads on 新光花园's team
  const team = await store.get(COLLECTIONS.teams, 'p-xinguang');
  if (team) {
    const heads: TeamMember[] = HEADS.map((h) => ({
      id: `p-xinguang-head-${h.n}`,
      role: 'honoraryLeader',
      name: demoName(h.n),
      phone: demoPhone(h.n),
      dutyHours: '每天 8:00–20:00',
      services: ['楼栋信息上传下达', '敲门入户通知', '邻里互助'],
      title: h.title,
    }));
    await store.put(COLLECTIONS.teams, { ...team, members: sortMembers([...team.members, ...heads]) });
  }

  // notices
  const userGrant = async (openid: string) => {
    const u = await store.get(COLLECTIONS.users, openid);
    const g = u?.grants[0];
    if (!u || !g) throw new Error(`seed-notices: user ${openid} is missing`);
    return { label: publisherLabel(g, u.name) };
  };
  const leader = await userGrant('dev-leader-zhongjie');
  const staff = await userGrant('dev-staff-xinguang');
  const zhongjie = await place('p-zhongjie');
  const xinguang = await place('c-xinguang');
  const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

  const seedOne = async (
    _id: string,
    target: Place,
    publisherOpenid: string,
    label: string,
    publishedAgo: number,
    lifetime: number,
    input: Parameters<typeof newNoticeDoc>[0]['input'],
  ) => {
    const publishAt = at(publishedAgo);
    const draft = newNoticeDoc({
      _id,
      input,
      targets: [target],
      publisherOpenid,
      publisherLabel: label,
      schedule: { publishAt, expiresAt: new Date(Date.parse(publishAt) + lifetime).toISOString() },
      now: new Date(publishAt),
    });
    const written = await writeNotice(store, draft, [target]);
    if (!written.ok) throw new Error(`seed-notices: ${_id} → ${written.error.code}`);
  };
  const base = { needsAck: false, pinned: false, attachments: [] };

  await seedOne(SEEDED_NOTICES.zhongjieHeating, zhongjie, 'dev-leader-zhongjie', leader.label, 2 * 3600_000, 7 * DAY, {
    ...base,
    title: '冬季供暖试水通知',
    body: '各位居民：热力公司定于本周六 9:00–15:00 对小区供暖管网试水打压。请家中留人，发现暖气漏水请立即关闭阀门，并拨打物业电话。',
    category: 'notice',
  });
  await seedOne(SEEDED_NOTICES.xinguangParty, xinguang, 'dev-staff-xinguang', staff.label, 70 * DAY, 30 * DAY, {
    ...base,
    title: '新光社区党委关于发展党员的公示',
    body: '经社区党委研究，拟将王建国同志列为发展对象，现予以公示。公示期 7 天，如有意见请向社区党委反映。',
    category: 'sunshine',
    sunshineType: 'party',
  });
  await seedOne(SEEDED_NOTICES.xinguangFinance, xinguang, 'dev-staff-xinguang', staff.label, 40 * DAY, 30 * DAY, {
    ...base,
    title: '新光社区三季度经费收支公开',
    body: '三季度社区公益金收入 12,000 元，支出 9,860 元（楼道照明维修 4,200 元、老年活动室取暖 3,160 元、环境整治 2,500 元），结余 2,140 元。明细见社区公示栏。',
    category: 'sunshine',
    sunshineType: 'finance',
  });
  await seedOne(SEEDED_NOTICES.xinguangAffairs, xinguang, 'dev-staff-xinguang', staff.label, 1 * DAY, 30 * DAY, {
    ...base,
    title: '新光社区冬季环境整治工作安排',
    body: '本月起每周六上午开展楼道杂物清理，请居民配合清理楼道堆放物品。需要帮助搬运的老年人家庭，请联系楼栋长。',
    category: 'sunshine',
    sunshineType: 'affairs',
  });
}
