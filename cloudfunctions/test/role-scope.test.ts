import { contracts } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { code, createTestApp, PERSON, WHO, type Who } from './harness';

/**
 * The role-and-scope table: every action of every function, run by every kind of caller.
 * "in scope" targets 中房社区 / 中捷木材小区; staffOutOfScope works for 新光社区.
 * A row lists who may pass the access check; everyone else must be refused.
 */
const ALL: Who[] = Object.keys(WHO) as Who[];
const SIGNED_IN: Who[] = ALL.filter((w) => w !== 'anonymous');
const STAFF: Who[] = ['staffInScope', 'street', 'admin'];

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
};

const DENIED = ['COMMON.FORBIDDEN', 'COMMON.UNAUTHENTICATED', 'IDENTITY.CANNOT_GRANT'];

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
