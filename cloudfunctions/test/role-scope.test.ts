import { contracts, DEFAULT_RULE_SETTINGS } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_DELIB } from '../dev/seed-deliberation';
import { DEMO_REQUESTS } from '../dev/seed-requests';
import { DEMO_VOLUNTEER } from '../dev/seed-volunteer';
import { FUNCTIONS } from '../src/functions/registry';
import { code, createTestApp, PERSON, WHO, type Call, type Who } from './harness';
import { joinWorkGroup, WORK_GROUP as GROUP } from './work-group-fixture';

/**
 * The role-and-scope table: every action of every function, run by every kind of caller.
 * "in scope" targets 中房社区 / 中捷木材小区; staffOutOfScope works for 新光社区.
 * A row lists who may pass the access check; everyone else must be refused.
 */
const ALL: Who[] = Object.keys(WHO) as Who[];
const SIGNED_IN: Who[] = ALL.filter((w) => w !== 'anonymous');
const STAFF: Who[] = ['staffInScope', 'street', 'admin'];
/** People of the community (a resident or 三长五员 living there, or staff covering it) may book. */
const BOOKERS: Who[] = ['resident', 'pointLeader', 'staffInScope', 'street', 'admin'];

/** Anyone who may publish somewhere (point leaders, community and street staff, admins). */
const PUBLISHERS: Who[] = ['pointLeader', 'staffInScope', 'staffOutOfScope', 'street', 'admin'];
/** Those whose scope covers 中捷木材小区: they may publish there and manage its notices. */
const NOTICE_MANAGERS: Who[] = ['pointLeader', 'staffInScope', 'street', 'admin'];
/** Those who handle 中捷木材小区's requests: its 三长五员 and the staff whose place covers it. */
const REQUEST_MANAGERS: Who[] = ['pointLeader', 'staffInScope', 'street', 'admin'];

/**
 * A row's input, or (for actions on something the seed does not hold, such as a department's part)
 * a setup that makes it through the real actions and answers the input.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
type Row = { allowed: Who[]; input: unknown; setup?: (app: App) => Promise<unknown> };

/** The departments' people (网格吹哨、部门报到): a department's head (城管执法), and the other's (住建). */
const DEPARTMENT: Who[] = ['department'];

/** A request of 中捷木材小区 dispatched by the street to 城管执法 (lead) and 住建 (co): the 城管 part. */
async function dispatched(call: Call, n = 1): Promise<string> {
  const key = `role-scope-dispatch-${n}`;
  const submitted = await call(
    'requests',
    'submit',
    {
      key,
      compoundId: 'p-zhongjie',
      category: 'safety',
      description: '中捷路人行道井盖松动，踩上去会翻',
      location: { kind: 'spot', text: '中捷路人行道' },
    },
    WHO.resident,
  );
  if (!submitted.ok) throw new Error(submitted.error.code);
  await call('requests', 'accept', { requestId: key }, WHO.pointLeader);
  const sent = await call(
    'departments',
    'dispatch',
    { key: `${key}-d`, requestId: key, departmentIds: ['dept-chengguan', 'dept-zhujian'], leadId: 'dept-chengguan' },
    WHO.street,
  );
  if (!sent.ok) throw new Error(sent.error.code);
  return `${key}:dept-chengguan`;
}
const onDispatched =
  (extra: Record<string, unknown> = {}, before?: (app: App, dispatchId: string) => Promise<unknown>) =>
  async (app: App) => {
    const dispatchId = await dispatched(app.call);
    await before?.(app, dispatchId);
    return { dispatchId, ...extra };
  };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
async function arrived(app: App, dispatchId: string) {
  const photo = await app.ports.files.save({ name: 'spot.png', contentType: 'image/png', bytes: PNG, ownerOpenid: WHO.department });
  const done = await app.call('departments', 'arrive', { dispatchId, photos: [photo] }, WHO.department);
  if (!done.ok) throw new Error(done.error.code);
}
const joinedGroup = (app: App) => joinWorkGroup(app.call);
const GROUP_READERS: Who[] = [...STAFF, 'groupMember'];

