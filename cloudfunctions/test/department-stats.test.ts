import { recountParts, type DepartmentStatDoc } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { systemCaller } from '../src/platform/caller';
import { COLLECTIONS } from '../src/ports/collections';
import { recountStats } from '../src/use-cases/departments/recount-stats';
import { createTestApp, data, WHO } from './harness';

/**
 * The departments' month counters (department_stats) are kept in each step's transaction: after
 * any sequence of 派单, 报到, 退单, 协办, 反馈 (by the department or the community), 评价 and 督办
 * runs, they equal a recount of the parts; the recount path rebuilds them when they are lost.
 * Random sequences from a seeded generator, so a failure replays.
 */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const PEOPLE: Record<string, string> = {
  'dept-chengguan': 'dev-dept-chengguan',
  'dept-zhujian': 'dev-dept-zhujian',
  'dept-gongdian': 'dev-dept-gongdian',
};
const HOUR = 3_600_000;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const strip = (docs: DepartmentStatDoc[]) =>
  docs
    .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== 0)))
    .sort((a, b) => String(a._id).localeCompare(String(b._id)));

async function run(seed: number, steps: number) {
  const app = await createTestApp();
  const { call, ports } = app;
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const photo = (owner: string) => ports.files.save({ name: 'spot.png', contentType: 'image/png', bytes: PNG, ownerOpenid: owner });
  const requests: string[] = [];
  const timer = () =>
    dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, `t-${seed}`, {
      error: () => undefined,
    });
  const parts = async () => ports.store.find(COLLECTIONS.dispatches, { where: { districtId: 'd-dadong' }, limit: 1000 } as never);
  const counters = async () => ports.store.find(COLLECTIONS.departmentStats, { where: { districtId: 'd-dadong' }, limit: 1000 } as never);
  for (let i = 0; i < steps; i++) {
    // time moves between steps, as on a phone (the harness's clock is frozen otherwise)
    ports.clock.advance(1000);
    const all = await parts();
    const step = pick(['report', 'dispatch', 'arrive', 'arrive', 'return', 'contribute', 'resolve', 'communityResolve', 'rate', 'later']);
    if (step === 'report' || requests.length === 0) {
      const key = `stats-report-${seed}-${i}`;
      const made = data(
        await call(
          'departments',
          'patrol',
          {
            key,
            compoundId: 'p-zhongjie',
            category: 'safety',
            description: `井盖破损第${i}处，需要处理`,
            spot: `${i}号楼东侧`,
            photos: [await photo(WHO.pointLeader)],
          },
          WHO.pointLeader,
        ),
      );
      requests.push(made.requestId);
    } else if (step === 'dispatch') {
      const requestId = pick(requests);
      const ids = pick([['dept-chengguan', 'dept-zhujian'], ['dept-chengguan'], ['dept-zhujian', 'dept-gongdian'], ['dept-gongdian']]);
      const lead = random() < 0.3 ? undefined : pick(ids);
      await call(
        'departments',
        'dispatch',
        { key: `dispatch-${seed}-${i}`, requestId, departmentIds: ids, ...(lead ? { leadId: lead } : {}) },
        pick([WHO.street, WHO.admin]),
      );
    } else if (step === 'later') {
      ports.clock.advance(pick([1, 5, 30]) * HOUR);
      await timer();
    } else if (step === 'rate' || step === 'communityResolve') {
      const requestId = pick(requests);
      if (step === 'rate')
        await call(
          'requests',
          'rate',
          { requestId, solved: random() < 0.7, satisfaction: pick(['satisfied', 'basic', 'unsatisfied']) },
          WHO.pointLeader,
        );
      else await call('requests', 'resolve', { requestId, result: '社区已协调处理完毕', photos: [] }, WHO.street);
    } else if (all.length > 0) {
      const part = pick(all);
      const who = PEOPLE[part.departmentId]!;
      const dispatchId = part._id;
      if (step === 'arrive') await call('departments', 'arrive', { dispatchId, photos: [await photo(who)] }, who);
      else if (step === 'return') await call('departments', 'return', { dispatchId, reason: '不属于本部门的职责范围' }, who);
      else if (step === 'contribute') await call('departments', 'contribute', { dispatchId, text: '已核实产权归属' }, who);
      else await call('departments', 'resolve', { dispatchId, result: '已更换井盖并恢复路面', photos: [] }, who);
    }
  }
  return { app, parts: await parts(), counters: await counters() };
}

