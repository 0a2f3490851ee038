/**
 * Cost at CloudBase scale (issue 15). Locally a store call costs microseconds; on CloudBase each is a
 * network round trip of milliseconds, and a function run has 20 s. The round trips an operation makes
 * are the same on both adapters and on any machine, so they are the figure to design against:
 * - each main action's round trips (test/counting-store.ts charges what the CloudBase adapter sends),
 *   the serial ones (what a person waits for) projected at 10 ms and 30 ms per round trip, beside
 *   the targets;
 * - publishing to 5,000 households, one sweep of 1,000 overdue, the street's figures, the ledger export;
 * - local speed figures beside a floor measured in the same run (the same documents straight through
 *   SQLite), and the ratio, so they mean the same on a busy machine and a quiet one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Envelope, Grant, User } from '@linli/shared';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { FUNCTIONS } from '../cloudfunctions/src/functions/registry';
import { dispatch } from '../cloudfunctions/src/platform/dispatch';
import { fromPhone, fromTimer } from '../cloudfunctions/src/platform/origin';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';
import { typedStore, type Doc, type Store, type TxStore } from '../cloudfunctions/src/ports/store';
import { systemCaller } from '../cloudfunctions/src/platform/caller';
import { sweepRequests } from '../cloudfunctions/src/use-cases/requests/sweep-requests';
import { TIMER_BUDGET_MS } from '../cloudfunctions/src/use-cases/timer-budget';
import { countingStore, type CountingStore, type RoundTrips } from '../cloudfunctions/test/counting-store';
import { againstTarget, measureJourney, TARGETS } from '../cloudfunctions/test/resident-journey';
import { publishOnce, seedRows } from './notices.bench';
import { seedStreet } from './requests.bench';

const STREET_REQUESTS = Number(process.env.BENCH_COST_REQUESTS ?? 50_000);
/** The function's timeout as deployed (scripts/build-functions.ts). */
const FUNCTION_LIMIT_MS = 20_000;
const quiet = { error: (message: string, meta: Record<string, unknown>) => console.error(message, meta) };

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

function row(name: string, t: RoundTrips, target: string, verdict: string): void {
  console.log(
    `${pad(name, 34)} ${lpad(t.total, 6)} ${lpad(t.serial, 7)} ${lpad(seconds(t.serial * 10), 8)} ${lpad(seconds(t.serial * 30), 8)}   ${pad(target, 30)} ${verdict}`,
  );
}

function header(): void {
  console.log(
    `${pad('action', 34)} ${lpad('total', 6)} ${lpad('serial', 7)} ${lpad('@10 ms', 8)} ${lpad('@30 ms', 8)}   ${pad('target', 30)}`,
  );
}

/** Counts one dispatch on `ports` (whose store is already counting). */
async function counted(
  store: CountingStore,
  run: () => Promise<Envelope<unknown>>,
): Promise<{ trips: RoundTrips; ms: number; envelope: Envelope<unknown> }> {
  store.take();
  const started = performance.now();
  const envelope = await run();
  const ms = performance.now() - started;
  if (!envelope.ok) throw new Error(`failed: ${envelope.error.code}`);
  return { trips: store.take(), ms, envelope };
}

const ratio = (ms: number, floor: number) => `${ms.toFixed(0)} ms vs floor ${floor.toFixed(0)} ms = ${(ms / floor).toFixed(1)}×`;

