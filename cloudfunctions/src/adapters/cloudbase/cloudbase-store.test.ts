import dns from 'node:dns';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, DuplicateKeyError, type Filter, type Patch } from '../../ports/store';
import { runStoreContract } from '../store-contract';
import { tcb } from './cloudbase-main';
import { CloudbaseStore, isDuplicateKeyError, matchesFilter, sameJson, toQuery, toUpdate, type CloudbaseDb } from './cloudbase-store';

// ───────────────────────── against a real environment, when one is configured ─────────────────────────

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
if (TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY) {
  runStoreContract(
    `CloudBase (${TCB_ENV_ID})`,
    // more tries than production's 20: the contract's 50 writers on one counter, over the internet, queue longer
    async () =>
      new CloudbaseStore(tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database(), {
        txAttempts: 60,
      }),
    { timeoutMs: 60_000 },
  );
} else {
  describe.skip('Store contract: CloudBase — skipped: no CloudBase environment configured (set TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY)', () => {
    it('runs the Store contract against a real CloudBase environment', () => undefined);
  });
}

// ───────────────────────── offline: what the adapter sends, through a recording transport ─────────────────────────

/** One request the SDK tried to send, with EJSON fields decoded to plain JSON. */
interface Sent {
  api: string;
  params: Record<string, unknown>;
}
type Answer = (api: string, params: Record<string, unknown>) => unknown;

/** EJSON (what the SDK puts on the wire) → plain values, so expectations read like MongoDB queries. */
const plain = (ejson: unknown): unknown =>
  typeof ejson !== 'string'
    ? ejson
    : JSON.parse(ejson, (_k, v: unknown) => {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const keys = Object.keys(v);
          const only = keys.length === 1 ? keys[0]! : '';
          if (['$numberInt', '$numberDouble', '$numberLong'].includes(only)) return Number((v as Record<string, string>)[only]);
        }
        return v;
      });

const docs = (...list: Record<string, unknown>[]) => ({ data: { list: list.map((d) => JSON.stringify(d)) }, requestId: 'r' });
const tcbError = (code: string, message = code) => Object.assign(new Error(message), { code, requestId: 'r' });

