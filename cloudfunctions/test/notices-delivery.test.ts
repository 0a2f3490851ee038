import { MAX_DELIVERY_ATTEMPTS } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import type { NotifyOutcome } from '../src/ports/notifier';
import { deliverDue } from '../src/use-cases/notices/deliver-due';
import { systemCaller } from '../src/platform/caller';
import { code, createTestApp, data } from './harness';
import { grantAll, LEADER, publishOk, recordingNotifier, RESIDENT, rowsOf, runSender } from './notices-helpers';

const MIN = 60_000;

/** A 新光花园 notice with every recipient holding grants, and WeChat replaced by a recorder. */
async function setup(answer?: Parameters<typeof recordingNotifier>[0], extra: Record<string, unknown> = {}) {
  const app = await createTestApp();
  const { notice } = await publishOk(app.call, LEADER, extra);
  const rows = await rowsOf(app.ports, notice._id);
  await grantAll(
    app.ports,
    rows.map((r) => r.openid),
  );
  const wechat = recordingNotifier(answer);
  app.ports.notifier = wechat.notifier;
  // the seeded notices' rows are due too: take them out of the way so counts are this notice's
  await app.ports.store.updateMany(
    COLLECTIONS.noticeDeliveries,
    { status: 'pending', noticeId: { ne: notice._id } },
    { set: { status: 'cancelled' } },
  );
  return { ...app, notice, rows, wechat };
}

const statuses = async (ports: Awaited<ReturnType<typeof createTestApp>>['ports'], noticeId: string) =>
  (await rowsOf(ports, noticeId)).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('the sender', () => {
  it('sends each recipient the notice once, spending one grant each, and a second run sends nothing', async () => {
    const { ports, call, notice, rows, wechat } = await setup();
    const report = data(await runSender(ports));
    expect(report).toMatchObject({ claimed: rows.length, sent: rows.length, failed: 0, stoppedBy: 'drained' });
    expect([...wechat.perPerson(notice._id).values()].every((n) => n === 1)).toBe(true);
    expect(wechat.perPerson(notice._id).size).toBe(rows.length);
    expect(wechat.sent[0]).toMatchObject({ template: 'LOCAL-notice-template', page: `packages/notices/detail/index?id=${notice._id}` });
    expect(wechat.sent[0]!.data).toMatchObject({ thing1: '明日停水通知', time3: '2026-11-20 10:00' });
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${RESIDENT}:notice`)).toMatchObject({ remaining: 4 });
    expect(data(await call('notices', 'reach', { noticeId: notice._id }, LEADER)).counts).toMatchObject({
      delivered: rows.length,
      noGrant: 0,
    });
    expect(data(await runSender(ports))).toMatchObject({ claimed: 0, sent: 0 });
    expect(wechat.sent).toHaveLength(rows.length);
  });

  it('marks "no grant left" without calling WeChat when we hold none, and when WeChat answers 43101', async () => {
    const { ports, call, notice, rows, wechat } = await setup((m) => (m.toOpenid === RESIDENT ? 'no-grant' : 'sent'));
    const noneHeld = rows.find((r) => r.openid !== RESIDENT)!.openid;
    await ports.store.update(COLLECTIONS.subscriptions, `${noneHeld}:notice`, { set: { remaining: 0 } });
    const report = data(await runSender(ports));
    expect(report).toMatchObject({ sent: rows.length - 2, noGrant: 2 });
    expect(wechat.calls()).toBe(rows.length - 1); // nobody asked WeChat for the one with no grant
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${RESIDENT}:notice`)).toMatchObject({ remaining: 0 });
    expect(await ports.store.get(COLLECTIONS.noticeDeliveries, `${notice._id}:${noneHeld}`)).toMatchObject({
      status: 'noGrant',
      reason: 'no-grant',
    });
    expect(data(await call('notices', 'reach', { noticeId: notice._id }, LEADER)).counts).toMatchObject({
      noGrant: 2,
      delivered: rows.length - 2,
    });
  });

  it('skips, without spending, people who switched notices off', async () => {
    const { ports, call, notice, wechat } = await setup();
    data(await call('notices', 'setSubscription', { template: 'notice', off: true }, RESIDENT));
    data(await runSender(ports));
    expect(wechat.perPerson(notice._id).has(RESIDENT)).toBe(false);
    expect(await ports.store.get(COLLECTIONS.noticeDeliveries, `${notice._id}:${RESIDENT}`)).toMatchObject({
      status: 'noGrant',
      reason: 'off',
    });
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${RESIDENT}:notice`)).toMatchObject({ remaining: 5 });
  });

  it('retries a failed send with growing waits, refunding the grant, then gives up after the last attempt', async () => {
    const { ports, notice, wechat } = await setup((m) => (m.toOpenid === RESIDENT ? 'failed' : 'sent'));
    const row = () => ports.store.get(COLLECTIONS.noticeDeliveries, `${notice._id}:${RESIDENT}`);
    expect(data(await runSender(ports))).toMatchObject({ retrying: 1 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-20T02:00:30.000Z' });
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${RESIDENT}:notice`)).toMatchObject({ remaining: 5 });
    ports.clock.advance(29_000);
    expect(data(await runSender(ports)).claimed).toBe(0);
    const waits: number[] = [];
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      const before = Date.parse((await row())!.nextAttemptAt);
      ports.clock.set(new Date(before));
      data(await runSender(ports));
      const after = await row();
      if (attempt < MAX_DELIVERY_ATTEMPTS) waits.push(Date.parse(after!.nextAttemptAt) - before);
    }
    expect(waits).toEqual([120_000, 480_000, 1_920_000]);
    expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(wechat.perPerson(notice._id).has(RESIDENT)).toBe(false);
  });

  it('cancels what is due for a notice that was withdrawn or has expired', async () => {
    const { ports, call, notice, rows, wechat } = await setup(undefined, { expiresAt: '2026-11-20T03:00:00.000Z' });
    ports.clock.set(new Date('2026-11-20T03:00:00.000Z'));
    expect(data(await runSender(ports))).toMatchObject({ sent: 0, cancelled: rows.length });
    expect(wechat.calls()).toBe(0);
    expect(code(await call('notices', 'remind', { noticeId: notice._id }, LEADER))).toBe('NOTICE.NOT_LIVE');
  });

  it('sends a scheduled notice only once its time has come', async () => {
    const { ports, notice, rows, wechat } = await setup(undefined, { publishAt: '2026-11-20T08:00:00.000Z' });
    expect(data(await runSender(ports)).claimed).toBe(0);
    ports.clock.set(new Date('2026-11-20T08:00:00.000Z'));
    expect(data(await runSender(ports)).sent).toBe(rows.length);
    expect(wechat.perPerson(notice._id).size).toBe(rows.length);
  });

  it('reminds by message only those still unread, and drops a reminder to someone who read in the meantime', async () => {
    const { ports, call, notice, rows, wechat } = await setup();
    data(await runSender(ports));
    await call('notices', 'open', { noticeId: notice._id }, RESIDENT);
    ports.clock.advance(5 * MIN);
    const { queued } = data(await call('notices', 'remind', { noticeId: notice._id }, LEADER));
    expect(queued).toBe(rows.length - 1);
    const lateReader = rows.find((r) => r.openid !== RESIDENT)!.openid;
    // read between queueing and sending: no reminder for them
    await ports.store.update(COLLECTIONS.noticeDeliveries, `${notice._id}:${lateReader}`, { set: { read: true } });
    const report = data(await runSender(ports));
    expect(report).toMatchObject({ sent: rows.length - 2, cancelled: 1 });
    const perPerson = wechat.perPerson(notice._id);
    expect(perPerson.get(RESIDENT)).toBe(1);
    expect(perPerson.get(lateReader)).toBe(1);
    expect([...perPerson.values()].filter((n) => n === 2)).toHaveLength(rows.length - 2);
    expect(wechat.sent.at(-1)!.data.thing4).toBe('您还没有查看这条通知，请点开查看');
    // delivered counts people, not messages
    expect(data(await call('notices', 'reach', { noticeId: notice._id }, LEADER)).counts.delivered).toBe(rows.length);
  });
});

