import type { Envelope, MessageReport, SubscribeTemplateKey } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import type { LocalPorts } from '../dev/local-ports';
import { runTimer } from '../dev/timers';
import { FUNCTIONS } from '../src/functions/registry';
import { systemCaller } from '../src/platform/caller';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import type { NotifyOutcome } from '../src/ports/notifier';
import { findAll } from '../src/use-cases/find-all';
import { deliverMessages } from '../src/use-cases/notifications/deliver-messages';
import { enqueueMessages, type OutgoingMessage } from '../src/use-cases/notifications/message-outbox';
import { code, createTestApp, data, WHO } from './harness';
import { recordingNotifier } from './notices-helpers';

/**
 * The outbox of transactional messages (requests, bookings): queued once per id, sent once per
 * row whatever goes wrong, and only through a grant the recipient gave.
 */
const MIN = 60_000;
const PEOPLE = Array.from({ length: 20 }, (_, i) => `outbox-person-${String(i).padStart(2, '0')}`);
const ctxOf = (ports: LocalPorts, requestId = 'outbox-test') => ({ ports, caller: systemCaller, requestId });

const messageTo = (toOpenid: string, about = 'req-1:3:0'): OutgoingMessage => ({
  id: `${about}:${toOpenid}`,
  toOpenid,
  template: 'requestUpdate',
  page: `packages/request/detail/index?id=${about}`,
  data: { thing1: '楼道灯不亮', phrase2: '办理中', thing3: '已通知物业', time4: '2026-11-20 10:00' },
});

async function grant(
  ports: LocalPorts,
  openids: readonly string[],
  n = 5,
  template: SubscribeTemplateKey = 'requestUpdate',
): Promise<void> {
  for (const openid of openids)
    await ports.store.put(COLLECTIONS.subscriptions, {
      _id: `${openid}:${template}`,
      openid,
      template,
      remaining: n,
      off: false,
      updatedAt: '',
    });
}

let runs = 0;
/** The messages timer, as CloudBase runs it (a Timer event through dispatch), quietly. */
const deliver = (ports: LocalPorts) =>
  dispatch(FUNCTIONS.messages, { Type: 'Timer', TriggerName: 'messages-timer' }, fromTimer, ports, `messages-${runs++}`, {
    error: () => undefined,
  }) as Promise<Envelope<MessageReport>>;
const rows = (ports: LocalPorts) => findAll(ports.store, COLLECTIONS.messages, { status: { ne: 'cancelled' } }, [['_id', 'asc']]);
const statuses = async (ports: LocalPorts) =>
  (await rows(ports)).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

/** Twenty people with grants, a message queued to each, and WeChat replaced by a recorder. */
async function setup(answer?: Parameters<typeof recordingNotifier>[0]) {
  const app = await createTestApp();
  await grant(app.ports, PEOPLE);
  await enqueueMessages(
    ctxOf(app.ports),
    PEOPLE.map((p) => messageTo(p)),
  );
  const wechat = recordingNotifier(answer);
  app.ports.notifier = wechat.notifier;
  const perPerson = () => {
    const counts = new Map<string, number>();
    for (const m of wechat.sent) counts.set(m.toOpenid, (counts.get(m.toOpenid) ?? 0) + 1);
    return counts;
  };
  return { ...app, wechat, perPerson };
}