describe('CloudbaseStore offline', () => {
  let db: CloudbaseDb;
  let sent: Sent[];
  let answer: Answer;
  const network: string[] = [];
  const saved = { connect: net.Socket.prototype.connect, lookup: dns.lookup, reqClass: undefined as unknown };

  beforeAll(() => {
    // a tripwire: any connection or DNS lookup from here on fails the suite (checked in afterAll)
    net.Socket.prototype.connect = function () {
      network.push('connect');
      throw new Error('network blocked in unit test');
    } as typeof net.Socket.prototype.connect;
    dns.lookup = ((..._args: unknown[]) => {
      network.push('dns.lookup');
      throw new Error('network blocked in unit test');
    }) as unknown as typeof dns.lookup;
    // init probes Tencent Cloud's metadata host unless told it runs there; the flag is read only
    // synchronously inside init (nothing else in the SDK reads the cached answer), so restore it
    const before = process.env.TENCENTCLOUD;
    process.env.TENCENTCLOUD = 'true';
    try {
      db = tcb.init({ env: 'offline-unit-test', secretId: 'offline', secretKey: 'offline' }).database();
    } finally {
      if (before === undefined) delete process.env.TENCENTCLOUD;
      else process.env.TENCENTCLOUD = before;
    }
    // Every query the SDK builds sends through Db.reqClass: replace it with a recorder.
    saved.reqClass = (db.constructor as unknown as { reqClass: unknown }).reqClass;
    (db.constructor as unknown as { reqClass: unknown }).reqClass = class {
      async send(api: string, params: Record<string, unknown> = {}) {
        const decoded = Object.fromEntries(
          Object.entries(params).map(([k, v]) => [
            k,
            ['query', 'data', 'order'].includes(k) ? (Array.isArray(v) ? v.map(plain) : plain(v)) : v,
          ]),
        );
        sent.push({ api, params: decoded });
        return answer(api, decoded);
      }
    };
  });

  afterAll(() => {
    (db.constructor as unknown as { reqClass: unknown }).reqClass = saved.reqClass;
    net.Socket.prototype.connect = saved.connect;
    dns.lookup = saved.lookup;
    expect(network).toEqual([]);
  });

  beforeEach(() => {
    sent = [];
    answer = () => {
      throw new Error('unexpected request');
    };
  });

  const store = (options = {}) => new CloudbaseStore(db, { txBackoffMs: 0, ...options });

  describe('Filter → query', () => {
    const cases: [string, Filter, Record<string, unknown>][] = [
      ['string equality', { kind: 'x' }, { kind: 'x' }],
      ['number equality', { n: 3 }, { n: 3 }],
      ['boolean equality', { flag: true }, { flag: true }],
      ['null (null or missing)', { maybe: null }, { maybe: null }],
      ['in', { kind: { in: ['y', 'z'] } }, { kind: { $in: ['y', 'z'] } }],
      ['in nothing', { kind: { in: [] } }, { kind: { $in: [] } }],
      ['ne', { maybe: { ne: 'set' } }, { maybe: { $ne: 'set' } }],
      ['ne null', { maybe: { ne: null } }, { maybe: { $ne: null } }],
      ['lt', { n: { lt: 3 } }, { n: { $lt: 3 } }],
      ['lte', { n: { lte: 3 } }, { n: { $lte: 3 } }],
      ['gt', { n: { gt: 3 } }, { n: { $gt: 3 } }],
      ['gte', { n: { gte: 2.5 } }, { n: { $gte: 2.5 } }],
      ['range', { n: { gte: 2, lt: 4 } }, { $and: [{ n: { $gte: 2 } }, { n: { $lt: 4 } }] }],
      [
        'text range',
        { at: { gt: '2026-01-01', lte: '2026-02-01' } },
        { $and: [{ at: { $gt: '2026-01-01' } }, { at: { $lte: '2026-02-01' } }] },
      ],
      ['dotted path', { 'nested.lvl': { gte: 2 } }, { 'nested.lvl': { $gte: 2 } }],
      ['_id', { _id: { in: ['a', 'b'] } }, { _id: { $in: ['a', 'b'] } }],
      [
        'two ranges and an equality',
        { a: { gt: 1, lt: 5 }, b: { gte: 'm', lte: 'n' }, c: 'x' },
        { c: 'x', $and: [{ a: { $gt: 1 } }, { a: { $lt: 5 } }, { b: { $gte: 'm' } }, { b: { $lte: 'n' } }] },
      ],
    ];

    it.each(cases)('%s', async (_label, where, expected) => {
      answer = () => ({ data: { total: 0 }, requestId: 'r' });
      await store().count('things', where);
      expect(sent).toEqual([
        { api: 'database.calculateDocument', params: expect.objectContaining({ collectionName: 'things', query: expected }) },
      ]);
    });

    it('builds db.command objects for conditions and leaves scalars as they are', () => {
      const query = toQuery({ a: 'x', b: null, c: { in: [1] }, d: { gte: 1, lt: 2 } }, db.command);
      expect(query.a).toBe('x');
      expect(query.b).toBeNull();
      expect(query.c).toMatchObject({ operator: 'in', operands: [1] });
      expect(query.d).toMatchObject({ operator: 'and', operands: [{ operator: 'gte' }, { operator: 'lt' }] });
      expect(toQuery(undefined, db.command)).toEqual({});
    });
  });

  describe('Patch → update', () => {
    it('maps set, inc and unset to $set, $inc and $unset, with dotted paths and whole-object values', async () => {
      answer = () => ({ data: { updated: 1 }, requestId: 'r' });
      const patch: Patch = { set: { 'p.q': { z: 1 }, s: 'v', list: [1, { a: 2 }] }, inc: { n: 1 }, unset: ['gone', 'p.old'] };
      expect(await store().update('things', 'x', patch, { taken: { lt: 5 } })).toBe(true);
      expect(sent).toEqual([
        {
          api: 'database.modifyDocument',
          params: expect.objectContaining({
            collectionName: 'things',
            query: { taken: { $lt: 5 }, _id: 'x' },
            data: { $set: { 'p.q': { z: 1 }, s: 'v', list: [1, { a: 2 }] }, $inc: { n: 1 }, $unset: { gone: '', 'p.old': '' } },
          }),
        },
      ]);
    });

    it('builds one db.command per path', () => {
      const update = toUpdate({ set: { obj: { a: 1 } }, inc: { n: -2 }, unset: ['x.y'] }, db.command);
      expect(Object.keys(update)).toEqual(['obj', 'n', 'x.y']);
      expect(update.obj).toMatchObject({ operator: 'set', operands: [{ a: 1 }] });
      expect(update.n).toMatchObject({ operator: 'inc', operands: [-2] });
      expect(update['x.y']).toMatchObject({ operator: 'remove' });
    });

    it.each<[string, Patch]>([
      ['an empty patch', {}],
      ['a path touched twice', { set: { a: 1 }, unset: ['a'] }],
      ['a change of _id', { set: { _id: 'other' } }],
    ])('refuses %s', (_label, patch) => {
      expect(() => toUpdate(patch, db.command)).toThrow();
    });
  });

  describe('conditional update outcome', () => {
    it('an increment that changed nothing did not match', async () => {
      answer = () => ({ data: { updated: 0 }, requestId: 'r' });
      expect(await store().update('slots', 's', { inc: { taken: 1 } }, { taken: { lt: 5 } })).toBe(false);
      expect(sent.map((s) => s.api)).toEqual(['database.modifyDocument']);
    });

    it.each<[string, Record<string, unknown> | null, Filter, boolean]>([
      ['matched but already so (CloudBase reports 0 modified)', { _id: 'q', status: 'open' }, { status: 'open' }, true],
      ['where does not hold', { _id: 'q', status: 'closed' }, { status: 'open' }, false],
      ['document missing', null, { status: 'open' }, false],
    ])('a set that modified nothing: %s', async (_label, current, where, expected) => {
      answer = (api) => (api === 'database.modifyDocument' ? { data: { updated: 0 }, requestId: 'r' } : current ? docs(current) : docs());
      expect(await store().update('q', 'q', { set: { status: 'open' } }, where)).toBe(expected);
      expect(sent.map((s) => s.api)).toEqual(['database.modifyDocument', 'database.getDocument']);
    });
  });

  describe('duplicate ids', () => {
    it.each<[string, unknown, boolean]>([
      ['the DATABASE_DUPLICATE_WRITE code node-sdk throws', tcbError('DATABASE_DUPLICATE_WRITE'), true],
      [
        'MongoDB’s E11000 text under a generic code',
        tcbError('DATABASE_REQUEST_FAILED', 'E11000 duplicate key error collection: x index: _id_ dup key'),
        true,
      ],
      ['a plain error object with the code', { code: 'DATABASE_DUPLICATE_WRITE', message: 'dup' }, true],
      ['a permission error', tcbError('DATABASE_PERMISSION_DENIED'), false],
      ['a conflict', tcbError('DATABASE_TRANSACTION_CONFLICT'), false],
      ['a word “duplicate” alone', new Error('duplicate'), false],
      ['nothing', undefined, false],
    ])('%s → %s', (_label, error, expected) => {
      expect(isDuplicateKeyError(error)).toBe(expected);
    });

    it('insert answers duplicate when CloudBase throws DATABASE_DUPLICATE_WRITE', async () => {
      answer = () => {
        throw tcbError('DATABASE_DUPLICATE_WRITE');
      };
      expect(await store().insert('users', { _id: 'o1', name: 'a' })).toBe('duplicate');
      expect(sent).toEqual([
        { api: 'database.insertDocument', params: expect.objectContaining({ collectionName: 'users', data: [{ _id: 'o1', name: 'a' }] }) },
      ]);
    });

    it('insert answers duplicate when the SDK returns the error instead of throwing it', async () => {
      answer = () => ({ code: 'DATABASE_DUPLICATE_WRITE', message: 'dup', requestId: 'r' });
      expect(await store().insert('users', { _id: 'o1' })).toBe('duplicate');
    });

    it('insert passes other failures on', async () => {
      answer = () => {
        throw tcbError('DATABASE_PERMISSION_DENIED');
      };
      await expect(store().insert('users', { _id: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
    });

    it('insert into a collection that does not exist yet creates it and tries again', async () => {
      let created = false;
      answer = (api) => {
        if (api === 'database.addCollection') {
          created = true;
          return { requestId: 'r' };
        }
        if (!created) throw tcbError('DATABASE_COLLECTION_NOT_EXIST');
        return { data: { insertedIds: ['o1'] }, requestId: 'r' };
      };
      expect(await store().insert('fresh', { _id: 'o1' })).toBe('inserted');
      expect(sent.map((s) => s.api)).toEqual(['database.insertDocument', 'database.addCollection', 'database.insertDocument']);
    });
  });

  describe('insertMany', () => {
    const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ _id: `d${from + i}`, i: from + i }));

    it('sends batched adds of at most 1000 documents, dropping repeats within the call', async () => {
      answer = (_api, params) => ({ data: { insertedIds: (params.data as { _id: string }[]).map((d) => d._id) }, requestId: 'r' });
      const result = await store().insertMany('outbox', [...many(2500), { _id: 'd7', i: -1 }]);
      expect(result).toEqual({ inserted: 2500, duplicates: 1 });
      expect(sent.map((s) => [s.api, (s.params.data as unknown[]).length])).toEqual([
        ['database.insertDocument', 1000],
        ['database.insertDocument', 1000],
        ['database.insertDocument', 500],
      ]);
      expect((sent[0]!.params.data as unknown[])[7]).toEqual({ _id: 'd7', i: 7 });
    });

    it('settles a batch that met an existing id document by document', async () => {
      answer = (_api, params) => {
        const data = params.data as { _id: string }[];
        if (data.length > 1 || data[0]!._id === 'd1') throw tcbError('DATABASE_DUPLICATE_WRITE');
        return { data: { insertedIds: [data[0]!._id] }, requestId: 'r' };
      };
      expect(await store().insertMany('outbox', many(3))).toEqual({ inserted: 2, duplicates: 1 });
      expect(sent.map((s) => (s.params.data as unknown[]).length)).toEqual([3, 1, 1, 1]);
    });

    it('splits by size too, and passes other failures on', async () => {
      const big = Array.from({ length: 3 }, (_, i) => ({ _id: `b${i}`, blob: 'x'.repeat(400_000) }));
      answer = (_api, params) => ({ data: { insertedIds: (params.data as { _id: string }[]).map((d) => d._id) }, requestId: 'r' });
      expect(await store().insertMany('outbox', big)).toEqual({ inserted: 3, duplicates: 0 });
      expect(sent.map((s) => (s.params.data as unknown[]).length)).toEqual([2, 1]);
      answer = () => {
        throw tcbError('DATABASE_PERMISSION_DENIED');
      };
      await expect(store().insertMany('outbox', many(2))).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
    });
  });

  describe('reads', () => {
    it('find sends where, order, skip and limit, and refuses a limit CloudBase would not honour', async () => {
      answer = () => docs({ _id: 'a', n: 1 });
      const found = await store().find('things', {
        where: { n: { gte: 1 } },
        orderBy: [
          ['n', 'desc'],
          ['_id', 'asc'],
        ],
        skip: 20,
        limit: 10,
      });
      expect(found).toEqual([{ _id: 'a', n: 1 }]);
      expect(sent[0]?.params).toMatchObject({ query: { n: { $gte: 1 } }, order: { n: -1, _id: 1 }, offset: 20, limit: 10 });
      for (const limit of [0, 1001, 2.5]) await expect(store().find('things', { limit })).rejects.toThrow('limit');
      expect(sent).toHaveLength(1);
    });

    it('getMany asks for at most 500 ids per request', async () => {
      answer = (_api, params) => {
        const ids = ((params.query as { _id: { $in: string[] } })._id.$in ?? []).filter((id) => id.endsWith('0'));
        return docs(...ids.map((_id) => ({ _id })));
      };
      const ids = Array.from({ length: 1200 }, (_, i) => `id${i}`);
      const got = await store().getMany('things', [...ids, 'id10']);
      expect(got).toHaveLength(120);
      expect(sent.map((s) => [(s.params.query as { _id: { $in: string[] } })._id.$in.length, s.params.limit])).toEqual([
        [500, 500],
        [500, 500],
        [200, 200],
      ]);
    });

    it('a collection nobody wrote to yet reads as empty', async () => {
      answer = () => {
        throw tcbError('DATABASE_COLLECTION_NOT_EXIST');
      };
      expect(await store().get('nothing', 'a')).toBeNull();
      expect(await store().find('nothing', { limit: 5 })).toEqual([]);
      expect(await store().count('nothing')).toBe(0);
      expect(await store().remove('nothing', 'a')).toBe(false);
    });
  });

  describe('transactions', () => {
    /** Answers the SDK's transaction protocol; `commits` decides what each commit answers. */
    const txAnswer =
      (commits: (() => unknown)[], current: Record<string, unknown> | null = { _id: 'c', n: 1 }): Answer =>
      (api) => {
        switch (api) {
          case 'database.startTransaction':
            return { transactionId: 't1', requestId: 'r' };
          case 'database.getDocument':
            return current ? docs(current) : docs();
          case 'database.modifyDocument':
            return { data: { updated: current ? 1 : 0 }, requestId: 'r' };
          case 'database.insertDocument':
            return { data: { insertedIds: ['x'] }, requestId: 'r' };
          case 'database.commitTransaction': {
            const next = commits.shift();
            if (!next) throw new Error('no more commits expected');
            return next();
          }
          case 'database.abortTransaction':
            return { requestId: 'r' };
          default:
            throw new Error(`unexpected ${api}`);
        }
      };

    it('retries a conflicting transaction and returns what the work returned', async () => {
      answer = txAnswer([
        () => {
          throw tcbError('DATABASE_TRANSACTION_CONFLICT');
        },
        () => ({ requestId: 'r' }),
      ]);
      let runs = 0;
      const result = await store().transaction(async (tx) => {
        runs++;
        const doc = await tx.get('counters', 'c');
        await tx.update('counters', 'c', { inc: { n: 1 } });
        return doc?.n;
      });
      expect(result).toBe(1);
      expect(runs).toBe(2);
      expect(sent.filter((s) => s.api === 'database.startTransaction')).toHaveLength(2);
      expect(sent.filter((s) => s.api === 'database.modifyDocument').every((s) => s.params.transactionId === 't1')).toBe(true);
    });

    it('gives up with ConflictError after its attempts', async () => {
      const conflict = () => {
        throw tcbError('DATABASE_TRANSACTION_CONFLICT');
      };
      answer = txAnswer([conflict, conflict, conflict]);
      await expect(store({ txAttempts: 3 }).transaction(async (tx) => tx.get('counters', 'c'))).rejects.toBeInstanceOf(ConflictError);
    });

    it('insert of an existing id throws DuplicateKeyError and rolls back', async () => {
      answer = txAnswer([]);
      await expect(store().transaction(async (tx) => tx.insert('counters', { _id: 'c', n: 5 }))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(sent.map((s) => s.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.abortTransaction']);
    });

    it('update of a missing document fails and rolls back', async () => {
      answer = txAnswer([], null);
      await expect(store().transaction(async (tx) => tx.update('counters', 'ghost', { set: { n: 1 } }))).rejects.toThrow(
        'missing document',
      );
      expect(sent.at(-1)?.api).toBe('database.abortTransaction');
    });
  });

  describe('in-memory filter (for updates CloudBase reports as unmodified)', () => {
    const doc = { _id: 'd', n: 3, s: 'b', t: '7', flag: true, nothing: null, nested: { k: 1 } };
    it.each<[Filter, boolean]>([
      [{ n: 3 }, true],
      [{ t: 7 }, false],
      [{ flag: true }, true],
      [{ nothing: null }, true],
      [{ missing: null }, true],
      [{ missing: { ne: null } }, false],
      [{ n: { in: [1, 3] } }, true],
      [{ s: { ne: 'b' } }, false],
      [{ n: { gt: 2, lte: 3 } }, true],
      [{ t: { gt: 5 } }, false],
      [{ s: { gte: 'a', lt: 'c' } }, true],
      [{ 'nested.k': 1, n: { lt: 3 } }, false],
      [{}, true],
    ])('%j → %s', (where, expected) => {
      expect(matchesFilter(doc, where)).toBe(expected);
    });

    it('compares JSON documents regardless of key order', () => {
      expect(sameJson({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(true);
      expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    });
  });
});