async function publishFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-cost-'));
  const ports = createLocalPorts(join(dir, 'bench.db'));
  try {
    const { places, bindings, leader } = seedRows();
    await ports.store.insertMany(COLLECTIONS.places, places);
    await ports.store.insertMany(COLLECTIONS.bindings, bindings);
    await ports.store.put(COLLECTIONS.users, leader);
    // a warm-up publish compiles the code paths, as in a warm container
    await publishOnce(ports, 'cost-publish-warm');
    const raw = ports.store;
    const store = countingStore(raw);
    ports.store = store;
    store.take();
    const measured = await publishOnce(ports, 'cost-publish-counted');
    const trips = store.take();
    // timed on the store itself: the counting wrapper waits a turn of the event loop per call
    ports.store = raw;
    const timed = await publishOnce(ports, 'cost-publish-0');
    const verdict = trips.serial * 30 < FUNCTION_LIMIT_MS ? '✔' : '✘';
    row(`notices.publish (${measured.households.toLocaleString('en')} households)`, trips, 'one function run (20 s) at 30 ms', verdict);
    // floor: the same rows inserted in one SQLite transaction, through the adapter, into empty tables
    const noticeId = 'cost-publish-0';
    const written: [string, Doc[]][] = [];
    for (const c of [COLLECTIONS.noticeHouseholds, COLLECTIONS.noticeDeliveries, COLLECTIONS.noticeUnits, COLLECTIONS.noticeTargets]) {
      const docs = ports.sqlite.db
        .prepare(`SELECT id, json(doc) AS doc FROM "${c}" WHERE json_extract(doc, '$.noticeId') = ?`)
        .all(noticeId) as { id: string; doc: string }[];
      written.push([c, docs.map((d) => ({ _id: d.id, ...(JSON.parse(d.doc) as object) }))]);
    }
    const rows = written.reduce((n, [, docs]) => n + docs.length, 0);
    const floorStart = performance.now();
    const db = ports.sqlite.db;
    db.transaction(() => {
      for (const [c, docs] of written) {
        db.exec(`CREATE TABLE IF NOT EXISTS "floor_${c}" (id TEXT PRIMARY KEY, doc BLOB NOT NULL, rev INTEGER NOT NULL DEFAULT 1)`);
        const insert = db.prepare(`INSERT INTO "floor_${c}" (id, doc, rev) VALUES (?, jsonb(?), 1)`);
        for (const d of docs) {
          const { _id, ...rest } = d;
          insert.run(_id, JSON.stringify(rest));
        }
      }
    })();
    const floor = performance.now() - floorStart;
    console.log(`  locally: ${ratio(timed.ms, floor)} (floor: its ${rows.toLocaleString('en')} rows inserted in one SQLite transaction)`);
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function streetFigures(): Promise<void> {
  const ports = createLocalPorts(':memory:');
  try {
    const now = new Date('2026-11-20T02:00:00.000Z');
    ports.clock.set(now);
    const { makeOverdue } = seedStreet(ports, now, STREET_REQUESTS);
    const grant: Grant = {
      role: 'streetStaff',
      placeId: 'b-street',
      placePath: ['b-district'],
      placeName: '基准街道',
      grantedAt: now.toISOString(),
      grantedBy: 'bench',
    };
    const staff: User = { _id: 'bench-street-staff', name: '街道工作人员', grants: [grant], createdAt: now.toISOString() };
    await ports.store.put(COLLECTIONS.users, staff);
    const store = countingStore(ports.store);
    ports.store = store;
    const sweep = () =>
      dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, 'bench-sweep', quiet);

    // warm-up: a smaller sweep compiles the code paths
    makeOverdue(100);
    await sweep();
    makeOverdue(1_000);
    const swept = await counted(store, sweep);
    const escalated = (swept.envelope as Envelope<{ escalated: number }> & { ok: true }).data.escalated;
    const perEscalation = swept.trips.total / Math.max(1, escalated);
    row(
      `requests.sweep (1,000 overdue)`,
      swept.trips,
      '≤ 2 per escalation',
      `${perEscalation.toFixed(2)} per escalation ${perEscalation <= 2 ? '✔' : '✘'}`,
    );
    // timed on the store itself (the counting wrapper waits a turn of the event loop per call), then
    // the floor: the same 1,000 documents read and written straight through the SQLite adapter
    ports.store = typedStore(ports.sqlite);
    const ids = makeOverdue(1_000);
    const timedStart = performance.now();
    const timed = await sweep();
    const timedMs = performance.now() - timedStart;
    if (!timed.ok) throw new Error(`sweep failed: ${timed.error.code}`);
    ports.store = store;
    const floorStart = performance.now();
    const docs = await ports.sqlite.getMany(COLLECTIONS.requests, ids);
    await ports.sqlite.transaction(async (tx) => {
      for (const d of docs) await tx.put(COLLECTIONS.requests, d);
    });
    const floor = performance.now() - floorStart;
    console.log(
      `  locally: ${ratio(timedMs, floor)}  [target ≤ 3× floor ${timedMs <= 3 * floor ? '✔' : '✘'}] (floor: the same ${docs.length.toLocaleString('en')} requests read and written through the SQLite adapter)`,
    );

    const figures = await counted(store, () =>
      dispatch(
        FUNCTIONS.requests,
        { action: 'figures', data: { placeId: 'b-street', period: 'year' } },
        fromPhone(null),
        ports,
        'b',
        quiet,
      ),
    );
    row(`requests.figures (street, year)`, figures.trips, '—', '');
    const ledger = await counted(store, () =>
      dispatch(
        FUNCTIONS.requests,
        { action: 'exportLedger', data: { placeId: 'b-c0', period: 'month' } },
        fromPhone(staff._id),
        ports,
        'b',
        quiet,
      ),
    );
    const rows = (ledger.envelope as Envelope<{ rows: number }> & { ok: true }).data.rows;
    row(`requests.exportLedger (${rows.toLocaleString('en')} rows)`, ledger.trips, '—', '');
  } finally {
    ports.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The store with a fixed wait before every round trip: a scale model of CloudBase's latency. */
function slowStore(inner: Store, ms: number): Store {
  const slow =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await sleep(ms);
      return f(...args);
    };
  const tx = (t: TxStore): TxStore => ({
    get: slow(t.get.bind(t)) as TxStore['get'],
    insert: slow(t.insert.bind(t)) as TxStore['insert'],
    put: slow(t.put.bind(t)) as TxStore['put'],
    update: slow(t.update.bind(t)) as TxStore['update'],
    remove: slow(t.remove.bind(t)) as TxStore['remove'],
  });
  return {
    get: slow(inner.get.bind(inner)) as Store['get'],
    getMany: slow(inner.getMany.bind(inner)) as Store['getMany'],
    find: slow(inner.find.bind(inner)) as Store['find'],
    count: slow(inner.count.bind(inner)) as Store['count'],
    insert: slow(inner.insert.bind(inner)) as Store['insert'],
    insertMany: slow(inner.insertMany.bind(inner)) as Store['insertMany'],
    put: slow(inner.put.bind(inner)) as Store['put'],
    update: slow(inner.update.bind(inner)) as Store['update'],
    updateMany: slow(inner.updateMany.bind(inner)) as Store['updateMany'],
    remove: slow(inner.remove.bind(inner)) as Store['remove'],
    transaction: async (work) => {
      await sleep(2 * ms); // start and commit
      return inner.transaction((t) => work(tx(t)));
    },
  };
}

/**
 * 32,000 due at once (a backlog after an outage): on a scale model of CloudBase (each round trip
 * waits LATENCY_MS, the run's budget is scaled alike) the sweep takes several bounded runs, and
 * afterwards every request was escalated exactly once and none is left due. Then the same backlog on
 * the bare local store: the longest the event loop waited while the sweep ran (the local host's
 * responsiveness).
 */
async function backlog(): Promise<void> {
  const DUE = Number(process.env.BENCH_COST_BACKLOG ?? 32_000);
  /** 30 ms per round trip and a 12 s budget, both at a tenth. */
  const SCALE = 10;
  const LATENCY_MS = 30 / SCALE;
  const BUDGET_MS = TIMER_BUDGET_MS / SCALE;
  const now = new Date('2026-11-20T02:00:00.000Z');
  for (const model of ['cloud', 'local'] as const) {
    const ports = createLocalPorts(':memory:');
    try {
      ports.clock.set(now);
      const { makeOverdue } = seedStreet(ports, now, DUE + 8_000);
      makeOverdue(DUE);
      const ctx = {
        ports: { ...ports, store: model === 'cloud' ? slowStore(ports.store, LATENCY_MS) : ports.store },
        caller: systemCaller,
        requestId: 'bench-backlog',
      };
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const runs: { escalated: number; ms: number }[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        const out = await sweepRequests(ctx, model === 'cloud' ? { budgetMs: BUDGET_MS } : {});
        if (!out.ok) throw new Error(`sweep failed: ${out.error.code}`);
        runs.push({ escalated: out.data.escalated, ms: performance.now() - started });
        if (!out.data.more) break;
      }
      delay.disable();
      const db = ports.sqlite.db;
      const left = await ports.store.count(COLLECTIONS.requests, { dueAt: { lte: now.toISOString() } });
      const twice = (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM (SELECT json_extract(doc, '$.requestId') AS r FROM ${COLLECTIONS.requestEvents} WHERE json_extract(doc, '$.kind') = 'escalated' GROUP BY r HAVING COUNT(*) > 1)`,
          )
          .get() as { n: number }
      ).n;
      const once = (
        db
          .prepare(
            `SELECT COUNT(DISTINCT json_extract(doc, '$.requestId')) AS n FROM ${COLLECTIONS.requestEvents} WHERE json_extract(doc, '$.kind') = 'escalated'`,
          )
          .get() as { n: number }
      ).n;
      const total = runs.reduce((n, r) => n + r.escalated, 0);
      const longest = Math.max(...runs.map((r) => r.ms));
      const ok = left === 0 && twice === 0 && once === DUE && total === DUE;
      if (model === 'cloud')
        console.log(
          `sweep of ${DUE.toLocaleString('en')} due at ${LATENCY_MS * SCALE} ms per round trip (modelled at 1/${SCALE}: ${LATENCY_MS} ms, budget ${BUDGET_MS} ms): ${runs.length} bounded runs of ${runs.map((r) => r.escalated).join(' / ')} escalations, longest ${seconds(longest * SCALE)} at full scale (limit ${seconds(FUNCTION_LIMIT_MS)}); double escalations ${twice}, escalated once ${once.toLocaleString('en')}, still due ${left} ${ok ? '✔' : '✘'}`,
        );
      else
        console.log(
          `the same backlog on the bare local store: ${runs.length} run(s), ${seconds(runs.reduce((n, r) => n + r.ms, 0))}; longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms while it ran (the local host keeps answering); double escalations ${twice}, still due ${left} ${ok ? '✔' : '✘'}`,
        );
      if (!ok) process.exitCode = 1;
    } finally {
      ports.close();
    }
  }
}

export async function run(): Promise<void> {
  if (process.env.BENCH_COST_ONLY === 'backlog') return backlog();
  console.log(
    `round trips per call as the CloudBase adapter makes them; serial = on the critical path (parallel reads count once), projected at 10 and 30 ms each`,
  );
  header();
  for (const m of await measureJourney()) {
    const target = TARGETS[m.kind];
    const against = againstTarget(m);
    const verdict = m.kind === 'staff' ? '' : `${m.kind === 'book' ? `${against} outside it ` : ''}${against <= target.serial ? '✔' : '✘'}`;
    row(m.name, m.trips, target.label, verdict);
  }
  await publishFigures();
  await streetFigures();
  await backlog();
}

const invokedDirectly = process.argv[1]?.endsWith('cost.bench.ts');
if (invokedDirectly) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
