/**
 * 网格吹哨、部门报到 at district scale: the monthly ranking of 50 departments over 200,000
 * requests (one lead part each, a fifth with a 协办 part too, some returned, most rated). Prints
 * the time of the pure rule (figures + ranking over the parts), of the counters' recount (the
 * backfill path: the parts are written straight into SQLite, as before the counters existed), and
 * of `departments.ranking` through the real dispatch on a SQLite file, with its round trips: it reads
 * one counter document per department (kept by each step's transaction), not the 240,000 parts.
 * Before the counters it read the parts and the led requests: 17–46 s on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { departmentFigures, rankDepartments, type DispatchDoc, type Place, type RequestDoc } from '@linli/shared';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { FUNCTIONS } from '../cloudfunctions/src/functions/registry';
import { dispatch } from '../cloudfunctions/src/platform/dispatch';
import { fromPhone } from '../cloudfunctions/src/platform/origin';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';
import { systemCaller } from '../cloudfunctions/src/platform/caller';
import { recountStats } from '../cloudfunctions/src/use-cases/departments/recount-stats';
import { countingStore } from '../cloudfunctions/test/counting-store';

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_DEPT_REQUESTS ?? 200_000);
const ms = (t: number) => `${t.toFixed(0)} ms`;
const BATCH = 5_000;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-departments-'));
  const ports = createLocalPorts(join(dir, 'bench.sqlite'));
  try {
    const district: Place = { _id: 'b-district', kind: 'district', name: '基准区', parentId: null, path: [], fullName: '基准区' };
    await ports.store.put(COLLECTIONS.places, district);
    await ports.store.put(COLLECTIONS.users, {
      _id: 'bench-admin',
      name: '区管理员',
      grants: [
        {
          role: 'admin',
          placeId: district._id,
          placePath: [],
          placeName: '基准区',
          grantedAt: '2026-11-01T00:00:00.000Z',
          grantedBy: 'bench',
        },
      ],
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    ports.clock.set(new Date('2026-12-01T02:00:00.000Z'));
    for (let k = 0; k < DEPARTMENTS; k++)
      await ports.store.put(COLLECTIONS.departments, {
        _id: `bd-${k}`,
        name: `部门${k}`,
        kind: 'enforcement',
        ownerPlaceId: district._id,
        ownerPath: [],
        districtId: district._id,
        areaIds: [district._id],
        areaNames: ['基准区'],
        createdAt: '2026-11-01T00:00:00.000Z',
        createdBy: 'bench',
      });
    const t0 = Date.parse('2026-10-31T16:00:00.000Z'); // 11-01 00:00 in Shanghai
    const parts: DispatchDoc[] = [];
    let requests: RequestDoc[] = [];
    const flush = async () => {
      await ports.store.insertMany(COLLECTIONS.requests, requests);
      requests = [];
    };
    for (let i = 0; i < REQUESTS; i++) {
      const at = new Date(t0 + (i % (29 * 24)) * 3_600_000 + (i % 3600) * 1000).toISOString();
      const id = `br-${i}`;
      const dep = (k: number) => `bd-${k % DEPARTMENTS}`;
      const resolved = i % 10 !== 0;
      requests.push({
        _id: id,
        districtId: district._id,
        createdAt: at,
        ...(i % 4 === 0 ? { source: 'patrol' } : i % 9 === 0 ? { source: 'hotline' } : {}),
        ...(resolved ? { resolvedAt: at } : {}),
        ...(resolved && i % 3 !== 0 ? { rating: { solved: true, satisfaction: i % 17 === 0 ? 'unsatisfied' : 'satisfied', at } } : {}),
      } as unknown as RequestDoc);
      const part = (k: number, role: DispatchDoc['role'], status: DispatchDoc['status']): DispatchDoc => ({
        _id: `${id}:${dep(k)}`,
        version: 2,
        requestId: id,
        departmentId: dep(k),
        departmentName: `部门${k % DEPARTMENTS}`,
        departmentKind: 'enforcement',
        placePath: [district._id],
        districtId: district._id,
        tier: 'general',
        role,
        status,
        final: false,
        dispatchedAt: at,
        dispatchedBy: { openid: 'bench', name: '街道', label: '街道工作人员' },
        dispatcherLevel: 'street',
        dispatcherPlaceId: 'b-street',
        reportBy: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
        resolveBy: new Date(Date.parse(at) + 7 * 24 * 3_600_000).toISOString(),
        returnBy: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
        ...(status === 'returned'
          ? {}
          : { arrivedAt: new Date(Date.parse(at) + ((i % 30) + 1) * 3_600_000).toISOString(), arrivedOnTime: i % 30 < 24 }),
        escalations: 0,
        month: '2026-11',
        updatedAt: at,
      });
      parts.push(part(i, 'lead', resolved ? 'done' : 'arrived'));
      if (i % 5 === 0) parts.push(part(i + 7, 'co', i % 25 === 0 ? 'returned' : 'done'));
      if (requests.length >= BATCH) await flush();
    }
    await flush();
    for (let i = 0; i < parts.length; i += BATCH) await ports.store.insertMany(COLLECTIONS.dispatches, parts.slice(i, i + BATCH));
    console.log(
      `${DEPARTMENTS} departments, ${REQUESTS.toLocaleString('en')} requests, ${parts.length.toLocaleString('en')} parts in one month`,
    );

    // the pure rule, on parts joined with their outcomes
    const joined = parts.map((p, k) =>
      p.role === 'lead' && k % 3 !== 0 ? { ...p, resolvedAt: p.dispatchedAt, satisfaction: 'satisfied' as const } : p,
    );
    let t = performance.now();
    const ranked = rankDepartments(departmentFigures(joined, ports.clock.now()));
    console.log(`ranking, pure rule (figures + sort of ${DEPARTMENTS}): ${ms(performance.now() - t)}`);

    // the counters: written by each step in production; here the backfill path writes them
    t = performance.now();
    // paged: one call per page of departments (each under the function's time limit), continued with `after`
    const recount = { data: { parts: 0, synced: 0, documents: 0 } };
    let calls = 0;
    for (let after: string | undefined, first = true; first || after; first = false) {
      const page = await recountStats(
        { ports, caller: systemCaller, requestId: 'bench-recount' },
        { districtId: district._id, ...(after ? { after } : {}) },
      );
      if (!page.ok) throw new Error(page.error.code);
      calls++;
      recount.data.parts += page.data.parts;
      recount.data.synced += page.data.synced;
      recount.data.documents += page.data.documents;
      after = page.data.after;
    }
    console.log(`recount in ${calls} calls`);
    console.log(
      `recount / backfill of the counters (read ${recount.data.parts.toLocaleString('en')} parts + requests, sync ${recount.data.synced.toLocaleString('en')}, write ${recount.data.documents} documents): ${ms(performance.now() - t)}`,
    );

    const store = countingStore(ports.store);
    const counted = { ...ports, store };
    const rank = (departmentId?: string) =>
      dispatch(
        FUNCTIONS.departments,
        { action: 'ranking', data: { districtId: district._id, month: '2026-11', ...(departmentId ? { departmentId } : {}) } },
        fromPhone('bench-admin'),
        counted,
        'bench',
        { error: (m, meta) => console.error(m, meta) },
      );
    store.take();
    t = performance.now();
    const answer = await rank();
    const took = performance.now() - t;
    const trips = store.take();
    if (!answer.ok) throw new Error(answer.error.code);
    const data = answer.data as { rows: { departmentName: string; score: number | null }[]; bySource: Record<string, number> };
    console.log(
      `ranking through the real dispatch on SQLite (${data.rows.length} counter documents, no parts read): ${ms(took)}; round trips ${trips.total} (serial ${trips.serial}, queries ${trips.queries}, reads ${trips.reads})`,
    );
    console.log(
      `  first: ${data.rows[0]?.departmentName} (score ${data.rows[0]?.score}); by source ${JSON.stringify(data.bySource)}; pure rule's first: ${ranked[0]?.departmentName}`,
    );
    t = performance.now();
    const drill = await rank('bd-0');
    const drillMs = performance.now() - t;
    const drillTrips = store.take();
    if (!drill.ok) throw new Error(drill.error.code);
    console.log(
      `drill-down to one department (${(drill.data as { parts: unknown[] }).parts.length.toLocaleString('en')} parts + outcomes, 12 months of rates): ${ms(drillMs)}; round trips ${drillTrips.total}`,
    );
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
