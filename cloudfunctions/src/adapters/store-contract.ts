import { beforeAll, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type AnyDocs, type Doc, type Filter, type Store } from '../ports/store';

/**
 * The one behaviour every Store adapter must show. Runs against SQLite always and against
 * CloudBase when an environment is configured, so code that passes locally passes in the cloud.
 *
 * Every test writes to its own collection (fresh name per run), so the suite can run against a
 * shared cloud environment without cleaning up first.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store<AnyDocs>>, options: { timeoutMs?: number } = {}): void {
  const timeout = options.timeoutMs ?? 20_000;
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let seq = 0;
  const fresh = (label: string) => `contract_${run}_${label}_${++seq}`;

  describe(`Store contract: ${name}`, () => {
    let store: Store<AnyDocs>;
    beforeAll(async () => {
      store = await makeStore();
    }, timeout);

    const seed = async (collection: string, docs: Doc[]) => {
      for (let i = 0; i < docs.length; i += 50) await Promise.all(docs.slice(i, i + 50).map((d) => store.put(collection, d)));
    };

    describe('single documents', () => {
      it(
        'get answers null for a missing id, also in a collection never written',
        async () => {
          expect(await store.get(fresh('empty'), 'nope')).toBeNull();
        },
        timeout,
      );

      it(
        'put creates, get reads it back with its _id, and put replaces the whole document',
        async () => {
          const c = fresh('put');
          const doc = { _id: 'a', name: '张三', n: 1, flag: true, nothing: null, tags: ['x', 'y'], nested: { k: 'v', deep: { z: 2 } } };
          await store.put(c, doc);
          expect(await store.get(c, 'a')).toEqual(doc);
          await store.put(c, { _id: 'a', name: '李四' });
          expect(await store.get(c, 'a')).toEqual({ _id: 'a', name: '李四' });
        },
        timeout,
      );

      it(
        'insert answers inserted, then duplicate for the same id without overwriting',
        async () => {
          const c = fresh('insert');
          expect(await store.insert(c, { _id: 'k', v: 1 })).toBe('inserted');
          expect(await store.insert(c, { _id: 'k', v: 2 })).toBe('duplicate');
          expect(await store.get(c, 'k')).toEqual({ _id: 'k', v: 1 });
        },
        timeout,
      );

      it(
        'remove answers whether something was removed',
        async () => {
          const c = fresh('remove');
          await store.put(c, { _id: 'r', v: 1 });
          expect(await store.remove(c, 'r')).toBe(true);
          expect(await store.get(c, 'r')).toBeNull();
          expect(await store.remove(c, 'r')).toBe(false);
        },
        timeout,
      );
    });

    it(
      'getMany reads more ids than one page, skips missing ones and repeats',
      async () => {
        const c = fresh('many');
        const docs = Array.from({ length: 620 }, (_, i) => ({ _id: `d${i}`, i }));
        await seed(c, docs);
        const ids = [...docs.map((d) => d._id), 'missing-1', 'd0', 'd619', 'missing-2'];
        const got = await store.getMany(c, ids);
        expect(got).toHaveLength(620);
        expect(new Set(got.map((d) => d._id)).size).toBe(620);
        expect(got.find((d) => d._id === 'd437')).toEqual({ _id: 'd437', i: 437 });
        expect(await store.getMany(c, [])).toEqual([]);
      },
      Math.max(timeout, 120_000),
    );

    describe('insertMany', () => {
      it(
        'writes more documents than one batch, each readable back',
        async () => {
          const c = fresh('bulk');
          const docs = Array.from({ length: 2345 }, (_, i) => ({ _id: `n:${i}`, i, status: 'pending', nested: { k: i % 7 } }));
          expect(await store.insertMany(c, docs)).toEqual({ inserted: 2345, duplicates: 0 });
          expect(await store.count(c)).toBe(2345);
          expect(await store.get(c, 'n:2344')).toEqual({ _id: 'n:2344', i: 2344, status: 'pending', nested: { k: 2344 % 7 } });
          expect(await store.count(c, { 'nested.k': 3 })).toBe(docs.filter((d) => d.nested.k === 3).length);
        },
        Math.max(timeout, 120_000),
      );

      it(
        'skips ids that exist (a re-run) and repeats within the call, leaving the first as it was',
        async () => {
          const c = fresh('bulk_dup');
          await store.put(c, { _id: 'a', v: 'old' });
          const result = await store.insertMany(c, [
            { _id: 'a', v: 'new' },
            { _id: 'b', v: 1 },
            { _id: 'b', v: 2 },
            { _id: 'c', v: 3 },
          ]);
          expect(result).toEqual({ inserted: 2, duplicates: 2 });
          expect(await store.get(c, 'a')).toEqual({ _id: 'a', v: 'old' });
          expect(await store.get(c, 'b')).toEqual({ _id: 'b', v: 1 });
          expect(
            await store.insertMany(c, [
              { _id: 'c', v: 9 },
              { _id: 'd', v: 4 },
            ]),
          ).toEqual({ inserted: 1, duplicates: 1 });
          expect(await store.count(c)).toBe(4);
          expect(await store.insertMany(c, [])).toEqual({ inserted: 0, duplicates: 0 });
        },
        timeout,
      );
    });

    describe('find and count', () => {
      const c = fresh('find');
      const docs: Doc[] = [
        { _id: 'a', kind: 'x', n: 1, s: 'apple', flag: true, maybe: null, nested: { lvl: 1 } },
        { _id: 'b', kind: 'x', n: 2, s: 'banana', flag: false, maybe: 'set', nested: { lvl: 2 } },
        { _id: 'c', kind: 'y', n: 3, s: 'cherry', flag: true, nested: { lvl: 3 } },
        { _id: 'd', kind: 'y', n: 4, s: 'date', flag: 1 },
        { _id: 'e', kind: 'z', n: 5, s: 'elder' },
        // a number stored as text and a text that looks low: neither may satisfy the other type's bounds
        { _id: 'f', kind: 'z', n: '3', s: 7 },
      ];
      beforeAll(async () => {
        await seed(c, docs);
      }, timeout);

      const cases: [string, Filter, string[]][] = [
        ['string equality', { kind: 'x' }, ['a', 'b']],
        ['number equality (not the text "3")', { n: 3 }, ['c']],
        ['text equality (not the number 3)', { n: '3' }, ['f']],
        ['boolean equality (not the number 1)', { flag: true }, ['a', 'c']],
        ['null matches null and missing', { maybe: null }, ['a', 'c', 'd', 'e', 'f']],
        ['in', { kind: { in: ['y', 'z'] } }, ['c', 'd', 'e', 'f']],
        ['in with numbers', { n: { in: [1, 5, 99] } }, ['a', 'e']],
        ['in nothing', { kind: { in: [] } }, []],
        ['ne includes missing', { maybe: { ne: 'set' } }, ['a', 'c', 'd', 'e', 'f']],
        ['ne null', { maybe: { ne: null } }, ['b']],
        ['ne boolean', { flag: { ne: true } }, ['b', 'd', 'e', 'f']],
        ['lt', { n: { lt: 3 } }, ['a', 'b']],
        ['lte', { n: { lte: 3 } }, ['a', 'b', 'c']],
        ['gt (numbers only)', { n: { gt: 3 } }, ['d', 'e']],
        ['gte', { n: { gte: 4 } }, ['d', 'e']],
        ['gte and lt', { n: { gte: 2, lt: 4 } }, ['b', 'c']],
        ['gt and lte', { n: { gt: 2, lte: 4 } }, ['c', 'd']],
        ['gte and lte', { n: { gte: 2, lte: 2 } }, ['b']],
        ['gt and lt', { n: { gt: 1, lt: 5 } }, ['b', 'c', 'd']],
        ['string range (texts only)', { s: { gte: 'b', lt: 'd' } }, ['b', 'c']],
        ['dotted path', { 'nested.lvl': { gte: 2 } }, ['b', 'c']],
        ['_id equality', { _id: 'c' }, ['c']],
        ['_id in', { _id: { in: ['a', 'e', 'zz'] } }, ['a', 'e']],
        ['several fields all hold', { kind: 'y', flag: true }, ['c']],
        ['no filter', {}, ['a', 'b', 'c', 'd', 'e', 'f']],
      ];

      it.each(cases)(
        '%s',
        async (_label, where, expected) => {
          const found = await store.find(c, { where, limit: 100 });
          expect(found.map((d) => d._id).sort()).toEqual(expected);
          expect(await store.count(c, where)).toBe(expected.length);
        },
        timeout,
      );

      it(
        'orders by several fields, then skips and limits',
        async () => {
          const ids = async (orderBy: [string, 'asc' | 'desc'][], limit: number, skip?: number) =>
            (await store.find(c, { where: { n: { gte: 1 } }, orderBy, limit, skip })).map((d) => d._id);
          expect(await ids([['n', 'asc']], 10)).toEqual(['a', 'b', 'c', 'd', 'e']);
          expect(await ids([['n', 'desc']], 2)).toEqual(['e', 'd']);
          expect(await ids([['n', 'desc']], 2, 2)).toEqual(['c', 'b']);
          expect(
            await ids(
              [
                ['kind', 'desc'],
                ['n', 'asc'],
              ],
              10,
            ),
          ).toEqual(['e', 'c', 'd', 'a', 'b']);
          expect(await ids([['n', 'asc']], 10, 99)).toEqual([]);
        },
        timeout,
      );

      it.each([0, -1, 1001, 1.5])(
        'refuses limit %s: CloudBase never returns more than 1000',
        async (limit) => {
          await expect(store.find(c, { limit })).rejects.toThrow();
        },
        timeout,
      );

      it(
        'accepts the largest limit, 1000',
        async () => {
          expect(await store.find(c, { limit: 1000 })).toHaveLength(docs.length);
        },
        timeout,
      );

      it(
        'count without a filter counts everything; an unknown collection counts 0',
        async () => {
          expect(await store.count(c)).toBe(docs.length);
          expect(await store.count(fresh('nothing'))).toBe(0);
        },
        timeout,
      );
    });

    describe('conditional update', () => {
      it(
        'applies only when the document exists and `where` holds',
        async () => {
          const c = fresh('cond');
          await store.put(c, { _id: 'u', status: 'open', v: 1 });
          expect(await store.update(c, 'u', { set: { status: 'closed' } }, { status: 'pending' })).toBe(false);
          expect(await store.get(c, 'u')).toEqual({ _id: 'u', status: 'open', v: 1 });
          expect(await store.update(c, 'u', { set: { status: 'closed' } }, { status: 'open', v: { lt: 2 } })).toBe(true);
          expect(await store.get(c, 'u')).toEqual({ _id: 'u', status: 'closed', v: 1 });
          expect(await store.update(c, 'missing', { set: { status: 'x' } })).toBe(false);
          expect(await store.get(c, 'missing')).toBeNull();
        },
        timeout,
      );

      it(
        'increments, unsets, sets dotted paths and replaces object values',
        async () => {
          const c = fresh('patch');
          await store.put(c, { _id: 'p', n: 1, gone: 'x', profile: { name: 'a', age: 3 }, obj: { keep: false, old: 1 } });
          const ok = await store.update(c, 'p', {
            set: { 'profile.name': 'b', 'profile.extra.deep': true, obj: { fresh: 1 } },
            inc: { n: 2, fresh: 5 },
            unset: ['gone', 'profile.age'],
          });
          expect(ok).toBe(true);
          expect(await store.get(c, 'p')).toEqual({
            _id: 'p',
            n: 3,
            fresh: 5,
            profile: { name: 'b', extra: { deep: true } },
            obj: { fresh: 1 },
          });
        },
        timeout,
      );

      it(
        'a patch that changes nothing still counts as applied when `where` holds',
        async () => {
          const c = fresh('noop');
          await store.put(c, { _id: 'q', status: 'open' });
          expect(await store.update(c, 'q', { set: { status: 'open' } }, { status: 'open' })).toBe(true);
          expect(await store.update(c, 'q', { set: { status: 'open' } }, { status: 'closed' })).toBe(false);
        },
        timeout,
      );

      it(
        '20 concurrent takers of a 5-place slot: exactly 5 succeed',
        async () => {
          const c = fresh('slot');
          await store.put(c, { _id: 'slot', taken: 0 });
          const results = await Promise.all(
            Array.from({ length: 20 }, () => store.update(c, 'slot', { inc: { taken: 1 } }, { taken: { lt: 5 } })),
          );
          expect(results.filter(Boolean)).toHaveLength(5);
          expect(await store.get(c, 'slot')).toEqual({ _id: 'slot', taken: 5 });
        },
        Math.max(timeout, 60_000),
      );
    });

    it(
      'updateMany patches every match and counts the documents it changed',
      async () => {
        const c = fresh('many_upd');
        await seed(c, [
          { _id: '1', g: 'a', done: false },
          { _id: '2', g: 'a', done: false },
          { _id: '3', g: 'a', done: true },
          { _id: '4', g: 'b', done: false },
        ]);
        expect(await store.updateMany(c, { g: 'a' }, { set: { done: true } })).toBe(2);
        expect((await store.find(c, { where: { done: true }, limit: 10 })).map((d) => d._id).sort()).toEqual(['1', '2', '3']);
        expect(await store.updateMany(c, { g: 'zzz' }, { set: { done: true } })).toBe(0);
        expect(await store.updateMany(c, { g: { in: ['a', 'b'] } }, { inc: { rev: 1 } })).toBe(4);
        expect(await store.get(c, '4')).toEqual({ _id: '4', g: 'b', done: false, rev: 1 });
      },
      timeout,
    );

    describe('transactions', () => {
      it(
        'commits every write together and returns what the work returned',
        async () => {
          const c = fresh('tx_commit');
          await store.put(c, { _id: 'acc', balance: 10 });
          await store.put(c, { _id: 'old', v: 1 });
          const result = await store.transaction(async (tx) => {
            const acc = await tx.get(c, 'acc');
            await tx.update(c, 'acc', { inc: { balance: -3 } });
            await tx.insert(c, { _id: 'log1', amount: 3, before: acc?.balance ?? null });
            await tx.put(c, { _id: 'put1', v: 'p' });
            await tx.remove(c, 'old');
            return 'done';
          });
          expect(result).toBe('done');
          expect(await store.get(c, 'acc')).toEqual({ _id: 'acc', balance: 7 });
          expect(await store.get(c, 'log1')).toEqual({ _id: 'log1', amount: 3, before: 10 });
          expect(await store.get(c, 'put1')).toEqual({ _id: 'put1', v: 'p' });
          expect(await store.get(c, 'old')).toBeNull();
        },
        timeout,
      );

      it(
        'an error thrown by the work aborts it and leaves nothing behind',
        async () => {
          const c = fresh('tx_abort');
          await store.put(c, { _id: 'acc', balance: 10 });
          await store.put(c, { _id: 'keep', v: 1 });
          await expect(
            store.transaction(async (tx) => {
              await tx.update(c, 'acc', { inc: { balance: -3 } });
              await tx.insert(c, { _id: 'log1', amount: 3 });
              await tx.put(c, { _id: 'put1', v: 'p' });
              await tx.remove(c, 'keep');
              throw new Error('changed my mind');
            }),
          ).rejects.toThrow('changed my mind');
          expect(await store.get(c, 'acc')).toEqual({ _id: 'acc', balance: 10 });
          expect(await store.get(c, 'log1')).toBeNull();
          expect(await store.get(c, 'put1')).toBeNull();
          expect(await store.get(c, 'keep')).toEqual({ _id: 'keep', v: 1 });
        },
        timeout,
      );

      it(
        'reads its own writes',
        async () => {
          const c = fresh('tx_own');
          await store.put(c, { _id: 'x', n: 1 });
          await store.put(c, { _id: 'gone', n: 1 });
          const seen = await store.transaction(async (tx) => {
            await tx.update(c, 'x', { inc: { n: 1 }, set: { tag: 't' } });
            await tx.insert(c, { _id: 'new', n: 9 });
            await tx.put(c, { _id: 'put', n: 7 });
            await tx.remove(c, 'gone');
            return {
              x: await tx.get(c, 'x'),
              fresh: await tx.get(c, 'new'),
              put: await tx.get(c, 'put'),
              gone: await tx.get(c, 'gone'),
            };
          });
          expect(seen).toEqual({
            x: { _id: 'x', n: 2, tag: 't' },
            fresh: { _id: 'new', n: 9 },
            put: { _id: 'put', n: 7 },
            gone: null,
          });
        },
        timeout,
      );

      it(
        'runs again when the document it read changed before its commit, even removed and re-created',
        async () => {
          const c = fresh('tx_stale');
          await store.put(c, { _id: 'x', n: 1 });
          let runs = 0;
          await store.transaction(async (tx) => {
            runs++;
            const read = await tx.get(c, 'x');
            if (runs === 1) {
              // someone else, outside the transaction, between its read and its write
              await store.remove(c, 'x');
              await store.put(c, { _id: 'x', n: 10 });
            }
            await tx.put(c, { _id: 'x', n: (Number(read?.n) || 0) + 1 });
          });
          expect(runs).toBeGreaterThan(1);
          expect(await store.get(c, 'x')).toEqual({ _id: 'x', n: 11 });
        },
        timeout,
      );

      it(
        'changing an object it read does not change what it writes',
        async () => {
          const c = fresh('tx_copy');
          await store.put(c, { _id: 'x', n: 1, tags: ['a'] });
          await store.transaction(async (tx) => {
            await tx.update(c, 'x', { inc: { n: 1 } });
            const read = (await tx.get(c, 'x')) as { _id: string; n: number; tags: string[] } | null;
            if (read) {
              read.n = 100;
              read.tags.push('b');
            }
          });
          expect(await store.get(c, 'x')).toEqual({ _id: 'x', n: 2, tags: ['a'] });
        },
        timeout,
      );

      it(
        'insert of an existing id throws DuplicateKeyError and aborts the transaction',
        async () => {
          const c = fresh('tx_dup');
          await store.put(c, { _id: 'taken', v: 1 });
          await store.put(c, { _id: 'counter', n: 0 });
          const attempt = store.transaction(async (tx) => {
            await tx.update(c, 'counter', { inc: { n: 1 } });
            await tx.insert(c, { _id: 'taken', v: 2 });
          });
          await expect(attempt).rejects.toBeInstanceOf(DuplicateKeyError);
          expect(await store.get(c, 'taken')).toEqual({ _id: 'taken', v: 1 });
          expect(await store.get(c, 'counter')).toEqual({ _id: 'counter', n: 0 });
        },
        timeout,
      );

      it(
        'update of a missing document fails the transaction',
        async () => {
          const c = fresh('tx_missing');
          await expect(
            store.transaction(async (tx) => {
              await tx.put(c, { _id: 'side', v: 1 });
              await tx.update(c, 'ghost', { set: { v: 1 } });
            }),
          ).rejects.toThrow();
          expect(await store.get(c, 'side')).toBeNull();
          expect(await store.get(c, 'ghost')).toBeNull();
        },
        timeout,
      );

      it(
        '50 concurrent read-modify-write transactions on one counter end at exactly 50',
        async () => {
          const c = fresh('tx_counter');
          await store.put(c, { _id: 'counter', n: 0 });
          const outcomes = await Promise.allSettled(
            Array.from({ length: 50 }, () =>
              store.transaction(async (tx) => {
                const doc = await tx.get(c, 'counter');
                if (!doc) throw new Error('counter vanished');
                await tx.put(c, { _id: 'counter', n: Number(doc.n) + 1 });
              }),
            ),
          );
          const failures = outcomes.filter((o) => o.status === 'rejected');
          // giving up with ConflictError would be legal in general, but 50 writers must all get through
          expect(failures.map((f) => (f as PromiseRejectedResult).reason)).toEqual([]);
          expect(await store.get(c, 'counter')).toEqual({ _id: 'counter', n: 50 });
        },
        Math.max(timeout, 180_000),
      );
    });
  });
}