const seen = new Set<string>();

describe('department counters', () => {
  it.each([1, 2, 3, 4, 5, 6])('equal a recount of the parts after a random sequence of steps (seed %i)', async (seed) => {
    const { parts, counters } = await run(seed, 60);
    expect(parts.length).toBeGreaterThan(0);
    expect(strip(counters)).toEqual(strip(recountParts(parts)));
    for (const p of parts) {
      seen.add(`${p.role}:${p.status}`);
      if (p.status === 'returned') seen.add('returned');
      if (p.escalations > 0) seen.add('escalated');
      if (p.arrivedOnTime === false) seen.add('late');
      if (p.satisfaction) seen.add('rated');
      if (p.resolvedAt) seen.add('resolved');
    }
  });

  it('the sequences above went through every kind of step', () => {
    for (const k of ['lead:pending', 'lead:arrived', 'lead:done', 'returned', 'co:done', 'escalated', 'late', 'rated', 'resolved'])
      expect([...seen], k).toContain(k);
  });

  it('are rebuilt by the recount when lost, and a second recount writes the same', async () => {
    const { app, parts, counters } = await run(7, 50);
    const ranking = async () =>
      data(await app.call('departments', 'ranking', { districtId: 'd-dadong', month: '2026-11' }, WHO.admin)).rows;
    const before = await ranking();
    expect(before.length).toBeGreaterThan(0);
    for (const c of counters) await app.ports.store.remove(COLLECTIONS.departmentStats, c._id);
    expect(await ranking()).toEqual([]);
    const ctx = { ports: app.ports, caller: systemCaller, requestId: 'recount' };
    const first = await recountStats(ctx, { districtId: 'd-dadong' });
    expect(first).toMatchObject({ ok: true, data: { parts: parts.length } });
    expect(await ranking()).toEqual(before);
    expect(await recountStats(ctx, { districtId: 'd-dadong' })).toMatchObject({ ok: true, data: { synced: 0 } });
    expect(await ranking()).toEqual(before);
  });

  it('paged: a page of departments per call, continued with `after`, a repeated page writing the same', async () => {
    const { app, parts, counters } = await run(9, 60);
    for (const c of counters) await app.ports.store.remove(COLLECTIONS.departmentStats, c._id);
    const ctx = { ports: app.ports, caller: systemCaller, requestId: 'paged' };
    const afters: (string | undefined)[] = [];
    let after: string | undefined;
    let read = 0;
    do {
      const page = await recountStats(ctx, { districtId: 'd-dadong', pageSize: 1, ...(after ? { after } : {}) });
      if (!page.ok) throw new Error(page.error.code);
      read += page.data.parts;
      after = page.data.after;
      afters.push(after);
      // the same page again: the same documents
      if (after) await recountStats(ctx, { districtId: 'd-dadong', pageSize: 1, after: afters.at(-2) });
    } while (after && afters.length < 20);
    expect(afters.length).toBeGreaterThan(1);
    expect(afters.at(-1)).toBeUndefined();
    expect(read).toBe(parts.length);
    const again = await app.ports.store.find(COLLECTIONS.departmentStats, { where: { districtId: 'd-dadong' }, limit: 1000 } as never);
    expect(strip(again)).toEqual(strip(recountParts(parts)));
  });

  it('backfill: parts written before the counters (no source, no outcome) are counted with the requests’ outcome', async () => {
    const { app, parts } = await run(8, 50);
    // as before this change: the outcome and the source only on the request, no counters
    for (const p of parts) {
      const { source: _s, satisfaction: _f, resolvedAt: _r, resolvedOnTime: _o, ...old } = p;
      await app.ports.store.put(COLLECTIONS.dispatches, old as never);
    }
    for (const c of await app.ports.store.find(COLLECTIONS.departmentStats, { where: { districtId: 'd-dadong' }, limit: 1000 } as never))
      await app.ports.store.remove(COLLECTIONS.departmentStats, c._id);
    const ctx = { ports: app.ports, caller: systemCaller, requestId: 'backfill' };
    const done = await recountStats(ctx, { districtId: 'd-dadong' });
    expect(done.ok && done.data.synced).toBeGreaterThan(0);
    const counters = await app.ports.store.find(COLLECTIONS.departmentStats, { where: { districtId: 'd-dadong' }, limit: 1000 } as never);
    expect(strip(counters)).toEqual(strip(recountParts(parts)));
  });
});
