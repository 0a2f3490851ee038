import { requestsContract, type RequestCategory, type Result, type User } from '@linli/shared';
import { requestsFunction } from '../src/functions/requests/handlers';
import { applyPolicy, type Policy } from '../src/platform/policy';
import { chineseDaysCalendar } from '../src/adapters/chinese-days-calendar';
import { cryptoIds } from '../src/adapters/crypto-ids';
import { wordListContentCheck } from '../src/adapters/local/word-list-content-check';
import { resolveCaller } from '../src/platform/caller';
import type { Ctx } from '../src/platform/context';
import type { Ports } from '../src/ports';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { subscriptionId } from '../src/use-cases/notifications/spend-grant-and-send';
import type { PlaceStaff, SubscriptionDoc } from '../src/ports/documents';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The demo requests, by id, so tests and the role-and-scope table can name them. */
export const DEMO_REQUESTS = {
  submitted: 'demo-zj-submitted',
  neighbours: 'demo-zj-neighbours',
  accepted: 'demo-zj-accepted',
  handling: 'demo-zj-handling',
  guidance: 'demo-zj-guidance',
  resolved: 'demo-zj-resolved',
  closed: 'demo-zj-closed',
  xinguang: 'demo-xg-submitted',
} as const;

const LEADER = 'dev-leader-zhongjie';

/**
 * The roster of staff and 三长五员 per place (place_staff) from the seeded users, and a handful
 * of requests in every state, made through the real use cases with the clock set back, so their
 * timelines, deadlines and figures are what the functions would have written.
 */
