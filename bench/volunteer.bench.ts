/**
 * 志愿积分 at community scale: 5,000 volunteers and 200,000 ledger entries (40 each, spread over
 * 12 months). Prints the time to
 * - fold every volunteer's balance from their entries (the pure rule, and through the store: one
 *   person's statement as the app asks for it, and all 5,000 read person by person);
 * - build one month's public board (公示) from that month's ~16,700 entries, through the real dispatch.
 * The entries go straight into SQLite in one transaction (setup is not what is measured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { foldLedger, monthlyBoard, type Entry, type Place } from '@linli/shared';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { FUNCTIONS } from '../cloudfunctions/src/functions/registry';
import { dispatch } from '../cloudfunctions/src/platform/dispatch';
import { fromPhone } from '../cloudfunctions/src/platform/origin';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';
import { entriesOf } from '../cloudfunctions/src/use-cases/volunteer/ledger-writer';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 5_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);
const ms = (t: number) => `${t.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-volunteer-'));
  const ports = createLocalPorts(join(dir, 'bench.sqlite'));
  try {
    const community: Place = { _id: 'b-community', kind: 'community', name: '基准社区', parentId: null, path: [], fullName: '基准社区' };
    await ports.store.put(COLLECTIONS.places, community);
    const perPerson = Math.ceil(ENTRIES / VOLUNTEERS);
    const all: Entry[] = [];
    for (let v = 0; v < VOLUNTEERS; v++) {
      let balance = 0;
      for (let k = 0; k < perPerson && all.length < ENTRIES; k++) {
        const month = `2026-${String((k % 12) + 1).padStart(2, '0')}`;
        const spend = k % 5 === 4;
        const points = spend ? -2 : 2;
        balance += points;
        all.push({
          _id: `volunteer:grant:a${k}:v${v}`,
          ledger: 'volunteer',
          communityId: community._id,
          openid: `v${v}`,
          name: `志愿者${v}`,
          kind: spend ? 'spend' : 'grant',
          points,
          hours: spend ? 0 : 2,
          activityId: `a${k}`,
          reason: '',
          recordedBy: { openid: 's', name: '工作人员', role: '社区工作人员' },
          at: `${month}-10T02:00:00.000Z`,
          month,
          day: `${month}-10`,
          seq: k + 1,
          balanceAfter: balance,
        });
      }
    }
    const insert = performance.now();
    await ports.store.insertMany(COLLECTIONS.volEntries, all);
    console.log(`setup: ${all.length} entries of ${VOLUNTEERS} volunteers written in ${ms(performance.now() - insert)}`);

    let t = performance.now();
    const byPerson = new Map<string, Entry[]>();
    for (const e of all) (byPerson.get(e.openid) ?? byPerson.set(e.openid, []).get(e.openid)!).push(e);
    let total = 0;
    for (const entries of byPerson.values()) total += foldLedger(entries).balance;
    console.log(
      `balances of ${byPerson.size} volunteers folded from ${all.length} entries in memory (the pure rule): ${ms(performance.now() - t)} (sum ${total})`,
    );

    t = performance.now();
    const one = await entriesOf(ports.store, 'volunteer', community._id, 'v42');
    const single = performance.now() - t;
    console.log(
      `one volunteer's balance from their ${one.length} entries through the store (我的积分): ${single.toFixed(2)} ms → ${foldLedger(one).balance}`,
    );

    t = performance.now();
    for (let v = 0; v < VOLUNTEERS; v++) foldLedger(await entriesOf(ports.store, 'volunteer', community._id, `v${v}`));
    console.log(`all ${VOLUNTEERS} balances read person by person through the store: ${ms(performance.now() - t)}`);

    t = performance.now();
    const monthRows = monthlyBoard(all.filter((e) => e.month === '2026-11'));
    console.log(`monthly board in memory: ${ms(performance.now() - t)} (${monthRows.length} volunteers)`);

    t = performance.now();
    const board = await dispatch(
      FUNCTIONS.volunteer,
      { action: 'board', data: { communityId: community._id, month: '2026-11' } },
      fromPhone(null),
      ports,
      'bench',
    );
    const took = performance.now() - t;
    if (!board.ok) throw new Error(board.error.code);
    const data = board.data as { rows: unknown[]; totalHours: number };
    console.log(
      `monthly board (公示) through the real dispatch, 2026-11: ${ms(took)} (${data.rows.length} volunteers, ${data.totalHours} hours)`,
    );
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