const TABLE: Record<string, Record<string, Row>> = {
  places: {
    searchCompounds: { allowed: ALL, input: { q: '中捷' } },
    listChildren: { allowed: ALL, input: { parentId: 'p-zhongjie' } },
    ledgerTemplate: { allowed: STAFF, input: { compoundId: 'p-zhongjie' } },
    ledgerDryRun: { allowed: STAFF, input: { key: 'role-scope-ledger', compoundId: 'p-zhongjie', fileId: 'up-nope' } },
    ledgerApply: { allowed: STAFF, input: { importId: 'seed-ledger-import' } },
    searchResidents: { allowed: REQUEST_MANAGERS, input: { compoundId: 'p-zhongjie', q: '赵' } },
  },
  identity: {
    me: { allowed: SIGNED_IN, input: {} },
    requestBinding: { allowed: SIGNED_IN, input: { householdId: 'p-zhongjie-b3-u2-601', name: '测试', phone: '13800000000' } },
    listBindings: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    reviewBinding: { allowed: STAFF, input: { bindingId: 'dev-pending', approve: true } },
    createInvite: { allowed: STAFF, input: { role: 'pointLeader', placeId: 'p-zhongjie' } },
    redeemInvite: { allowed: SIGNED_IN, input: { code: 'ABCDEFGH', name: '测试' } },
    listRoles: { allowed: STAFF, input: { placeId: 'c-zhongfang' } },
    revokeRole: {
      allowed: STAFF,
      input: { key: 'role-scope-revoke', placeId: 'p-zhongjie', role: 'pointLeader', openid: 'dev-leader-zhongjie' },
    },
  },
  team: {
    getCard: { allowed: ALL, input: { compoundId: 'p-zhongjie' } },
    addMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', role: 'honoraryLeader', person: PERSON } },
    replaceMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', memberId: 'p-zhongjie-m2', person: PERSON } },
    removeMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', memberId: 'p-zhongjie-m4' } },
    history: { allowed: STAFF, input: { compoundId: 'p-zhongjie' } },
    poster: { allowed: STAFF, input: { compoundId: 'p-zhongjie', buildingId: 'p-zhongjie-b1' } },
  },
  catalogue: {
    list: { allowed: ALL, input: { communityId: 'c-zhongfang' } },
    upsert: {
      allowed: STAFF,
      input: {
        communityId: 'c-zhongfang',
        service: {
          name: '老年证办理',
          category: 'proxy',
          description: '代办老年优待证',
          materials: ['身份证'],
          location: '便民服务大厅',
          hours: '工作日',
          contact: '024-88881000',
          bookable: false,
        },
      },
    },
    remove: { allowed: STAFF, input: { communityId: 'c-zhongfang', serviceId: 'c-zhongfang-svc-1' } },
  },
  // in scope: 中房社区's 证件照拍摄 (seeded with a schedule: allowed callers book it, or meet NOT_FOUND / SCHEDULE_STALE)
  booking: {
    days: { allowed: ALL, input: { serviceId: 'c-zhongfang-svc-2' } },
    slots: { allowed: ALL, input: { serviceId: 'c-zhongfang-svc-2', date: '2026-11-23' } },
    book: {
      allowed: BOOKERS,
      input: {
        serviceId: 'c-zhongfang-svc-2',
        startAt: '2026-11-23T01:00:00.000Z',
        booker: { name: '测试', phone: '13800000000' },
        requestKey: 'role-scope-key',
      },
    },
    mine: { allowed: SIGNED_IN, input: {} },
    get: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope' } },
    cancel: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope' } },
    move: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope', startAt: '2026-11-23T01:00:00.000Z' } },
    joinWaitlist: {
      allowed: BOOKERS,
      input: { serviceId: 'c-zhongfang-svc-2', startAt: '2026-11-23T01:00:00.000Z', booker: { name: '测试', phone: '13800000000' } },
    },
    leaveWaitlist: { allowed: SIGNED_IN, input: { entryId: 'nope' } },
    getSchedule: { allowed: STAFF, input: { serviceId: 'c-zhongfang-svc-2' } },
    saveSchedule: {
      allowed: STAFF,
      input: {
        serviceId: 'c-zhongfang-svc-2',
        version: 0,
        settings: { rules: [{ weekday: 1, start: '09:00', end: '10:00' }], slotMinutes: 30, seats: 1 },
      },
    },
    today: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    roster: { allowed: STAFF, input: { serviceId: 'c-zhongfang-svc-2', date: '2026-11-23' } },
    checkIn: { allowed: STAFF, input: { communityId: 'c-zhongfang', code: 'ABCDEF' } },
    markNoShow: { allowed: STAFF, input: { serviceId: 'c-zhongfang-svc-2', bookingId: 'bk_nope' } },
    // the timer's action: no phone may run it
    remind: { allowed: [], input: {} },
  },
  // in scope: 中捷木材小区 and its seeded notice (cloudfunctions/dev/seed-notices.ts)
  notices: {
    scopes: { allowed: PUBLISHERS, input: {} },
    publish: {
      allowed: NOTICE_MANAGERS,
      input: {
        requestKey: 'role-scope-notice',
        title: '停水通知',
        body: '明天 9 点到 12 点停水',
        category: 'outage',
        targetIds: ['p-zhongjie'],
      },
    },
    listMine: { allowed: PUBLISHERS, input: {} },
    reach: { allowed: NOTICE_MANAGERS, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    remind: { allowed: NOTICE_MANAGERS, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    doorList: { allowed: NOTICE_MANAGERS, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    withdraw: { allowed: NOTICE_MANAGERS, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    feed: { allowed: SIGNED_IN, input: {} },
    unreadCount: { allowed: SIGNED_IN, input: {} },
    open: { allowed: SIGNED_IN, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    acknowledge: { allowed: SIGNED_IN, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    archive: { allowed: ALL, input: { communityId: 'c-zhongfang' } },
    archiveNotice: { allowed: ALL, input: { noticeId: 'seed-notice-xinguang-finance' } },
    subscriptions: { allowed: SIGNED_IN, input: {} },
    recordSubscriptions: { allowed: SIGNED_IN, input: { accepted: ['notice'] } },
    setSubscription: { allowed: SIGNED_IN, input: { template: 'notice', off: true } },
    // the sender, run by the timer only
    deliver: { allowed: [], input: {} },
  },
  // 网格吹哨、部门报到: in scope 东塔街道's departments and 中捷木材小区's requests
  workgroups: {
    assign: { allowed: ['admin'], input: { communityId: 'c-zhongfang', group: GROUP, version: 0 } },
    list: { allowed: ['admin'], input: { districtId: 'd-dadong' } },
    get: { allowed: GROUP_READERS, input: null, setup: async (app) => (await joinedGroup(app), { communityId: 'c-zhongfang' }) },
    mine: { allowed: SIGNED_IN, input: {} },
    collect: {
      allowed: ['groupMember'],
      input: null,
      setup: async (app) => ({
        key: 'role-scope-collect',
        groupId: (await joinedGroup(app))._id,
        compoundId: 'p-zhongjie',
        category: 'safety',
        description: '花园路人行道人车抢道，老人过路危险',
        spot: '中捷路人行道',
      }),
    },
    figures: {
      allowed: GROUP_READERS,
      input: null,
      setup: async (app) => (await joinedGroup(app), { communityId: 'c-zhongfang', month: '2026-11' }),
    },
  },
  departments: {
    update: {
      allowed: ['street', 'admin'],
      input: { departmentId: 'dept-chengguan', name: '东塔街道综合执法队', kind: 'enforcement', areaIds: ['s-dongta'] },
    },
    register: {
      allowed: ['street', 'admin'],
      input: { key: 'role-scope-dept', ownerPlaceId: 's-dongta', name: '东塔街道市场监管所', kind: 'market', areaIds: ['c-zhongfang'] },
    },
    list: { allowed: STAFF, input: { placeId: 'c-zhongfang' } },
    mine: { allowed: SIGNED_IN, input: {} },
    patrol: {
      allowed: REQUEST_MANAGERS,
      input: {
        key: 'role-scope-patrol',
        compoundId: 'p-zhongjie',
        category: 'safety',
        description: '3号楼东侧井盖破损',
        spot: '3号楼东侧',
        photos: ['uploads/none.jpg'],
      },
    },
    dispatch: {
      allowed: STAFF,
      input: { key: 'role-scope-dispatch', requestId: DEMO_REQUESTS.accepted, departmentIds: ['dept-chengguan'] },
    },
    // its dispatchers and responders see every part; a department only a request it holds a part of (else an empty list)
    parts: { allowed: [...REQUEST_MANAGERS, ...DEPARTMENT], input: { requestId: DEMO_REQUESTS.accepted } },
    inbox: { allowed: DEPARTMENT, input: { departmentId: 'dept-chengguan' } },
    part: { allowed: [...REQUEST_MANAGERS, ...DEPARTMENT], input: null, setup: onDispatched() },
    arrive: { allowed: DEPARTMENT, input: null, setup: onDispatched({ photos: ['uploads/none.jpg'] }) },
    progress: {
      allowed: DEPARTMENT,
      input: null,
      setup: onDispatched({ key: 'role-scope-part-progress', text: '已设置围挡', photos: [] }, arrived),
    },
    contribute: { allowed: DEPARTMENT, input: null, setup: onDispatched({ text: '井盖产权已核实' }, arrived) },
    return: { allowed: DEPARTMENT, input: null, setup: onDispatched({ reason: '井盖产权属于燃气公司' }) },
    resolve: { allowed: DEPARTMENT, input: null, setup: onDispatched({ result: '井盖已更换', photos: [] }, arrived) },
    // any staff member working in the district (community, street, district)
    ranking: { allowed: [...STAFF, 'staffOutOfScope'], input: { districtId: 'd-dadong', month: '2026-11' } },
    // the counters' backfill and repair: a deploy step, never a phone
    recount: { allowed: [], input: { districtId: 'd-dadong' } },
  },
  // the transactional-message sender, run by the timer only
  messages: {
    deliver: { allowed: [], input: {} },
  },
  requests: {
    submit: {
      allowed: ['resident', ...REQUEST_MANAGERS],
      input: {
        key: 'role-scope-key-1',
        compoundId: 'p-zhongjie',
        category: 'repairs',
        description: '楼道灯坏了好几天',
        location: { kind: 'spot', text: '1号楼楼道' },
      },
    },
    similar: { allowed: ['resident', ...REQUEST_MANAGERS], input: { compoundId: 'p-zhongjie', category: 'repairs' } },
    second: { allowed: ['resident'], input: { requestId: DEMO_REQUESTS.neighbours } },
    mine: { allowed: SIGNED_IN, input: {} },
    get: { allowed: ['resident', ...REQUEST_MANAGERS], input: { requestId: DEMO_REQUESTS.submitted } },
    list: { allowed: REQUEST_MANAGERS, input: { placeId: 'p-zhongjie' } },
    escalatedCount: { allowed: SIGNED_IN, input: {} },
    accept: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.submitted } },
    handlers: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.accepted } },
    triage: {
      allowed: REQUEST_MANAGERS,
      input: { requestId: DEMO_REQUESTS.accepted, track: 'minor', handlerOpenid: 'dev-leader-zhongjie' },
    },
    progress: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.handling, key: 'role-scope-progress', text: '已联系物业' } },
    resolve: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.handling, result: '已修好' } },
    rate: { allowed: ['resident'], input: { requestId: DEMO_REQUESTS.resolved, solved: true, satisfaction: 'satisfied' } },
    confirm: { allowed: ['resident'], input: { requestId: DEMO_REQUESTS.guidance } },
    merge: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.submitted, intoId: DEMO_REQUESTS.neighbours } },
    figures: { allowed: ALL, input: { placeId: 'c-zhongfang' } },
    exportLedger: { allowed: STAFF, input: { placeId: 'c-zhongfang' } },
    sweep: { allowed: [], input: {} },
    // the wxa_media_check message push: the platform only
    mediaChecked: { allowed: [], input: { trace_id: 'role-scope-trace', result: { suggest: 'pass' } } },
  },
  // the working-day calendar: the national schedule by an admin or street staff; closures by the street's
  calendar: {
    year: { allowed: ['street', 'admin'], input: { year: 2027 } },
    enterSchedule: {
      allowed: ['street', 'admin'],
      input: {
        key: 'role-scope-schedule',
        expectedVersion: 0,
        year: 2027,
        noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知',
        noticeDate: '2026-11-10',
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        workdays: [],
      },
    },
    addClosure: {
      allowed: ['street', 'admin'],
      input: { key: 'role-scope-closure', placeId: 's-dongta', date: '2026-12-02', reason: '台风停工', year: 2026 },
    },
    removeClosure: {
      allowed: ['street', 'admin'],
      input: { key: 'role-scope-unclose', placeId: 's-dongta', date: '2026-12-02', year: 2026 },
    },
    applyChanges: { allowed: [], input: {} },
  },
  // the district's rules: read by its staff, set by its admin
  settings: {
    get: { allowed: ['staffInScope', 'staffOutOfScope', 'street', 'admin'], input: { districtId: 'd-dadong' } },
    save: { allowed: ['admin'], input: { districtId: 'd-dadong', effectiveFrom: '2026-12-01', settings: DEFAULT_RULE_SETTINGS } },
  },
  // in scope: 中房社区 and its seeded activities, rewards and 十户联保 (cloudfunctions/dev/seed-volunteer.ts)
  volunteer: {
    me: { allowed: SIGNED_IN, input: {} },
    activities: { allowed: ALL, input: { communityId: 'c-zhongfang' } },
    activity: { allowed: SIGNED_IN, input: { activityId: DEMO_VOLUNTEER.canteen } },
    // staff, and the team lead they appointed (李斌)
    post: {
      allowed: ['pointLeader', ...STAFF],
      input: {
        communityId: 'c-zhongfang',
        key: 'role-scope-post',
        activity: {
          title: '清扫楼道',
          location: '中捷木材小区',
          startAt: '2026-11-25T01:00:00.000Z',
          endAt: '2026-11-25T03:00:00.000Z',
          seats: 5,
          points: { kind: 'perHour', points: 1 },
        },
      },
    },
    cancel: { allowed: STAFF, input: { activityId: DEMO_VOLUNTEER.canteen } },
    signUp: { allowed: SIGNED_IN, input: { activityId: DEMO_VOLUNTEER.canteen } },
    leave: { allowed: SIGNED_IN, input: { activityId: DEMO_VOLUNTEER.canteen } },
    mine: { allowed: SIGNED_IN, input: {} },
    attendanceCode: { allowed: STAFF, input: { activityId: DEMO_VOLUNTEER.canteen, kind: 'in' } },
    attend: { allowed: SIGNED_IN, input: { activityId: DEMO_VOLUNTEER.canteen, kind: 'in', code: 'ABCDEFGH' } },
    roster: { allowed: STAFF, input: { activityId: DEMO_VOLUNTEER.canteen } },
    mark: { allowed: STAFF, input: { activityId: DEMO_VOLUNTEER.canteen, openid: 'dev-resident-1', present: true } },
    confirm: { allowed: STAFF, input: { activityId: DEMO_VOLUNTEER.canteen } },
    myPoints: { allowed: SIGNED_IN, input: { communityId: 'c-zhongfang' } },
    certificate: { allowed: BOOKERS, input: { communityId: 'c-zhongfang' } },
    board: { allowed: ALL, input: { communityId: 'c-zhongfang', month: '2026-11' } },
    ledger: { allowed: STAFF, input: { communityId: 'c-zhongfang', openid: 'dev-resident-1' } },
    correct: {
      allowed: STAFF,
      input: { communityId: 'c-zhongfang', openid: 'dev-resident-1', points: 1, reason: '补记', key: 'role-scope-correct' },
    },
    reverse: { allowed: STAFF, input: { entryId: `volunteer:grant:${DEMO_VOLUNTEER.past}:dev-resident-1`, reason: '登记有误' } },
    people: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    settings: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    saveSettings: { allowed: STAFF, input: { communityId: 'c-zhongfang', version: 1, settings: {}, leads: [] } },
    rewards: { allowed: ALL, input: { communityId: 'c-zhongfang' } },
    saveReward: { allowed: STAFF, input: { communityId: 'c-zhongfang', reward: { name: '毛巾', price: 1, stock: 5 } } },
    redeem: { allowed: BOOKERS, input: { rewardId: DEMO_VOLUNTEER.meal, key: 'role-scope-redeem' } },
    myRedemptions: { allowed: SIGNED_IN, input: {} },
    cancelRedemption: { allowed: SIGNED_IN, input: { redemptionId: 'vd_nope' } },
    handOver: { allowed: STAFF, input: { communityId: 'c-zhongfang', code: 'ABCDEF' } },
    partyMembers: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    addPartyMember: { allowed: STAFF, input: { communityId: 'c-zhongfang', openid: 'dev-resident-1', name: '陈秀英' } },
    scoreMonth: { allowed: STAFF, input: { communityId: 'c-zhongfang', month: '2026-11' } },
    award: {
      allowed: STAFF,
      input: { communityId: 'c-zhongfang', openid: DEMO_VOLUNTEER.partyMember, itemId: 'theme-day', month: '2026-11' },
    },
    // its staff and its party members (none of the table's callers is one)
    partyRanking: { allowed: STAFF, input: { communityId: 'c-zhongfang', month: '2026-11' } },
    lianbaoMap: { allowed: STAFF, input: { compoundId: 'p-zhongjie' } },
    assign: {
      allowed: STAFF,
      input: { communityId: 'c-zhongfang', partyMemberOpenid: DEMO_VOLUNTEER.partyMember, householdIds: ['p-zhongjie-b2-u1-101'] },
    },
    unassign: { allowed: STAFF, input: { communityId: 'c-zhongfang', householdIds: ['p-zhongjie-b1-u1-101'] } },
    myHouseholds: { allowed: SIGNED_IN, input: {} },
    // the household's 联户党员 (not in the table) and the staff over it
    logVisit: {
      allowed: STAFF,
      input: { key: 'role-scope-visit', householdId: 'p-zhongjie-b1-u1-101', date: '2026-11-20', topics: '了解冬季供暖' },
    },
    raiseNeed: { allowed: STAFF, input: { visitId: DEMO_VOLUNTEER.visit, category: 'repairs' } },
    visits: { allowed: STAFF, input: { householdId: 'p-zhongjie-b1-u1-101' } },
    coverage: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    myPartyMember: { allowed: SIGNED_IN, input: {} },
    myDoorList: { allowed: SIGNED_IN, input: { noticeId: 'seed-notice-zhongjie-heating' } },
    remind: { allowed: [], input: {} },
    expire: { allowed: [], input: {} },
    hourly: { allowed: [], input: {} },
  },
  // in scope: 中房社区's seeded topics, meetings and vote (cloudfunctions/dev/seed-deliberation.ts)
  deliberation: {
    list: { allowed: ALL, input: { communityId: 'c-zhongfang' } },
    get: { allowed: ALL, input: { topicId: DEMO_DELIB.open } },
    propose: {
      allowed: SIGNED_IN,
      input: { key: 'role-scope-topic', scope: 'compound', title: '楼道照明改造', body: '楼道灯经常坏，建议换成声控节能灯。' },
    },
    support: { allowed: SIGNED_IN, input: { topicId: DEMO_DELIB.open } },
    open: {
      allowed: STAFF,
      input: { key: 'role-scope-open', communityId: 'c-zhongfang', title: '社区停车管理', body: '社区内乱停车严重，议一议停车管理办法。' },
    },
    comments: { allowed: ALL, input: { topicId: DEMO_DELIB.open } },
    comment: { allowed: SIGNED_IN, input: { key: 'role-scope-comment', topicId: DEMO_DELIB.open, text: '同意，早点建。' } },
    adopt: { allowed: STAFF, input: { commentId: DEMO_DELIB.comment } },
    // the next step of the seeded topic is 街道审核: only street staff over it (the community's staff is refused the step)
    recordStep: {
      allowed: ['street'],
      input: {
        topicId: DEMO_DELIB.reviewing,
        step: 'streetReview',
        outcome: 'approved',
        date: '2026-11-20',
        minutes: '街道党工委审核，同意提交居民会议决议。',
      },
    },
    scheduleMeeting: {
      allowed: STAFF,
      input: {
        key: 'role-scope-meeting',
        topicId: DEMO_DELIB.reviewing,
        type: 'residentsMeeting',
        base: 'groupReps',
        title: '居民代表会议',
        startsAt: '2026-11-25T06:00:00.000Z',
        place: '社区会议室',
      },
    },
    meeting: { allowed: SIGNED_IN, input: { meetingId: DEMO_DELIB.residents } },
    meetings: { allowed: SIGNED_IN, input: { topicId: DEMO_DELIB.reviewing } },
    markAttendance: { allowed: STAFF, input: { meetingId: DEMO_DELIB.residents, ids: [DEMO_DELIB.secretary] } },
    checkIn: { allowed: SIGNED_IN, input: { meetingId: DEMO_DELIB.residents } },
    tally: { allowed: STAFF, input: { meetingId: DEMO_DELIB.residents, yes: 1, no: 0, abstain: 0 } },
    openVote: {
      allowed: STAFF,
      input: {
        key: 'role-scope-vote',
        topicId: DEMO_DELIB.reviewing,
        question: '是否同意更换门禁？',
        options: ['同意', '不同意'],
        closesAt: '2026-11-27T02:00:00.000Z',
      },
    },
    vote: { allowed: ALL, input: { voteId: DEMO_DELIB.vote } },
    votes: { allowed: ALL, input: { topicId: DEMO_DELIB.reviewing } },
    cast: { allowed: SIGNED_IN, input: { voteId: DEMO_DELIB.vote, option: 0 } },
    paperBallot: {
      allowed: STAFF,
      input: { voteId: DEMO_DELIB.vote, householdId: 'p-zhongjie-b3-u2-601', option: 0, voterName: '王大爷' },
    },
    closeVote: { allowed: STAFF, input: { voteId: DEMO_DELIB.vote } },
  },
};

