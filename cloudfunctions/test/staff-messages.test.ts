import type { Envelope, RequestSummary } from '@linli/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLongTerm } from '../../shared/src/notices/test-templates';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';
import { recordingNotifier } from './notices-helpers';

/**
 * Staff hear of new, overdue and escalated (督办) requests through their own templates: they allow
 * them on the workbench (one grant per accepted dialog, or once for a long-term template), and the
 * sender spends a one-time grant per message but never a long-term one.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
const RESIDENT = WHO.resident;
const LEADER = WHO.pointLeader; // 小区点长 of 中捷木材小区
const STAFF = WHO.staffInScope; // 中房社区
const STREET = WHO.street;
const MIN = 60_000;
const HOUR = 60 * MIN;

let keys = 0;
const submit = async (app: App, description = '3号楼2单元楼道灯坏了，晚上很黑') =>
  data(
    await app.call(
      'requests',
      'submit',
      {
        key: `staff-msg-key-${String(++keys).padStart(6, '0')}`,
        compoundId: 'p-zhongjie',
        category: 'repairs',
        description,
        location: { kind: 'home' },
      },
      RESIDENT,
    ),
  ).request.id as string;
const deliver = (app: App) =>
  dispatch(FUNCTIONS.messages, { Type: 'Timer', TriggerName: 'messages-timer' }, fromTimer, app.ports, 'messages-timer', {
    error: () => undefined,
  }) as Promise<Envelope<{ sent: number; noGrant: number }>>;
const sweep = (app: App) =>
  dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, app.ports, 'timer', { error: () => undefined });
const inbox = async (app: App, openid: string) => {
  data(await deliver(app));
  return app.ports.store.find(COLLECTIONS.devInbox, {
    where: { toOpenid: openid },
    orderBy: [['createdAt', 'desc']],
    limit: 100,
  });
};
const allow = async (app: App, openid: string, accepted: string[], times = 1) => {
  for (let i = 0; i < times; i++) data(await app.call('notices', 'recordSubscriptions', { accepted }, openid));
};
const remaining = async (app: App, openid: string, template: string) =>
  (data(await app.call('notices', 'subscriptions', {}, openid)).items as { template: string; remaining: number }[]).find(
    (i) => i.template === template,
  )!.remaining;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('staff are told, through grants they gave on the workbench', () => {
  it('lists the staff templates apart from the residents’ ones, with their kind', async () => {
    const app = await createTestApp();
    const items = data(await app.call('notices', 'subscriptions', {}, LEADER)).items;
    expect(items.filter((i: { audience: string }) => i.audience === 'staff')).toEqual([
      expect.objectContaining({ template: 'staffTask', label: '新诉求待办', longTerm: false, remaining: 0, off: false }),
      expect.objectContaining({ template: 'staffOverdue', label: '超时督办', longTerm: false, remaining: 0, off: false }),
    ]);
  });

  it('a new request reaches the 小区点长 who allowed 新诉求待办, and spends one of those grants', async () => {
    const app = await createTestApp();
    await allow(app, LEADER, ['staffTask', 'staffOverdue'], 3);
    const id = await submit(app);
    const got = await inbox(app, LEADER);
    expect(got).toEqual([
      expect.objectContaining({ template: 'LOCAL-staff-task-template', page: `packages/workbench/detail/index?id=${id}` }),
    ]);
    expect(await remaining(app, LEADER, 'staffTask')).toBe(2);
    // the 督办 budget is untouched by routine news
    expect(await remaining(app, LEADER, 'staffOverdue')).toBe(3);
  });

  it('the warning and the 督办 go out on 超时督办 grants, to the holder and the level the request reached', async () => {
    const app = await createTestApp();
    // the seeded demo requests fall due too: enough grants for theirs and ours
    for (const openid of [LEADER, STAFF, STREET]) await allow(app, openid, ['staffOverdue'], 10);
    const id = await submit(app);
    const about = <M extends { page: string }>(messages: M[]) =>
      messages.filter((m) => m.page === `packages/workbench/detail/index?id=${id}`);
    app.ports.clock.advance(90 * MIN);
    await sweep(app);
    const warned = about(await inbox(app, LEADER));
    expect(warned).toEqual([expect.objectContaining({ template: 'LOCAL-staff-overdue-template' })]);
    expect(warned[0]!.data.thing3).toMatch(/^即将到期/);

    app.ports.clock.advance(31 * MIN);
    await sweep(app);
    const toStaff = about(await inbox(app, STAFF));
    expect(toStaff).toEqual([expect.objectContaining({ template: 'LOCAL-staff-overdue-template' })]);
    expect(toStaff[0]!.data.thing3).toContain('督办升级至社区');
    expect(await remaining(app, STAFF, 'staffOverdue')).toBeLessThan(10);
    expect(await remaining(app, STAFF, 'staffTask')).toBe(0);
    // the street is not concerned yet
    expect(about(await inbox(app, STREET))).toEqual([]);
  });

  it('nothing reaches staff who allowed nothing: the row says noGrant', async () => {
    const app = await createTestApp();
    const id = await submit(app);
    expect(data(await deliver(app)).noGrant).toBeGreaterThan(0);
    const row = await app.ports.store.find(COLLECTIONS.messages, {
      where: { toOpenid: LEADER },
      orderBy: [['_id', 'asc']],
      limit: 1000,
    });
    expect(row.filter((r) => r._id.startsWith(id)).map((r) => [r.template, r.status])).toEqual([['staffTask', 'noGrant']]);
  });
});

describe('long-term subscriptions (长期订阅), for a deployer whose account qualifies', () => {
  it('one acceptance serves every message and nothing is spent; 43101 stops it until they accept again', async () => {
    restore = configureLongTerm(['staffTask', 'staffOverdue']);
    const app = await createTestApp();
    await allow(app, LEADER, ['staffTask', 'staffOverdue']);
    const items = data(await app.call('notices', 'subscriptions', {}, LEADER)).items;
    expect(items.find((i: { template: string }) => i.template === 'staffTask')).toMatchObject({ longTerm: true, remaining: 1 });

    const ids = [
      await submit(app, '1号楼楼道灯坏了，晚上很黑'),
      await submit(app, '2号楼门禁坏了，关不上'),
      await submit(app, '3号楼水管漏水'),
    ];
    expect((await inbox(app, LEADER)).map((m) => m.page).sort()).toEqual(
      ids.map((id) => `packages/workbench/detail/index?id=${id}`).sort(),
    );
    expect(await remaining(app, LEADER, 'staffTask')).toBe(1);

    // the 小区点长 turned the messages off in WeChat's settings: WeChat answers 43101
    const wechat = recordingNotifier(() => 'no-grant');
    app.ports.notifier = wechat.notifier;
    const refused = await submit(app, '4号楼电梯停了');
    data(await deliver(app));
    const rows = await app.ports.store.find(COLLECTIONS.messages, {
      where: { toOpenid: LEADER },
      orderBy: [['_id', 'asc']],
      limit: 1000,
    });
    expect(rows.filter((r) => r._id.startsWith(refused)).map((r) => r.status)).toEqual(['noGrant']);
    expect(await remaining(app, LEADER, 'staffTask')).toBe(0);
    // no further calls to WeChat for them …
    const calls = wechat.calls();
    await submit(app, '5号楼楼顶漏雨');
    data(await deliver(app));
    expect(wechat.calls()).toBe(calls);
    // … until they accept on the workbench again
    await allow(app, LEADER, ['staffTask']);
    expect(await remaining(app, LEADER, 'staffTask')).toBe(1);
  });

  it('a long-term template switched off in the app is not sent', async () => {
    restore = configureLongTerm(['staffTask']);
    const app = await createTestApp();
    await allow(app, LEADER, ['staffTask']);
    data(await app.call('notices', 'setSubscription', { template: 'staffTask', off: true }, LEADER));
    await submit(app);
    expect(await inbox(app, LEADER)).toEqual([]);
    expect(code(await app.call('notices', 'subscriptions', {}, LEADER))).toBe('OK');
  });
});

describe('督办 stands first in the 待办 of the level it reached', () => {
  it('orders and marks it in the community’s inbox, and counts it for the badge of that level’s staff', async () => {
    const app = await createTestApp();
    const early = await submit(app, '1号楼楼道灯坏了，晚上很黑');
    app.ports.clock.advance(2 * HOUR + MIN);
    await sweep(app); // `early` and the seeded overdue ones go to 社区
    const fresh = await submit(app, '2号楼门禁坏了，关不上');
    const list = data(await app.call('requests', 'list', { placeId: 'c-zhongfang', view: 'open' }, STAFF)).requests as (RequestSummary & {
      escalatedHere?: boolean;
    })[];
    const flags = list.map((r) => r.escalatedHere === true);
    const firstPlain = flags.indexOf(false);
    expect(firstPlain).toBeGreaterThan(0);
    expect(flags.slice(firstPlain)).not.toContain(true);
    expect(list.filter((r) => r.escalatedHere).every((r) => r.escalationLevel === 1)).toBe(true);
    expect(list.find((r) => r.id === early)).toMatchObject({ escalatedHere: true });
    expect(list.find((r) => r.id === fresh)?.escalatedHere).toBeFalsy();

    const escalated = list.filter((r) => r.escalatedHere).length;
    expect(data(await app.call('requests', 'escalatedCount', {}, STAFF))).toEqual({
      count: escalated,
      places: [{ placeId: 'c-zhongfang', count: escalated }],
    });
    // a resident and the compound's 小区点长 have no 督办 level to answer for
    expect(data(await app.call('requests', 'escalatedCount', {}, RESIDENT))).toEqual({ count: 0, places: [] });
    expect(data(await app.call('requests', 'escalatedCount', {}, LEADER)).count).toBe(0);
    // the compound's own inbox keeps deadline order: nothing is 督办 at the compound
    const compound = data(await app.call('requests', 'list', { placeId: 'p-zhongjie', view: 'open' }, LEADER)).requests as {
      escalatedHere?: boolean;
    }[];
    expect(compound.some((r) => r.escalatedHere)).toBe(false);
  });

  it('pages through 督办 first, then the rest, without losing or repeating one', async () => {
    const app = await createTestApp();
    for (let i = 0; i < 4; i++) await submit(app, `第 ${i + 1} 件：楼道灯不亮，晚上很黑`);
    app.ports.clock.advance(2 * HOUR + MIN);
    await sweep(app);
    for (let i = 0; i < 3; i++) await submit(app, `第 ${i + 5} 件：门禁坏了，关不上`);
    const all = data(await app.call('requests', 'list', { placeId: 'c-zhongfang', view: 'open', limit: 100 }, STAFF)).requests as {
      id: string;
    }[];
    const paged: string[] = [];
    for (let skip = 0; skip < all.length; skip += 3)
      paged.push(
        ...data(await app.call('requests', 'list', { placeId: 'c-zhongfang', view: 'open', limit: 3, skip }, STAFF)).requests.map(
          (r: { id: string }) => r.id,
        ),
      );
    expect(paged).toEqual(all.map((r) => r.id));
  });
});