export async function seedRequests(store: Store, clock: Clock, users: readonly User[]): Promise<void> {
  const rosters = new Map<string, PlaceStaff>();
  for (const u of users)
    for (const g of u.grants) {
      if (g.role === 'resident') continue;
      const roster = rosters.get(g.placeId) ?? { _id: g.placeId, members: [] };
      roster.members.push({ openid: u._id, name: u.name, role: g.role });
      rosters.set(g.placeId, roster);
    }
  for (const roster of rosters.values()) await store.put(COLLECTIONS.placeStaff, roster);

  const seedTime = clock.now().getTime();
  let offset = 0;
  const ports: Ports = {
    store,
    clock: { now: () => new Date(seedTime - offset) },
    ids: cryptoIds,
    notifier: { send: async () => 'sent' }, // nobody is told about the past
    contentCheck: wordListContentCheck,
    calendar: chineseDaysCalendar,
    files: {
      stat: async () => null,
      bytes: async () => null,
      save: async () => {
        throw new Error('the seed stores no files');
      },
      downloadUrl: async (id) => id,
    },
    miniCode: { unlimited: async () => null },
  };
  const as = async (openid: string, ago: number): Promise<Ctx> => {
    offset = ago;
    return { ports, caller: await resolveCaller(store, openid), requestId: 'seed' };
  };
  const must = <T>(r: Result<T>): T => {
    if (!r.ok) throw new Error(`demo request seed failed: ${r.error.code}`);
    return r.data;
  };
  /** One step as its action runs it: the contract's defaults, the action's policy (the demo's people must hold the rights), the use case. */
  const step = async (
    action: 'submit' | 'accept' | 'triage' | 'progress' | 'resolve' | 'rate',
    ctx: Ctx,
    data: unknown,
  ): Promise<Result<unknown>> => {
    const handler = requestsFunction.handlers[action];
    const input = requestsContract.actions[action].input.parse(data);
    const loaded = await applyPolicy(handler.policy as Policy<unknown, unknown>, ctx, input);
    if (!loaded.ok) return loaded;
    return handler.run(ctx, input as never, loaded.data);
  };
  const submit = async (
    id: string,
    openid: string,
    ago: number,
    compoundId: string,
    category: RequestCategory,
    description: string,
    spot?: string,
  ) =>
    must(
      await step('submit', await as(openid, ago), {
        key: id,
        compoundId,
        category,
        description,
        photos: [],
        location: spot ? { kind: 'spot', text: spot } : { kind: 'home' },
        emergency: false,
      }),
    );
  const accept = async (id: string, ago: number) => must(await step('accept', await as(LEADER, ago), { requestId: id }));
  const toLeader = async (id: string, ago: number) =>
    must(await step('triage', await as(LEADER, ago), { requestId: id, track: 'minor', handlerOpenid: LEADER, complex: false }));

  const R = DEMO_REQUESTS;
  await submit(R.closed, 'dev-resident-1', 6 * DAY, 'p-zhongjie', 'environment', '北门垃圾桶周边有异味，天热更严重', '北门垃圾桶');
  await accept(R.closed, 6 * DAY - 20 * MIN);
  await toLeader(R.closed, 6 * DAY - 25 * MIN);
  must(
    await step('progress', await as(LEADER, 5 * DAY), {
      requestId: R.closed,
      key: 'seed-progress-1',
      text: '已安排保洁人员清理，并联系环卫加密清运。',
      photos: [],
    }),
  );
  must(
    await step('resolve', await as(LEADER, 5 * DAY - 2 * HOUR), {
      requestId: R.closed,
      result: '垃圾桶已清洗消毒，加装了除臭设施。',
      photos: [],
    }),
  );
  must(
    await step('rate', await as('dev-resident-1', 4 * DAY), {
      requestId: R.closed,
      solved: true,
      satisfaction: 'satisfied',
      comment: '处理很及时，谢谢！',
    }),
  );

  await submit(
    R.resolved,
    'dev-resident-1',
    2 * DAY,
    'p-zhongjie',
    'parking',
    '消防通道被私家车长期占用，救护车进不来',
    '3号楼北侧消防通道',
  );
  await accept(R.resolved, 2 * DAY - 30 * MIN);
  await toLeader(R.resolved, 2 * DAY - 35 * MIN);
  must(
    await step('resolve', await as(LEADER, DAY), {
      requestId: R.resolved,
      result: '已联系车主挪车，并在通道两端设置了禁停标志。',
      photos: [],
    }),
  );

  await submit(R.guidance, 'dev-resident-1', DAY, 'p-zhongjie', 'neighbour', '楼上邻居装修，周末早上七点就开始打钻');
  await accept(R.guidance, DAY - 20 * MIN);
  must(
    await step('triage', await as(LEADER, DAY - 25 * MIN), {
      requestId: R.guidance,
      track: 'private',
      guidance:
        '装修施工时间为工作日 8:00–12:00、14:00–18:00，周末不得进行噪音作业。建议先与邻居当面沟通；沟通不成可拨打物业电话，由物业上门提醒。',
      complex: false,
    }),
  );

  await submit(
    R.handling,
    'dev-resident-1',
    20 * HOUR,
    'p-zhongjie',
    'repairs',
    '2号楼2单元的单元门门禁坏了，门一直关不上',
    '2号楼2单元门口',
  );
  await accept(R.handling, 20 * HOUR - 40 * MIN);
  await toLeader(R.handling, 20 * HOUR - 45 * MIN);
  must(
    await step('progress', await as(LEADER, 19 * HOUR), {
      requestId: R.handling,
      key: 'seed-progress-2',
      text: '已报物业维修，门禁配件明天到货。',
      photos: [],
    }),
  );

  await submit(
    R.accepted,
    'seed-resident-p-zhongjie-2',
    3 * HOUR,
    'p-zhongjie',
    'environment',
    '1号楼前的绿化带里堆了很多建筑垃圾',
    '1号楼前绿化带',
  );
  await accept(R.accepted, 3 * HOUR - 10 * MIN);

  await submit(
    R.neighbours,
    'seed-resident-p-zhongjie-1',
    50 * MIN,
    'p-zhongjie',
    'repairs',
    '1号楼电梯这周停了三次，老人上下楼很困难',
    '1号楼电梯',
  );
  await submit(R.submitted, 'dev-resident-1', 30 * MIN, 'p-zhongjie', 'repairs', '2号楼1单元楼道灯不亮，晚上看不清台阶', '2号楼1单元楼道');
  await submit(R.xinguang, 'dev-resident-2', 60 * MIN, 'p-xinguang', 'environment', '小区南侧垃圾站清运不及时，垃圾堆到路边', '南侧垃圾站');

  // nobody is told about the past: take back what the steps above queued
  await store.updateMany(COLLECTIONS.messages, { status: 'pending' }, { set: { status: 'cancelled', reason: 'seed' } });
  // the demo residents allowed a few 诉求进展 messages, so the demo shows them arriving
  const iso = new Date(seedTime).toISOString();
  for (const openid of ['dev-resident-1', 'dev-resident-2']) {
    const grant: SubscriptionDoc = {
      _id: subscriptionId(openid, 'requestUpdate'),
      openid,
      template: 'requestUpdate',
      remaining: 3,
      off: false,
      updatedAt: iso,
    };
    await store.put(COLLECTIONS.subscriptions, grant);
  }
}