const DENIED = [
  'COMMON.FORBIDDEN',
  // 议事厅: a standing in the community, but not the one that takes this step
  'DELIB.STEP_ROLE',
  'COMMON.UNAUTHENTICATED',
  'IDENTITY.CANNOT_GRANT',
  'IDENTITY.CANNOT_REVOKE',
  'BOOKING.NOT_RESIDENT',
  'LIANBAO.NOT_YOUR_HOUSEHOLD',
];

describe('role-and-scope table', () => {
  it('covers every action of every function', () => {
    for (const [fn, contract] of Object.entries(contracts))
      expect(Object.keys(TABLE[fn] ?? {}).sort(), fn).toEqual(Object.keys(contract.actions).sort());
  });

  it('agrees with each action’s declared policy: platform-only actions refuse everyone, open ones allow everyone', () => {
    for (const [fn, definition] of Object.entries(FUNCTIONS))
      for (const [action, handler] of Object.entries(definition.handlers)) {
        const row = TABLE[fn]?.[action];
        expect(row, `${fn}.${action} has a row`).toBeDefined();
        const { caller = 'signedIn', load, allow } = handler.policy;
        if (caller === 'system') expect(row!.allowed, `${fn}.${action}`).toEqual([]);
        if (caller === 'anyone' && !load && !allow) expect(row!.allowed, `${fn}.${action}`).toEqual(ALL);
        if (caller === 'signedIn' && !load && !allow) expect(row!.allowed, `${fn}.${action}`).toEqual(SIGNED_IN);
        // a rule that lets nobody in would be a platform action declared as a phone's
        if (caller !== 'system') expect(row!.allowed.length, `${fn}.${action}`).toBeGreaterThan(0);
      }
  });

  for (const [fn, rows] of Object.entries(TABLE))
    for (const [action, row] of Object.entries(rows))
      describe(`${fn}.${action}`, () => {
        for (const who of ALL) {
          const allowed = row.allowed.includes(who);
          it(`${who} is ${allowed ? 'allowed' : 'refused'}`, async () => {
            const app = await createTestApp();
            const { call } = app;
            const input = row.setup ? await row.setup(app) : row.input;
            const result = code(await call(fn, action, input, WHO[who]));
            // an allowed caller may meet the action's own answer (NOT_FOUND, a state refusal), never a bug
            if (allowed) expect([...DENIED, 'COMMON.INTERNAL']).not.toContain(result);
            else expect(DENIED).toContain(result);
          });
        }
      });
});

