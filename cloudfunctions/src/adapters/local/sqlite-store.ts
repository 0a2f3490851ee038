import Database from 'better-sqlite3';
import type { IndexSpec } from '../../ports/collections';
import {
  ConflictError,
  DuplicateKeyError,
  MAX_FIND_LIMIT,
  type Condition,
  type Doc,
  type Filter,
  type FindOptions,
  type Patch,
  type Scalar,
  type Store,
  type TxStore,
} from '../../ports/store';
import { applyPatch } from '../doc-patch';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COLLECTION = /^[a-z][a-z0-9_]*$/;

type Row = { id: string; doc: string; rev: number };

/** A field path as SQL. `_id` is the primary key column; everything else lives in the JSON document. */
function expr(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD.test(field)) throw new Error(`invalid field path: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

const bind = (v: Scalar): Scalar => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function whereSql(where: Filter | undefined): { sql: string; params: Scalar[] } {
  const parts: string[] = [];
  const params: Scalar[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) addCondition(parts, params, expr(field), cond);
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

function addCondition(parts: string[], params: Scalar[], e: string, cond: Condition): void {
  if (cond === null) {
    parts.push(`${e} IS NULL`);
    return;
  }
  if (typeof cond !== 'object') {
    parts.push(`${e} = ?`);
    params.push(bind(cond));
    return;
  }
  if ('in' in cond) {
    if (cond.in.length === 0) parts.push('0');
    else {
      parts.push(`${e} IN (${cond.in.map(() => '?').join(',')})`);
      params.push(...cond.in.map(bind));
    }
    return;
  }
  if ('ne' in cond) {
    if (cond.ne === null) parts.push(`${e} IS NOT NULL`);
    else {
      parts.push(`(${e} IS NULL OR ${e} <> ?)`);
      params.push(bind(cond.ne));
    }
    return;
  }
  const ops: [string, string][] = [
    ['lt', '<'],
    ['lte', '<='],
    ['gt', '>'],
    ['gte', '>='],
  ];
  for (const [key, op] of ops) {
    if (key in cond) {
      parts.push(`${e} ${op} ?`);
      params.push((cond as Record<string, string | number>)[key]!);
    }
  }
}

/**
 * The store port on embedded SQLite: one table per collection holding JSON documents,
 * with expression indexes on json_extract so declared indexes serve the same queries
 * as on CloudBase. Transactions are optimistic: reads remember a revision, and the
 * commit (one synchronous SQLite transaction) fails and retries if any changed.
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly tables = new Set<string>();

  constructor(file: string, indexes: readonly IndexSpec[] = []) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.applyIndexes(indexes);
  }

  close(): void {
    this.db.close();
  }

  applyIndexes(indexes: readonly IndexSpec[]): void {
    for (const spec of indexes) {
      this.table(spec.collection);
      const cols = spec.fields.map(([f, o]) => `${expr(f)} ${o === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
      this.db.exec(`CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${spec.name}" ON "${spec.collection}" (${cols})`);
    }
  }

  private table(collection: string): string {
    if (!this.tables.has(collection)) {
      if (!COLLECTION.test(collection)) throw new Error(`invalid collection name: ${collection}`);
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS "${collection}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, rev INTEGER NOT NULL DEFAULT 1)`,
      );
      this.tables.add(collection);
    }
    return `"${collection}"`;
  }

  private readRow(collection: string, id: string): Row | undefined {
    return this.db.prepare(`SELECT id, doc, rev FROM ${this.table(collection)} WHERE id = ?`).get(id) as Row | undefined;
  }

  private writeDoc(collection: string, doc: Doc): void {
    const { _id, ...rest } = doc;
    this.db
      .prepare(
        `INSERT INTO ${this.table(collection)} (id, doc, rev) VALUES (?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, rev = rev + 1`,
      )
      .run(_id, JSON.stringify(rest));
  }

  private static parse<T extends Doc>(row: Row): T {
    return { _id: row.id, ...(JSON.parse(row.doc) as object) } as T;
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const row = this.readRow(collection, id);
    return row ? SqliteStore.parse<T>(row) : null;
  }

  async getMany<T extends Doc>(collection: string, ids: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT id, doc, rev FROM ${this.table(collection)} WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Row[];
      out.push(...rows.map((r) => SqliteStore.parse<T>(r)));
    }
    return out;
  }

  async find<T extends Doc>(collection: string, options: FindOptions): Promise<T[]> {
    if (!(options.limit >= 1 && options.limit <= MAX_FIND_LIMIT))
      throw new Error(`find limit must be 1..${MAX_FIND_LIMIT}, got ${options.limit}`);
    const { sql, params } = whereSql(options.where);
    const order = (options.orderBy ?? []).map(([f, o]) => `${expr(f)} ${o === 'desc' ? 'DESC' : 'ASC'}`);
    const rows = this.db
      .prepare(
        `SELECT id, doc, rev FROM ${this.table(collection)}${sql}${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ? OFFSET ?`,
      )
      .all(...params, options.limit, options.skip ?? 0) as Row[];
    return rows.map((r) => SqliteStore.parse<T>(r));
  }

  async count(collection: string, where?: Filter): Promise<number> {
    const { sql, params } = whereSql(where);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.table(collection)}${sql}`).get(...params) as { n: number };
    return row.n;
  }

  async insert(collection: string, doc: Doc): Promise<'inserted' | 'duplicate'> {
    const { _id, ...rest } = doc;
    const info = this.db
      .prepare(`INSERT INTO ${this.table(collection)} (id, doc, rev) VALUES (?, ?, 1) ON CONFLICT(id) DO NOTHING`)
      .run(_id, JSON.stringify(rest));
    return info.changes === 1 ? 'inserted' : 'duplicate';
  }

  async put(collection: string, doc: Doc): Promise<void> {
    this.writeDoc(collection, doc);
  }

  async update(collection: string, id: string, patch: Patch, where?: Filter): Promise<boolean> {
    const table = this.table(collection);
    const { sql, params } = whereSql({ ...where, _id: id });
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT id, doc, rev FROM ${table}${sql}`).get(...params) as Row | undefined;
      if (!row) return false;
      this.writeDoc(collection, applyPatch(SqliteStore.parse(row), patch));
      return true;
    })();
  }

  async updateMany(collection: string, where: Filter, patch: Patch): Promise<number> {
    const table = this.table(collection);
    const { sql, params } = whereSql(where);
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, doc, rev FROM ${table}${sql}`).all(...params) as Row[];
      for (const row of rows) this.writeDoc(collection, applyPatch(SqliteStore.parse(row), patch));
      return rows.length;
    })();
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.db.prepare(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id).changes === 1;
  }

  async transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    const attempts = 12;
    for (let attempt = 1; ; attempt++) {
      const reads = new Map<string, number>(); // key -> rev seen (0 = absent)
      const overlay = new Map<string, { collection: string; id: string; doc: Doc | null }>();
      const key = (c: string, id: string) => `${c}\u0000${id}`;
      const current = (c: string, id: string): Doc | null => {
        const k = key(c, id);
        const staged = overlay.get(k);
        if (staged) return staged.doc;
        const row = this.readRow(c, id);
        if (!reads.has(k)) reads.set(k, row?.rev ?? 0);
        return row ? SqliteStore.parse(row) : null;
      };
      const tx: TxStore = {
        get: async <T extends Doc>(c: string, id: string) => current(c, id) as T | null,
        insert: async (c, doc) => {
          if (current(c, doc._id)) throw new DuplicateKeyError(c, doc._id);
          overlay.set(key(c, doc._id), { collection: c, id: doc._id, doc: structuredClone(doc) });
        },
        put: async (c, doc) => {
          overlay.set(key(c, doc._id), { collection: c, id: doc._id, doc: structuredClone(doc) });
        },
        update: async (c, id, patch) => {
          const doc = current(c, id);
          if (!doc) throw new Error(`transaction update of missing document ${c}/${id}`);
          overlay.set(key(c, id), { collection: c, id, doc: applyPatch(doc, patch) });
        },
        remove: async (c, id) => {
          current(c, id);
          overlay.set(key(c, id), { collection: c, id, doc: null });
        },
      };
      const result = await work(tx);
      const committed = this.db.transaction(() => {
        for (const [k, rev] of reads) {
          const [c, id] = k.split('\u0000') as [string, string];
          if ((this.readRow(c, id)?.rev ?? 0) !== rev) return false;
        }
        for (const { collection, id, doc } of overlay.values()) {
          if (doc) this.writeDoc(collection, doc);
          else this.db.prepare(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id);
        }
        return true;
      })();
      if (committed) return result;
      if (attempt >= attempts) throw new ConflictError();
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
