import { contracts } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_REQUESTS } from '../dev/seed-requests';
import { code, createTestApp, PERSON, WHO, type Who } from './harness';

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

type Row = { allowed: Who[]; input: unknown };
const TABLE: Record<string, Record<string, Row>> = {
  places: {
    searchCompounds: { allowed: ALL, input: { q: '中捷' } },
    listChildren: { allowed: ALL, input: { parentId: 'p-zhongjie' } },
  },
  identity: {
    me: { allowed: SIGNED_IN, input: {} },
    requestBinding: { allowed: SIGNED_IN, input: { householdId: 'p-zhongjie-b3-u2-601', name: '测试', phone: '13800000000' } },
    listBindings: { allowed: STAFF, input: { communityId: 'c-zhongfang' } },
    reviewBinding: { allowed: STAFF, input: { bindingId: 'dev-pending', approve: true } },
    createInvite: { allowed: STAFF, input: { role: 'pointLeader', placeId: 'p-zhongjie' } },
    redeemInvite: { allowed: SIGNED_IN, input: { code: 'ABCDEFGH', name: '测试' } },
  },
  team: {
    getCard: { allowed: ALL, input: { compoundId: 'p-zhongjie' } },
    addMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', role: 'honoraryLeader', person: PERSON } },
    replaceMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', memberId: 'p-zhongjie-m2', person: PERSON } },
    removeMember: { allowed: STAFF, input: { compoundId: 'p-zhongjie', memberId: 'p-zhongjie-m4' } },
    history: { allowed: STAFF, input: { compoundId: 'p-zhongjie' } },
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
  // in scope: 中房社区's 证件照拍摄 (no schedule there, so allowed callers meet BOOKING.NOT_BOOKABLE / NOT_FOUND)
  booking: {
    days: { allowed: ALL, input: { serviceId: 'c-zhongfang-svc-2' } },
    slots: { allowed: ALL, input: { serviceId: 'c-zhongfang-svc-2', date: '2026-11-23' } },
    book: { allowed: BOOKERS, input: { serviceId: 'c-zhongfang-svc-2', startAt: '2026-11-23T01:00:00.000Z', booker: { name: '测试', phone: '13800000000' }, requestKey: 'role-scope-key' } },
    mine: { allowed: SIGNED_IN, input: {} },
    get: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope' } },
    cancel: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope' } },
    move: { allowed: SIGNED_IN, input: { bookingId: 'bk_nope', startAt: '2026-11-23T01:00:00.000Z' } },
    joinWaitlist: { allowed: BOOKERS, input: { serviceId: 'c-zhongfang-svc-2', startAt: '2026-11-23T01:00:00.000Z', booker: { name: '测试', phone: '13800000000' } } },
    leaveWaitlist: { allowed: SIGNED_IN, input: { entryId: 'nope' } },
    getSchedule: { allowed: STAFF, input: { serviceId: 'c-zhongfang-svc-2' } },
    saveSchedule: {
      allowed: STAFF,
      input: { serviceId: 'c-zhongfang-svc-2', version: 0, settings: { rules: [{ weekday: 1, start: '09:00', end: '10:00' }], slotMinutes: 30, seats: 1 } },
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
      input: { requestKey: 'role-scope-notice', title: '停水通知', body: '明天 9 点到 12 点停水', category: 'outage', targetIds: ['p-zhongjie'] },
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
  // the transactional-message sender, run by the timer only
  messages: {
    deliver: { allowed: [], input: {} },
  },
  requests: {
    submit: {
      allowed: ['resident', ...REQUEST_MANAGERS],
      input: { key: 'role-scope-key-1', compoundId: 'p-zhongjie', category: 'repairs', description: '楼道灯坏了好几天', location: { kind: 'spot', text: '1号楼楼道' } },
    },
    similar: { allowed: ['resident', ...REQUEST_MANAGERS], input: { compoundId: 'p-zhongjie', category: 'repairs' } },
    second: { allowed: ['resident'], input: { requestId: DEMO_REQUESTS.neighbours } },
    mine: { allowed: SIGNED_IN, input: {} },
    get: { allowed: ['resident', ...REQUEST_MANAGERS], input: { requestId: DEMO_REQUESTS.submitted } },
    list: { allowed: REQUEST_MANAGERS, input: { placeId: 'p-zhongjie' } },
    escalatedCount: { allowed: SIGNED_IN, input: {} },
    accept: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.submitted } },
    handlers: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.accepted } },
    triage: { allowed: REQUEST_MANAGERS, input: { requestId: DEMO_REQUESTS.accepted, track: 'minor', handlerOpenid: 'dev-leader-zhongjie' } },
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
};

const DENIED = ['COMMON.FORBIDDEN', 'COMMON.UNAUTHENTICATED', 'IDENTITY.CANNOT_GRANT', 'BOOKING.NOT_RESIDENT'];

describe('role-and-scope table', () => {
  it('covers every action of every function', () => {
    for (const [fn, contract] of Object.entries(contracts))
      expect(Object.keys(TABLE[fn] ?? {}).sort(), fn).toEqual(Object.keys(contract.actions).sort());
  });

  for (const [fn, rows] of Object.entries(TABLE))
    for (const [action, row] of Object.entries(rows))
      describe(`${fn}.${action}`, () => {
        for (const who of ALL) {
          const allowed = row.allowed.includes(who);
          it(`${who} is ${allowed ? 'allowed' : 'refused'}`, async () => {
            const { call } = await createTestApp();
            const result = code(await call(fn, action, row.input, WHO[who]));
            if (allowed) expect(DENIED).not.toContain(result);
            else expect(DENIED).toContain(result);
          });
        }
      });
});