describe('queueing', () => {
  it('writes one row per id, however often the same message is queued (in one batch, again, or at once)', async () => {
    const { ports } = await createTestApp();
    const ctx = ctxOf(ports);
    const first = await enqueueMessages(ctx, [messageTo(WHO.resident), messageTo(WHO.resident), messageTo(WHO.pointLeader)]);
    expect(first).toEqual({ inserted: 2, duplicates: 1 });
    const again = await Promise.all([enqueueMessages(ctx, [messageTo(WHO.resident)]), enqueueMessages(ctx, [messageTo(WHO.resident)])]);
    expect(again.reduce((n, r) => n + r.inserted, 0)).toBe(0);
    expect(await rows(ports)).toHaveLength(2);
    expect((await rows(ports))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      template: 'requestUpdate',
      nextAttemptAt: '2026-11-20T02:00:00.000Z',
    });
  });

  it('nothing is sent without a grant: the row says so and the dev inbox stays empty', async () => {
    const { ports, call } = await createTestApp();
    const nobody = 'outbox-nobody';
    await enqueueMessages(ctxOf(ports), [messageTo(nobody)]);
    expect(data(await deliver(ports))).toMatchObject({ claimed: 1, sent: 0, noGrant: 1 });
    expect(await ports.store.get(COLLECTIONS.messages, `req-1:3:0:${nobody}`)).toMatchObject({ status: 'noGrant', reason: 'no-grant' });
    expect(await ports.store.count(COLLECTIONS.devInbox, { toOpenid: nobody })).toBe(0);

    // switched off: kept, not spent, not sent
    await grant(ports, [WHO.resident], 2);
    data(await call('notices', 'setSubscription', { template: 'requestUpdate', off: true }, WHO.resident));
    await enqueueMessages(ctxOf(ports), [messageTo(WHO.resident)]);
    expect(data(await deliver(ports))).toMatchObject({ noGrant: 1 });
    expect(await ports.store.get(COLLECTIONS.messages, `req-1:3:0:${WHO.resident}`)).toMatchObject({ status: 'noGrant', reason: 'off' });
    expect(await ports.store.count(COLLECTIONS.devInbox, { toOpenid: WHO.resident })).toBe(0);
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${WHO.resident}:requestUpdate`)).toMatchObject({ remaining: 2 });
  });
});

describe('the sender', () => {
  it('sends each row once, spending one grant, into the dev inbox locally; a second run sends nothing', async () => {
    const { ports } = await createTestApp();
    await grant(ports, [WHO.resident], 2);
    await enqueueMessages(ctxOf(ports), [messageTo(WHO.resident)]);
    expect(data(await deliver(ports))).toMatchObject({ claimed: 1, sent: 1, stoppedBy: 'drained' });
    expect(data(await deliver(ports))).toMatchObject({ claimed: 0, sent: 0 });
    const inbox = await ports.store.find(COLLECTIONS.devInbox, { where: { toOpenid: WHO.resident }, limit: 10 });
    expect(inbox).toEqual([
      expect.objectContaining({ template: 'LOCAL-request-update-template', page: 'packages/request/detail/index?id=req-1:3:0' }),
    ]);
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${WHO.resident}:requestUpdate`)).toMatchObject({ remaining: 1 });
  });

  it('two runs at once share the work without sending anything twice', async () => {
    const { ports, perPerson } = await setup(async (): Promise<NotifyOutcome> => {
      await new Promise((r) => setTimeout(r, 1));
      return 'sent';
    });
    const [a, b] = await Promise.all([deliver(ports), deliver(ports)]);
    expect(data(a).sent + data(b).sent).toBe(PEOPLE.length);
    expect(perPerson().size).toBe(PEOPLE.length);
    expect([...perPerson().values()].every((n) => n === 1)).toBe(true);
    expect(await statuses(ports)).toEqual({ sent: PEOPLE.length });
  });

  it.each([0, 1, 7, 15])('WeChat’s client throws after %s sends (a crash mid-batch); the next run finishes, nothing twice', async (n) => {
    let crashed = false;
    const { ports, wechat, perPerson } = await setup((_m, i) => {
      if (i === n && !crashed) {
        crashed = true;
        throw new Error('socket hang up, function dying');
      }
      return 'sent';
    });
    expect(code(await deliver(ports))).toBe('COMMON.INTERNAL');
    expect(wechat.sent.length).toBeLessThan(PEOPLE.length);
    ports.clock.advance(MIN); // the next timer run
    data(await deliver(ports));
    expect(perPerson().size).toBe(PEOPLE.length);
    expect([...perPerson().values()].filter((c) => c > 1)).toEqual([]);
    expect(await statuses(ports)).toEqual({ sent: PEOPLE.length });
    // the grant spent on the send that threw was refunded
    const grants = await ports.store.getMany(
      COLLECTIONS.subscriptions,
      PEOPLE.map((p) => `${p}:requestUpdate`),
    );
    expect(grants.map((g) => g.remaining)).toEqual(PEOPLE.map(() => 4));
  });

  it('dies after sending but before recording it: that row is closed as unknown, never sent again', async () => {
    const { ports, perPerson } = await setup();
    const realUpdate = ports.store.update.bind(ports.store);
    let recorded = 0;
    ports.store.update = async (collection, id, patch, where) => {
      if (collection === COLLECTIONS.messages && patch.set?.status === 'sent' && ++recorded === 4)
        throw new Error('killed: function timeout');
      return realUpdate(collection, id, patch, where);
    };
    expect(code(await deliver(ports))).toBe('COMMON.INTERNAL');
    ports.store.update = realUpdate;
    ports.clock.advance(MIN); // still inside the dead run's lease
    data(await deliver(ports));
    ports.clock.advance(5 * MIN); // past the lease
    expect(data(await deliver(ports))).toMatchObject({ recoveredUnknown: 1, sent: 0 });
    expect(perPerson().size).toBe(PEOPLE.length);
    expect([...perPerson().values()].filter((c) => c > 1)).toEqual([]);
    expect(await statuses(ports)).toEqual({ sent: PEOPLE.length - 1, unknown: 1 });
  });

  it('retries a failed send with growing waits, refunding the grant, then gives up', async () => {
    const target = PEOPLE[3]!;
    const { ports } = await setup((m) => (m.toOpenid === target ? 'failed' : 'sent'));
    const row = () => ports.store.get(COLLECTIONS.messages, `req-1:3:0:${target}`);
    expect(data(await deliver(ports))).toMatchObject({ sent: PEOPLE.length - 1, retrying: 1 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-20T02:00:30.000Z' });
    for (let i = 0; i < 10; i++) {
      ports.clock.set(new Date(Date.parse((await row())!.nextAttemptAt)));
      data(await deliver(ports));
    }
    expect(await row()).toMatchObject({ status: 'failed', attempts: 5, reason: 'gave up' });
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${target}:requestUpdate`)).toMatchObject({ remaining: 5 });
  });

  it('waits out WeChat’s "slow down" within its budget and gives back what it could not send', async () => {
    const { ports } = await setup(() => 'rate-limited');
    const started = Date.now();
    const report = data(await deliverMessages(ctxOf(ports), {}, { budgetMs: 300, slowDownMs: 50, maxSlowDownMs: 100 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.sent).toBe(0);
    expect((await rows(ports)).every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
  });

  it('is not reachable from a phone', async () => {
    const { call } = await createTestApp();
    expect(code(await call('messages', 'deliver', {}, WHO.admin))).toBe('COMMON.FORBIDDEN');
  });
});

describe('requests queue their messages instead of sending them', () => {
  const submit = (call: Awaited<ReturnType<typeof createTestApp>>['call'], key: string) =>
    call(
      'requests',
      'submit',
      { key, compoundId: 'p-zhongjie', category: 'repairs', description: `${key}：楼道灯不亮，晚上很黑`, location: { kind: 'home' } },
      WHO.resident,
    );

  it('the 督办 sweep records every escalation and queues the whole page’s messages in one write', async () => {
    const { ports, call } = await createTestApp();
    const ids = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => data(await submit(call, `outbox-sweep-${i}`)).request.id as string),
    );
    await grant(ports, [WHO.resident], 50);
    // staff hear of 督办 on their own template, allowed on the workbench
    await grant(ports, [WHO.staffInScope], 50, 'staffOverdue');
    ports.clock.advance(2 * 60 * MIN + MIN);
    const realInsertMany = ports.store.insertMany.bind(ports.store);
    const writes: number[] = [];
    ports.store.insertMany = async (collection, docs) => {
      if (collection === COLLECTIONS.messages) writes.push(docs.length);
      return realInsertMany(collection, docs);
    };
    const before = await ports.store.count(COLLECTIONS.devInbox);
    expect(data((await runTimer('requests', ports)) as Envelope<{ escalated: number }>).escalated).toBeGreaterThanOrEqual(12); // and seeded ones
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBeGreaterThanOrEqual(24); // at least the resident and the community's staff, per request
    // nothing went out inline: the messages timer sends it
    expect(await ports.store.count(COLLECTIONS.devInbox)).toBe(before);
    for (const id of ids) expect(await ports.store.count(COLLECTIONS.requestEvents, { requestId: id, kind: 'escalated' })).toBe(1);
    data(await deliver(ports));
    const told = await ports.store.find(COLLECTIONS.devInbox, {
      where: { toOpenid: WHO.staffInScope },
      limit: 100,
    });
    for (const id of ids) expect(told.filter((m) => m.page === `packages/workbench/detail/index?id=${id}`)).toHaveLength(1);
  });

  it('a step whose messages cannot be queued still succeeds (best effort)', async () => {
    const { ports, call } = await createTestApp();
    ports.store.insertMany = async () => {
      throw new Error('database unavailable');
    };
    const errors = console.error;
    console.error = () => undefined;
    try {
      expect(data(await submit(call, 'outbox-best-effort'))).toMatchObject({ created: true });
    } finally {
      console.error = errors;
    }
    expect(await ports.store.get(COLLECTIONS.requests, 'outbox-best-effort')).not.toBeNull();
  });
});
