import type { RequestDoc } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { systemCaller } from '../src/platform/caller';
import { COLLECTIONS } from '../src/ports/collections';
import { sweepRequests } from '../src/use-cases/requests/sweep-requests';
import { findAll } from '../src/use-cases/find-all';
import { createTestApp, data, WHO } from './harness';

type App = Awaited<ReturnType<typeof createTestApp>>;
const HOUR = 3_600_000;

/** `n` copies of one real request in handling, each overdue by an hour (its warning already sent). */
async function overdue(app: App, n: number): Promise<string[]> {
  const submitted = data(
    await app.call(
      'requests',
      'submit',
      {
        key: 'bounds-key-000001',
        compoundId: 'p-zhongjie',
        category: 'repairs',
        description: '楼道灯坏了，晚上很黑',
        location: { kind: 'home' },
      },
      WHO.resident,
    ),
  );
  const id = submitted.request.id as string;
  data(await app.call('requests', 'accept', { requestId: id }, WHO.pointLeader));
  data(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: WHO.pointLeader }, WHO.pointLeader));
  const base = (await app.ports.store.get(COLLECTIONS.requests, id))!;
  const past = new Date(app.ports.clock.now().getTime() - HOUR).toISOString();
  const docs: RequestDoc[] = Array.from({ length: n }, (_, i) => {
    const { warnAt: _warn, ...rest } = base;
    return { ...rest, _id: `bounds-${String(i).padStart(4, '0')}`, deadlineAt: past, escalateAt: past, dueAt: past };
  });
  await app.ports.store.insertMany(COLLECTIONS.requests, docs);
  return docs.map((d) => d._id);
}

/** A budget spent after `waves` checks: as if the database were slow enough to use a run up. */
const wavesOf = (waves: number) => {
  let left = waves;
  return { within: () => left-- > 0 };
};

describe('the sweep is bounded per run', () => {
  it('stops when its budget is spent, says there is more, and the next runs finish: nothing twice, nothing skipped', async () => {
    const app = await createTestApp();
    const ids = await overdue(app, 450);
    const ctx = { ports: app.ports, caller: systemCaller, requestId: 'bounds' };
    const runs: { escalated: number; more: boolean }[] = [];
    for (let run = 0; run < 20; run++) {
      const out = data(await sweepRequests(ctx, { budget: wavesOf(8) }));
      runs.push({ escalated: out.escalated, more: out.more });
      if (!out.more) break;
    }
    // 8 budget checks a run: a few waves of 10, never the whole backlog
    expect(runs.length).toBeGreaterThan(3);
    expect(Math.max(...runs.map((r) => r.escalated))).toBeLessThan(100);
    expect(runs.slice(0, -1).every((r) => r.more)).toBe(true);
    expect(runs.reduce((n, r) => n + r.escalated, 0)).toBe(450);
    expect(await app.ports.store.count(COLLECTIONS.requests, { dueAt: { lte: app.ports.clock.now().toISOString() } })).toBe(0);
    const escalations = new Map<string, number>();
    for (const id of ids)
      for (const e of await findAll(app.ports.store, COLLECTIONS.requestEvents, { requestId: id }, [['at', 'asc']]))
        if (e.kind === 'escalated') escalations.set(id, (escalations.get(id) ?? 0) + 1);
    expect([...escalations.values()].filter((n) => n !== 1)).toEqual([]);
    expect(escalations.size).toBe(450);
  });

  it('lets the event loop run while it works (the local host keeps answering)', async () => {
    const app = await createTestApp();
    await overdue(app, 200);
    let finished = false;
    let finishedWhenTheLoopRan: boolean | null = null;
    setImmediate(() => {
      finishedWhenTheLoopRan = finished;
    });
    const out = data(await sweepRequests({ ports: app.ports, caller: systemCaller, requestId: 'bounds' }));
    finished = true;
    expect(out.escalated).toBe(200);
    expect(finishedWhenTheLoopRan).toBe(false);
  });
});
