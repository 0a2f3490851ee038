import type { CloudBase } from '@cloudbase/node-sdk';
import {
  ConflictError,
  DuplicateKeyError,
  MAX_FIND_LIMIT,
  type Condition,
  type AnyDocs,
  type Doc,
  type Filter,
  type FindOptions,
  type Patch,
  type Scalar,
  type Store,
  type TxStore,
} from '../../ports/store';
import { applyPatch, getPath } from '../doc-patch';

/** The SDK's own database types (its nested @cloudbase/database), reached through node-sdk's typings. */
export type CloudbaseDb = ReturnType<CloudBase['database']>;
export type DbCommand = CloudbaseDb['command'];
type DbQuery = ReturnType<ReturnType<CloudbaseDb['collection']>['where']>;

/**
 * What `db.runTransaction` hands its callback. The SDK types the whole transaction API as
 * `any`; these are the only calls CloudBase allows inside one (doc get/set/update/delete, add).
 */
interface TxDocRef {
  get(): Promise<unknown>;
  set(data: Record<string, unknown>): Promise<unknown>;
  update(data: Record<string, unknown>): Promise<unknown>;
  delete(): Promise<unknown>;
}
interface TxCollection {
  doc(id: string): TxDocRef;
  add(data: Record<string, unknown>): Promise<unknown>;
}
interface TxHandle {
  collection(name: string): TxCollection;
}
type RunTransaction = (callback: (tx: TxHandle) => Promise<unknown>, retries: number) => Promise<unknown>;

/** Error codes the CloudBase database answers with (docs.cloudbase.net/error-code/…). */
export const CLOUDBASE_ERRORS = {
  duplicate: 'DATABASE_DUPLICATE_WRITE',
  conflict: 'DATABASE_TRANSACTION_CONFLICT',
  noCollection: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionExists: 'DATABASE_COLLECTION_ALREADY_EXIST',
} as const;

const GET_MANY_CHUNK = 500;
/** CloudBase takes at most 1000 documents per batched add; the byte cap keeps a request well under its body limit. */
const INSERT_MANY_DOCS = 1000;
const INSERT_MANY_BYTES = 1_000_000;
const INSERT_SETTLE_CONCURRENCY = 20;