/**
 * A neighbour who pressed 附议 follows the request and may open it: in every view they can reach
 * they see what the public board shows (category, description, the compound-level place, the
 * progress), never who reported it or where they live.
 */
describe('a follower (附议) sees what the public board shows, in every view they can open', () => {
  const REPORTER = WHO.resident; // 陈秀英, 中捷木材小区 1号楼1单元101
  const NEIGHBOUR = 'seed-resident-p-zhongjie-1';

  async function followed() {
    const app = await createTestApp();
    const submitted = await app.call(
      'requests',
      'submit',
      {
        key: 'follower-view-key-1',
        compoundId: 'p-zhongjie',
        category: 'utilities',
        description: '家里卫生间的水管漏水，楼下也在渗',
        location: { kind: 'home' },
      },
      REPORTER,
    );
    if (!submitted.ok) throw new Error(submitted.error.code);
    const id = submitted.data.request.id as string;
    const mine = await app.call('requests', 'get', { requestId: id }, REPORTER);
    if (!mine.ok) throw new Error(mine.error.code);
    // what would identify the reporter: their name, their room (as the reporter's own view shows it), phone and openid
    const secrets = ['陈秀英', mine.data.locationText, '13804002001', REPORTER];
    expect(mine.data.locationText).toBe('1号楼1单元101');
    await app.call('requests', 'accept', { requestId: id }, WHO.pointLeader);
    await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: WHO.pointLeader }, WHO.pointLeader);
    await app.call(
      'requests',
      'progress',
      { requestId: id, key: 'follower-view-progress', text: '已联系物业上门查看', photos: [] },
      WHO.pointLeader,
    );
    const seconded = await app.call('requests', 'second', { requestId: id }, NEIGHBOUR);
    return { ...app, id, secrets, seconded };
  }

  const leaks = (view: unknown, secrets: string[]) => secrets.filter((s) => JSON.stringify(view).includes(s));

  it('every requests action the table lets a resident run answers the follower without the reporter, room, phone or openid', async () => {
    const { call, id, secrets, seconded } = await followed();
    // the table's rows, aimed at this request and its compound
    const views: Record<string, unknown> = { 'second (the 附议 itself)': seconded };
    for (const [action, row] of Object.entries(TABLE.requests!))
      if (row.allowed.includes('resident')) {
        const input = { ...(row.input as Record<string, unknown>) };
        if ('requestId' in input) input.requestId = id;
        if ('compoundId' in input) input.compoundId = 'p-zhongjie';
        if ('category' in input) input.category = 'utilities';
        views[action] = await call('requests', action, input, NEIGHBOUR);
      }
    expect(Object.keys(views)).toEqual(expect.arrayContaining(['get', 'mine', 'similar', 'second', 'figures']));
    for (const [action, view] of Object.entries(views)) {
      expect(leaks(view, secrets), action).toEqual([]);
      expect(JSON.stringify(view), action).not.toContain('reporterName');
      expect(JSON.stringify(view), action).not.toContain('reporterPhone');
    }
    for (const action of ['get', 'mine', 'similar', 'figures']) expect(code(views[action] as never), action).toBe('OK');
    // and they do see the request: its category, description, compound and progress, the reporter named as 居民
    const detail = (views.get as { data: any }).data;
    expect(detail).toMatchObject({
      categoryLabel: '水电气暖',
      compoundName: '中捷木材小区',
      locationText: '居民家中',
      following: true,
      mine: false,
    });
    expect(detail.description).toContain('水管漏水');
    expect(detail.timeline[0]).toMatchObject({ kind: 'submitted', actor: '居民' });
    expect(detail.timeline.map((e: any) => e.text)).toContain('已联系物业上门查看');
    const listed = (views.mine as { data: any }).data.requests.find((r: any) => r.id === id);
    expect(listed).toMatchObject({ following: true, locationText: '居民家中' });
  });

  it('the reporter, the handler and the staff still see who reported and where', async () => {
    const { call, id } = await followed();
    for (const who of [REPORTER, WHO.pointLeader, WHO.staffInScope]) {
      const view = await call('requests', 'get', { requestId: id }, who);
      if (!view.ok) throw new Error(view.error.code);
      expect(view.data.locationText, who).toBe('1号楼1单元101');
      expect(view.data.reporterName, who).toBe(who === REPORTER ? '我' : '陈秀英');
      expect(view.data.timeline[0].actor, who).toBe('居民 陈秀英');
    }
    // the phone is for the handler only
    const handler = await call('requests', 'get', { requestId: id }, WHO.pointLeader);
    expect(handler.ok && handler.data.reporterPhone).toBe('13804002001');
  });
});
