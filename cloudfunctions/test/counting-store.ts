/**
 * A counting wrapper of the store port, for tests and `npm run bench` only (never deployed: it lives
 * outside cloudfunctions/src). Every call is charged the database round trips the CloudBase adapter
 * (adapters/cloudbase/cloudbase-store.ts) makes for it, whichever adapter actually answers:
 *
 * - get, find, count, insert, put, update, updateMany, remove: 1 request each;
 * - getMany: one `where({_id: in})` per 500 ids (0 for none); insertMany: one batched `add` per
 *   ≤ 1000 documents / ~1 MB (`insertBatches`), 0 for none;
 * - a transaction: startTransaction + commit (or abort) = 2, plus each operation inside it
 *   (tx.get, put, update, remove 1 each; tx.insert 2: CloudBase has no insert-if-absent in a
 *   transaction, so the adapter reads the id first), all of it again for every retry.
 *
 * `serial` counts the round trips on the critical path: calls started together (a `Promise.all` of
 * reads) overlap and cost one wait, so the projected time is serial × latency.
 */
import { insertBatches } from '../src/adapters/cloudbase/cloudbase-store';
import type { Documents } from '../src/ports/documents';
import type { Coll, Doc, DocMap, FindOptions, Filter, Patch, Store, TxStore } from '../src/ports/store';

export interface RoundTrips {
  /** Every request to the database. */
  total: number;
  /** Round trips on the critical path (overlapping calls counted once). */
  serial: number;
  /** By id: get, getMany, and gets inside transactions. */
  reads: number;
  /** find and count. */
  queries: number;
  /** insert, insertMany, put, update, updateMany, remove, and writes inside transactions. */
  writes: number;
  /** Transactions run (each attempt's start and commit are in `total`). */
  transactions: number;
  /** Transaction attempts beyond the first. */
  retries: number;
  /** Of `total`, the round trips inside transactions: start, operations, commit. */
  inTransactions: number;
}

export const noTrips = (): RoundTrips => ({
  total: 0,
  serial: 0,
  reads: 0,
  queries: 0,
  writes: 0,
  transactions: 0,
  retries: 0,
  inTransactions: 0,
});

type Kind = 'reads' | 'queries' | 'writes';

export interface CountingStore<M extends DocMap = Documents> extends Store<M> {
  /** What was counted since the last `take` (or since the start), and starts again from zero. */
  take(): RoundTrips;
  /** What was counted since the last `take`, without resetting. */
  peek(): RoundTrips;
  /** The calls made since the last `take` (`get users`, `tx.update requests` …), to say what a count is made of. */
  calls(): string[];
}

export function countingStore<M extends DocMap = Documents>(inner: Store<M>): CountingStore<M> {
  let counts = noTrips();
  // the critical path on a virtual clock where every round trip takes one unit: a call starts when
  // the latest call that has answered so far answered (anything it waited for has), and ends
  // `trips` units later; `serial` is the latest end
  let answered = 0;
  let latestEnd = 0;
  let calls: string[] = [];

  /** Charges `trips` round trips of `kind` around one adapter call. */
  const charge = async <R>(kind: Kind, trips: number, run: () => Promise<R>, what = '', inTx = false): Promise<R> => {
    if (what) calls.push(`${what}${trips === 1 ? '' : ` ×${trips}`}`);
    if (inTx) counts.inTransactions += trips;
    counts.total += trips;
    counts[kind] += trips;
    const end = answered + trips;
    latestEnd = Math.max(latestEnd, end);
    counts.serial = latestEnd;
    try {
      return await run();
    } finally {
      // a local adapter answers within microtasks; a network call answers in a later turn of the
      // event loop, so calls started together (Promise.all) all start before any has answered
      await new Promise((resolve) => setImmediate(resolve));
      answered = Math.max(answered, end);
    }
  };
  /** Transaction start and commit: round trips on the path, one after the other. */
  const serialStep = (n: number) => {
    counts.inTransactions += n;
    counts.total += n;
    answered += n;
    latestEnd = Math.max(latestEnd, answered);
    counts.serial = latestEnd;
  };

  const txStore = (tx: TxStore<M>): TxStore<M> => ({
    get: (c, id) => charge('reads', 1, () => tx.get(c, id), `tx.get ${c}`, true),
    insert: (c, doc) => charge('writes', 2, () => tx.insert(c, doc), `tx.insert ${c}`, true),
    put: (c, doc) => charge('writes', 1, () => tx.put(c, doc), `tx.put ${c}`, true),
    update: (c, id, patch) => charge('writes', 1, () => tx.update(c, id, patch), `tx.update ${c}`, true),
    remove: (c, id) => charge('writes', 1, () => tx.remove(c, id), `tx.remove ${c}`, true),
  });

  const store: CountingStore<M> = {
    take() {
      const out = counts;
      counts = noTrips();
      calls = [];
      answered = 0;
      latestEnd = 0;
      return out;
    },
    peek: () => ({ ...counts }),
    calls: () => [...calls],
    get: (c, id) => charge('reads', 1, () => inner.get(c, id), `get ${c}`),
    getMany: (c, ids) => charge('reads', Math.ceil(new Set(ids).size / 500), () => inner.getMany(c, ids), `getMany ${c}`),
    find: (c, options: FindOptions) => charge('queries', 1, () => inner.find(c, options), `find ${c}`),
    count: (c, where?: Filter) => charge('queries', 1, () => inner.count(c, where), `count ${c}`),
    insert: (c, doc) => charge('writes', 1, () => inner.insert(c, doc), `insert ${c}`),
    insertMany: <C extends Coll<M>>(c: C, docs: readonly M[C][]) => {
      const seen = new Set<string>();
      const unique = (docs as readonly Doc[]).filter((d) => !seen.has(d._id) && seen.add(d._id));
      return charge('writes', insertBatches(unique).length, () => inner.insertMany(c, docs), `insertMany ${c}`);
    },
    put: (c, doc) => charge('writes', 1, () => inner.put(c, doc), `put ${c}`),
    update: (c, id, patch: Patch, where?: Filter) => charge('writes', 1, () => inner.update(c, id, patch, where), `update ${c}`),
    updateMany: (c, where: Filter, patch: Patch) => charge('writes', 1, () => inner.updateMany(c, where, patch), `updateMany ${c}`),
    remove: (c, id) => charge('writes', 1, () => inner.remove(c, id), `remove ${c}`),
    async transaction(work) {
      counts.transactions += 1;
      let attempts = 0;
      try {
        return await inner.transaction((tx) => {
          attempts += 1;
          if (attempts > 1) counts.retries += 1;
          calls.push('transaction');
          serialStep(1); // startTransaction
          return work(txStore(tx));
        });
      } finally {
        serialStep(attempts); // commit or abort, once per attempt
      }
    },
  };
  return store;
}

export const describeTrips = (t: RoundTrips): string =>
  `${t.total} round trips (${t.serial} serial: ${t.reads} reads, ${t.queries} queries, ${t.writes} writes, ${t.transactions} transactions, ${t.retries} retries)`;