describe('the sender never sends twice and loses nothing, whatever goes wrong', () => {
  it.each([0, 1, 7, 15])('WeChat’s client throws after %s sends (a crash mid-batch); the next run finishes the job', async (n) => {
    let crashed = false;
    const { ports, notice, rows, wechat } = await setup((_m, i) => {
      if (i === n && !crashed) {
        crashed = true;
        throw new Error('socket hang up, function dying');
      }
      return 'sent';
    });
    expect(code(await runSender(ports))).toBe('COMMON.INTERNAL');
    expect(wechat.sent.length).toBeLessThan(rows.length);
    // the next timer run, a minute later
    ports.clock.advance(MIN);
    data(await runSender(ports));
    const perPerson = wechat.perPerson(notice._id);
    expect(perPerson.size).toBe(rows.length); // nothing lost
    expect([...perPerson.values()].filter((c) => c > 1)).toEqual([]); // 0 duplicates
    expect(await statuses(ports, notice._id)).toEqual({ sent: rows.length });
    // the grant spent on the send that threw was refunded: everyone spent exactly one
    const grants = await ports.store.getMany(
      COLLECTIONS.subscriptions,
      rows.map((r) => `${r.openid}:notice`),
    );
    expect(grants.map((g) => g.remaining)).toEqual(rows.map(() => 4));
  });

  it('dies after sending but before recording it: that row is never sent again, the rest go out once', async () => {
    const { ports, notice, rows, wechat } = await setup();
    const realUpdate = ports.store.update.bind(ports.store);
    let recorded = 0;
    ports.store.update = async (collection, id, patch, where) => {
      if (collection === COLLECTIONS.noticeDeliveries && patch.set?.status === 'sent' && ++recorded === 4)
        throw new Error('killed: function timeout');
      return realUpdate(collection, id, patch, where);
    };
    expect(code(await runSender(ports))).toBe('COMMON.INTERNAL');
    ports.store.update = realUpdate;
    ports.clock.advance(MIN); // the next run, still inside the dead run's lease
    data(await runSender(ports));
    ports.clock.advance(5 * MIN); // past the lease: the stuck row is closed, not re-sent
    expect(data(await runSender(ports))).toMatchObject({ recoveredUnknown: 1, sent: 0 });
    const perPerson = wechat.perPerson(notice._id);
    expect(perPerson.size).toBe(rows.length);
    expect([...perPerson.values()].filter((c) => c > 1)).toEqual([]);
    expect(await statuses(ports, notice._id)).toEqual({ sent: rows.length - 1, unknown: 1 });
  });

  it('dies after recording a send but before counting it: the next run brings "delivered" and "no grant" up to the rows', async () => {
    // every third person holds no grant WeChat will honour (43101)
    const { ports, call, notice, rows } = await setup((_m, i) => (i % 3 === 2 ? 'no-grant' : 'sent'));
    const realUpdate = ports.store.update.bind(ports.store);
    let recorded = 0;
    let killed = 0;
    ports.store.update = async (collection, id, patch, where) => {
      if (collection === COLLECTIONS.noticeDeliveries && (patch.set?.status === 'sent' || patch.set?.status === 'noGrant')) recorded += 1;
      // the first write that would move the notice's figures once four rows are recorded: the function dies there
      const moves = JSON.stringify(patch).includes('stats.delivered') || JSON.stringify(patch).includes('stats.noGrant');
      if (collection === COLLECTIONS.notices && moves && recorded >= 4 && killed === 0) {
        killed += 1;
        throw new Error('killed: function timeout');
      }
      return realUpdate(collection, id, patch, where);
    };
    expect(code(await runSender(ports))).toBe('COMMON.INTERNAL');
    expect(killed).toBe(1);
    ports.store.update = realUpdate;
    ports.clock.advance(MIN);
    data(await runSender(ports));
    const after = await rowsOf(ports, notice._id);
    const sent = after.filter((r) => r.status === 'sent').length;
    const noGrant = after.filter((r) => r.status === 'noGrant').length;
    expect(sent + noGrant).toBe(rows.length);
    expect(noGrant).toBeGreaterThan(0);
    const reach = data(await call('notices', 'reach', { noticeId: notice._id }, LEADER));
    expect(reach.counts).toMatchObject({ delivered: sent, noGrant });
    // the buildings and units add up to the same figures
    expect(reach.buildings.reduce((n: number, b: any) => n + b.delivered, 0)).toBe(sent);
    expect(reach.buildings.reduce((n: number, b: any) => n + b.noGrant, 0)).toBe(noGrant);
  });

  it('two timer runs at once share the work without sending anything twice', async () => {
    const { ports, notice, rows, wechat } = await setup(async (): Promise<NotifyOutcome> => {
      await new Promise((r) => setTimeout(r, 1));
      return 'sent';
    });
    const [a, b] = await Promise.all([runSender(ports), runSender(ports)]);
    expect(data(a).sent + data(b).sent).toBe(rows.length);
    expect([...wechat.perPerson(notice._id).values()].every((c) => c === 1)).toBe(true);
    expect(wechat.perPerson(notice._id).size).toBe(rows.length);
  });

  it('gives everything back, within its time budget, when WeChat never stops saying "slow down"', async () => {
    const { ports, notice, rows } = await setup(() => 'rate-limited');
    const ctx = { ports, caller: systemCaller, requestId: 'always-slow' };
    const started = Date.now();
    const report = data(await deliverDue(ctx, {}, { budgetMs: 400, slowDownMs: 50, maxSlowDownMs: 200 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.sent).toBe(0);
    const after = await rowsOf(ports, notice._id);
    expect(after.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect(after).toHaveLength(rows.length);
    const grants = await ports.store.getMany(
      COLLECTIONS.subscriptions,
      rows.map((r) => `${r.openid}:notice`),
    );
    expect(grants.every((g) => g.remaining === 5)).toBe(true);
  });

  it('waits out WeChat’s "slow down" without losing or repeating a message', async () => {
    // a stand-in allowing 3 sends per 40 ms window
    let windowStart = Date.now();
    let inWindow = 0;
    const { ports, notice, rows, wechat } = await setup((): NotifyOutcome => {
      if (Date.now() - windowStart >= 40) {
        windowStart = Date.now();
        inWindow = 0;
      }
      return ++inWindow <= 3 ? 'sent' : 'rate-limited';
    });
    const ctx = { ports, caller: systemCaller, requestId: 'rate-limit-test' };
    const report = data(await deliverDue(ctx, {}, { slowDownMs: 40, maxSlowDowns: 50, concurrency: 4 }));
    expect(report.rateLimited).toBeGreaterThan(0);
    expect(report.sent).toBe(rows.length);
    expect([...wechat.perPerson(notice._id).values()].every((c) => c === 1)).toBe(true);
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${RESIDENT}:notice`)).toMatchObject({ remaining: 4 });
  });
});