/** Splits documents into batches of at most INSERT_MANY_DOCS documents and about INSERT_MANY_BYTES of JSON. */
export function insertBatches(docs: readonly Doc[]): Doc[][] {
  const batches: Doc[][] = [];
  let current: Doc[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = JSON.stringify(doc).length;
    if (current.length > 0 && (current.length >= INSERT_MANY_DOCS || bytes + size > INSERT_MANY_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface CloudbaseStoreOptions {
  /** Tries per transaction before giving up with ConflictError; default 20. */
  txAttempts?: number;
  /** Upper bound of the first backoff; it doubles per attempt up to 1 s. Default 10 ms. */
  txBackoffMs?: number;
}

// ───────────────────────────── translation (pure, unit-tested) ─────────────────────────────

/** Filter → the object `collection.where()` takes: scalars and null as equality, the rest as db.command. */
export function toQuery(where: Filter | undefined, _: DbCommand): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [field, cond] of Object.entries(where ?? {})) query[field] = toCondition(cond, _);
  return query;
}

function toCondition(cond: Condition, _: DbCommand): unknown {
  // null matches a missing field too, on CloudBase as in the SQLite adapter
  if (cond === null || typeof cond !== 'object') return cond;
  if ('in' in cond) return _.in(cond.in);
  if ('ne' in cond) return _.neq(cond.ne);
  const bounds = cond as Partial<Record<'lt' | 'lte' | 'gt' | 'gte', string | number>>;
  const parts = (['gt', 'gte', 'lt', 'lte'] as const).filter((op) => bounds[op] !== undefined).map((op) => _[op](bounds[op]));
  if (parts.length === 0) throw new Error(`empty condition: ${JSON.stringify(cond)}`);
  return parts.length === 1 ? parts[0] : _.and(...parts);
}

/**
 * Patch → the object `update()` takes. Every set goes through `_.set` because a plain object
 * value would be flattened by the SDK into a merge of its keys, while a Patch replaces it.
 */
export function toUpdate(patch: Patch, _: DbCommand): Record<string, unknown> {
  const update: Record<string, unknown> = {};
  const claim = (path: string, value: unknown) => {
    if (path === '_id') throw new Error('a patch cannot change _id');
    if (Object.hasOwn(update, path)) throw new Error(`a patch touches ${path} twice`);
    update[path] = value;
  };
  for (const [path, value] of Object.entries(patch.set ?? {})) claim(path, _.set(value));
  for (const [path, by] of Object.entries(patch.inc ?? {})) claim(path, _.inc(by));
  for (const path of patch.unset ?? []) claim(path, _.remove());
  if (Object.keys(update).length === 0) throw new Error('empty patch');
  return update;
}

/** The filter language evaluated in memory with CloudBase's (MongoDB's) semantics. */
export function matchesFilter(doc: Doc, where: Filter): boolean {
  return Object.entries(where).every(([field, cond]) => matchesCondition(getPath(doc, field), cond));
}

function matchesCondition(value: unknown, cond: Condition): boolean {
  const eq = (c: Scalar) => (c === null ? value === null || value === undefined : value === c);
  if (cond === null || typeof cond !== 'object') return eq(cond);
  if ('in' in cond) return cond.in.some(eq);
  if ('ne' in cond) return !eq(cond.ne);
  const bounds = cond as Partial<Record<'lt' | 'lte' | 'gt' | 'gte', string | number>>;
  return (['gt', 'gte', 'lt', 'lte'] as const).every((op) => {
    const bound = bounds[op];
    if (bound === undefined) return true;
    // MongoDB compares only within a type: a string never satisfies a numeric bound
    if (typeof value !== typeof bound) return false;
    const v = value as string | number;
    return op === 'gt' ? v > bound : op === 'gte' ? v >= bound : op === 'lt' ? v < bound : v <= bound;
  });
}

/** Structural equality of two JSON documents regardless of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

// ───────────────────────────── errors ─────────────────────────────

/** The SDK's TcbError (or an error object it returned instead of throwing). */
interface CodedError {
  code?: unknown;
  message?: unknown;
  requestId?: unknown;
}

const codeOf = (e: unknown): string | undefined => {
  const code = e !== null && typeof e === 'object' ? (e as CodedError).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/**
 * A duplicate _id (or unique-index clash) on CloudBase: the platform answers with the error code
 * DATABASE_DUPLICATE_WRITE, which node-sdk throws as a TcbError carrying that `code`. The MongoDB
 * E11000 text is a fallback for answers that wrap it in a generic code.
 */
export function isDuplicateKeyError(e: unknown): boolean {
  if (codeOf(e) === CLOUDBASE_ERRORS.duplicate) return true;
  const message = e !== null && typeof e === 'object' ? (e as CodedError).message : undefined;
  return typeof message === 'string' && /E11000 duplicate key/.test(message);
}

const isConflict = (e: unknown) => codeOf(e) === CLOUDBASE_ERRORS.conflict;
const isMissingCollection = (e: unknown) => codeOf(e) === CLOUDBASE_ERRORS.noCollection;

/** node-sdk throws on error answers by default, but a few paths return them; treat both alike. */
function unwrap<T>(result: T): T {
  if (codeOf(result) !== undefined) {
    const r = result as CodedError;
    throw Object.assign(new Error(`CloudBase ${String(r.code)}: ${String(r.message ?? '')}`), {
      code: r.code,
      requestId: r.requestId,
    });
  }
  return result;
}

const toDoc = <T extends Doc>(raw: unknown): T | null =>
  raw !== null && typeof raw === 'object' && typeof (raw as { _id?: unknown })._id === 'string' ? (raw as T) : null;

const withoutId = (doc: Doc): Record<string, unknown> => {
  const { _id, ...rest } = doc;
  return structuredClone(rest);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ───────────────────────────── the adapter ─────────────────────────────

/**
 * The store port on the CloudBase document database through @cloudbase/node-sdk.
 *
 * Collections are created on first write (a fresh environment has none), reads of a collection
 * that does not exist yet answer empty, and transactions retry on conflict with backoff because
 * the SDK's own three retries are too few for a busy counter.
 */
export class CloudbaseStore implements Store<AnyDocs> {
  private readonly _: DbCommand;
  private readonly known = new Set<string>();
  private readonly txAttempts: number;
  private readonly txBackoffMs: number;

  constructor(
    private readonly db: CloudbaseDb,
    options: CloudbaseStoreOptions = {},
  ) {
    this._ = db.command;
    this.txAttempts = options.txAttempts ?? 20;
    this.txBackoffMs = options.txBackoffMs ?? 10;
  }

  private coll(collection: string) {
    return this.db.collection(collection);
  }

  private where(collection: string, where: Filter | undefined): DbQuery {
    return this.coll(collection).where(toQuery(where, this._));
  }

  /** Runs a read; a collection nobody has written to yet simply holds nothing. */
  private async read<R>(empty: R, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (e) {
      if (isMissingCollection(e)) return empty;
      throw e;
    }
  }

  /** Runs a write; on a missing collection creates it once and tries again. */
  private async write<R>(collection: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (e) {
      if (!isMissingCollection(e)) throw e;
      await this.ensureCollections([collection]);
      return run();
    }
  }

  private async ensureCollections(collections: Iterable<string>): Promise<void> {
    for (const name of collections) {
      if (this.known.has(name)) continue;
      try {
        unwrap(await this.db.createCollection(name));
      } catch (e) {
        if (codeOf(e) !== CLOUDBASE_ERRORS.collectionExists) throw e;
      }
      this.known.add(name);
    }
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    return this.read(null, async () => {
      const res = unwrap((await this.coll(collection).doc(id).get()) as { data?: unknown });
      const list = Array.isArray(res.data) ? res.data : [res.data];
      return toDoc(list[0]);
    });
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Doc[]> {
    const unique = [...new Set(ids)];
    const out: Doc[] = [];
    for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
      const chunk = unique.slice(i, i + GET_MANY_CHUNK);
      const res = await this.read<{ data: unknown[] }>({ data: [] }, async () =>
        unwrap(
          await this.coll(collection)
            .where({ _id: this._.in(chunk) })
            .limit(chunk.length)
            .get(),
        ),
      );
      for (const raw of res.data) {
        const doc = toDoc(raw);
        if (doc) out.push(doc);
      }
    }
    return out;
  }

  async find(collection: string, options: FindOptions): Promise<Doc[]> {
    if (!(Number.isInteger(options.limit) && options.limit >= 1 && options.limit <= MAX_FIND_LIMIT))
      throw new Error(`find limit must be 1..${MAX_FIND_LIMIT}, got ${options.limit}`);
    let query = this.where(collection, options.where);
    for (const [field, order] of options.orderBy ?? []) query = query.orderBy(field, order);
    if (options.skip) query = query.skip(options.skip);
    query = query.limit(options.limit);
    const res = await this.read<{ data: unknown[] }>({ data: [] }, async () => unwrap(await query.get()));
    return res.data.map((raw) => toDoc(raw)).filter((d): d is Doc => d !== null);
  }

  async count(collection: string, where?: Filter): Promise<number> {
    return this.read(0, async () => {
      const res = unwrap((await this.where(collection, where).count()) as { total?: unknown });
      return typeof res.total === 'number' ? res.total : 0;
    });
  }

  async insert(collection: string, doc: Doc): Promise<'inserted' | 'duplicate'> {
    try {
      await this.write(collection, async () => unwrap(await this.coll(collection).add({ _id: doc._id, ...withoutId(doc) })));
      return 'inserted';
    } catch (e) {
      if (isDuplicateKeyError(e)) return 'duplicate';
      throw e;
    }
  }

  /**
   * Batched `add` of an array (one database.insertDocument call per ≤ 1000 documents). A batch that
   * meets an existing id may be partly written, so that batch is settled document by document.
   */
  async insertMany(collection: string, docs: readonly Doc[]): Promise<{ inserted: number; duplicates: number }> {
    const seen = new Set<string>();
    const unique = docs.filter((d) => !seen.has(d._id) && seen.add(d._id));
    let inserted = 0;
    for (const batch of insertBatches(unique)) {
      try {
        await this.write(collection, async () =>
          unwrap(await this.coll(collection).add(batch.map((d) => ({ _id: d._id, ...withoutId(d) })))),
        );
        inserted += batch.length;
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
        for (let i = 0; i < batch.length; i += INSERT_SETTLE_CONCURRENCY) {
          const outcomes = await Promise.all(batch.slice(i, i + INSERT_SETTLE_CONCURRENCY).map((d) => this.insert(collection, d)));
          inserted += outcomes.filter((o) => o === 'inserted').length;
        }
      }
    }
    return { inserted, duplicates: docs.length - inserted };
  }

  async put(collection: string, doc: Doc): Promise<void> {
    await this.write(collection, async () => unwrap(await this.coll(collection).doc(doc._id).set(withoutId(doc))));
  }

  async update(collection: string, id: string, patch: Patch, where?: Filter): Promise<boolean> {
    const data = toUpdate(patch, this._);
    const res = await this.read({ updated: 0 }, async () =>
      unwrap((await this.where(collection, { ...where, _id: id }).update(data)) as { updated?: unknown }),
    );
    if (typeof res.updated === 'number' && res.updated > 0) return true;
    // CloudBase counts modified documents, not matched ones: a patch that leaves the document
    // as it was reports 0. An increment always modifies, so 0 there really means "not matched".
    if (Object.values(patch.inc ?? {}).some((by) => by !== 0)) return false;
    const current = await this.get(collection, id);
    return current !== null && matchesFilter(current, where ?? {}) && sameJson(applyPatch(current, patch), current);
  }

  async updateMany(collection: string, where: Filter, patch: Patch): Promise<number> {
    const data = toUpdate(patch, this._);
    const res = await this.read({ updated: 0 }, async () =>
      unwrap((await this.where(collection, where).update(data)) as { updated?: unknown }),
    );
    return typeof res.updated === 'number' ? res.updated : 0;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const res = await this.read({ deleted: 0 }, async () =>
      unwrap((await this.coll(collection).doc(id).remove()) as { deleted?: unknown }),
    );
    return typeof res.deleted === 'number' && res.deleted > 0;
  }

  async transaction<R>(work: (tx: TxStore<AnyDocs>) => Promise<R>): Promise<R> {
    // Db.runTransaction is typed `any` in the SDK; this is the one place we give it a shape.
    const run = (this.db.runTransaction as RunTransaction).bind(this.db);
    for (let attempt = 1; ; attempt++) {
      const touched = new Set<string>();
      try {
        // 0 SDK retries: we retry here, with backoff, and rebuild `work`'s reads each time
        return (await run((handle) => work(this.txStore(handle, touched)), 0)) as R;
      } catch (e) {
        if (!isConflict(e) && !isMissingCollection(e)) throw e;
        if (attempt >= this.txAttempts) throw isConflict(e) ? new ConflictError() : e;
        // transactions cannot create collections: make them outside, then run again
        if (isMissingCollection(e)) await this.ensureCollections(touched);
        await sleep(Math.random() * Math.min(1000, this.txBackoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private txStore(handle: TxHandle, touched: Set<string>): TxStore<AnyDocs> {
    const ref = (collection: string, id: string) => {
      touched.add(collection);
      return handle.collection(collection).doc(id);
    };
    const get = async (collection: string, id: string): Promise<Doc | null> => {
      const res = unwrap((await ref(collection, id).get()) as { data?: unknown });
      return toDoc(Array.isArray(res.data) ? res.data[0] : res.data);
    };
    return {
      get,
      insert: async (collection, doc) => {
        if (await get(collection, doc._id)) throw new DuplicateKeyError(collection, doc._id);
        touched.add(collection);
        try {
          unwrap(await handle.collection(collection).add({ _id: doc._id, ...withoutId(doc) }));
        } catch (e) {
          if (isDuplicateKeyError(e)) throw new DuplicateKeyError(collection, doc._id);
          throw e;
        }
      },
      put: async (collection, doc) => {
        unwrap(await ref(collection, doc._id).set(withoutId(doc)));
      },
      update: async (collection, id, patch) => {
        const res = unwrap((await ref(collection, id).update(toUpdate(patch, this._))) as { updated?: unknown });
        if (typeof res.updated === 'number' && res.updated > 0) return;
        // 0 also means "nothing changed"; only a missing document is an error, as on SQLite
        if (!(await get(collection, id))) throw new Error(`transaction update of missing document ${collection}/${id}`);
      },
      remove: async (collection, id) => {
        unwrap(await ref(collection, id).delete());
      },
    };
  }
}
