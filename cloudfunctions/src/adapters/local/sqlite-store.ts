import Database from 'better-sqlite3';
import type { IndexSpec } from '../../ports/collections';
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
import { applyPatch, applyPatchInPlace, patchChanges } from '../doc-patch';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COLLECTION = /^[a-z][a-z0-9_]*$/;
const INSERT_MANY_CHUNK = 2000;

type Row = { id: string; doc: string; rev: number };

/**
 * A re-created document starts from a random revision, not 1: otherwise a transaction that read
 * revision 1 would not notice the document being removed and created again before its commit.
 */
const firstRev = (): number => 1 + Math.floor(Math.random() * 2 ** 40);

/** A field path as SQL. `_id` is the primary key column; everything else lives in the JSON document. */
function expr(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD.test(field)) throw new Error(`invalid field path: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

/**
 * SQL for a JSON value's type, so that comparisons keep to one type as on CloudBase (MongoDB):
 * json_extract turns `true` into 1 and SQLite orders every number before every text, so
 * without it `{ flag: true }` would match 1 and `{ n: { gt: 5 } }` would match the text "7".
 */
function typeExpr(field: string): string {
  if (field === '_id') return `'text'`;
  expr(field); // validates the path before it goes into SQL
  return `json_type(doc, '$.${field}')`;
}

const typeNames = (v: string | number): string => (typeof v === 'number' ? `('integer', 'real')` : `('text')`);

function whereSql(where: Filter | undefined): { sql: string; params: Scalar[] } {
  const parts: string[] = [];
  const params: Scalar[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) addCondition(parts, params, field, cond);
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Equality, written so that an expression index on the field still serves it (the value is
 * compared first; the type check only filters). May be SQL NULL for a missing field.
 */
function equalsSql(field: string, value: Scalar, params: Scalar[]): string {
  const e = expr(field);
  if (value === null) return `${e} IS NULL`;
  if (typeof value === 'string') {
    params.push(value);
    return `${e} = ?`; // json_extract yields TEXT only for strings, so no other type can equal it
  }
  if (typeof value === 'boolean') return `(${e} = ${value ? 1 : 0} AND ${typeExpr(field)} = '${value}')`;
  params.push(value);
  return `(${e} = ? AND ${typeExpr(field)} IN ${typeNames(value)})`;
}

function addCondition(parts: string[], params: Scalar[], field: string, cond: Condition): void {
  const e = expr(field);
  if (cond === null || typeof cond !== 'object') {
    parts.push(equalsSql(field, cond, params));
    return;
  }
  if ('in' in cond) {
    if (cond.in.length === 0) {
      parts.push('0');
      return;
    }
    // texts cannot collide with another type, so they share one plain IN
    const texts = cond.in.filter((v): v is string => typeof v === 'string');
    const others = cond.in.filter((v) => typeof v !== 'string');
    const alternatives: string[] = [];
    if (texts.length) {
      alternatives.push(`${e} IN (${texts.map(() => '?').join(',')})`);
      params.push(...texts);
    }
    for (const v of others) alternatives.push(equalsSql(field, v, params));
    parts.push(`(${alternatives.join(' OR ')})`);
    return;
  }
  if ('ne' in cond) {
    // IFNULL: a missing field is "not equal", where NOT(NULL) would drop it
    parts.push(`NOT IFNULL(${equalsSql(field, cond.ne, params)}, 0)`);
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
      const bound = (cond as Record<string, string | number>)[key]!;
      parts.push(`(${e} ${op} ? AND ${typeExpr(field)} IN ${typeNames(bound)})`);
      params.push(bound);
    }
  }
}

/**
 * The store port on embedded SQLite: one table per collection holding JSON documents,
 * with expression indexes on json_extract so declared indexes serve the same queries
 * as on CloudBase. Transactions are optimistic: reads remember a revision, and the
 * commit (one synchronous SQLite transaction) fails and retries if any changed.
 *
 * Documents are stored as SQLite's binary JSON (jsonb, SQLite ≥ 3.45): every index and
 * condition reads fields with json_extract/json_type, which on text JSON re-parses the whole
 * document each time — a write to a collection with a dozen indexes paid a dozen parses.
 * json_extract reads text and jsonb alike, so a database written before still works.
 */
export class SqliteStore implements Store<AnyDocs> {
  readonly db: Database.Database;
  private readonly tables = new Set<string>();
  /** Prepared statements by SQL text: compiling one costs more than running it, and the same few recur. */
  private readonly statements = new Map<string, Database.Statement>();

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
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${collection}" (id TEXT PRIMARY KEY, doc BLOB NOT NULL, rev INTEGER NOT NULL DEFAULT 1)`);
      this.tables.add(collection);
    }
    return `"${collection}"`;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // texts vary only by collection, filter shape and IN-list length, but bound the cache anyway
      if (this.statements.size >= 1000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readRow(collection: string, id: string): Row | undefined {
    return this.prepare(`SELECT id, json(doc) AS doc, rev FROM ${this.table(collection)} WHERE id = ?`).get(id) as Row | undefined;
  }

  private writeDoc(collection: string, doc: Doc): void {
    const { _id, ...rest } = doc;
    this.prepare(
      `INSERT INTO ${this.table(collection)} (id, doc, rev) VALUES (?, jsonb(?), ?)
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, rev = rev + 1`,
    ).run(_id, JSON.stringify(rest), firstRev());
  }

  /**
   * Applies a patch to a stored row and writes it only if something changed, so a no-op
   * does not bump the revision and fail concurrent transactions for nothing.
   */
  private writeChanged(collection: string, row: Row, patch: Patch): boolean {
    const doc = SqliteStore.parse(row);
    if (!patchChanges(doc, patch)) return false;
    // the parsed copy is ours alone, so it is patched where it lies rather than cloned
    const { _id, ...rest } = applyPatchInPlace(doc, patch);
    // the row exists (it was just read in this SQLite transaction): a plain UPDATE, not an upsert
    this.prepare(`UPDATE ${this.table(collection)} SET doc = jsonb(?), rev = rev + 1 WHERE id = ?`).run(JSON.stringify(rest), _id);
    return true;
  }

  private static parse<T extends Doc>(row: Row): T {
    return { _id: row.id, ...(JSON.parse(row.doc) as object) } as T;
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    const row = this.readRow(collection, id);
    return row ? SqliteStore.parse(row) : null;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Doc[]> {
    const out: Doc[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.prepare(
        `SELECT id, json(doc) AS doc, rev FROM ${this.table(collection)} WHERE id IN (${chunk.map(() => '?').join(',')})`,
      ).all(...chunk) as Row[];
      out.push(...rows.map((r) => SqliteStore.parse(r)));
    }
    return out;
  }

  async find(collection: string, options: FindOptions): Promise<Doc[]> {
    if (!(Number.isInteger(options.limit) && options.limit >= 1 && options.limit <= MAX_FIND_LIMIT))
      throw new Error(`find limit must be 1..${MAX_FIND_LIMIT}, got ${options.limit}`);
    const { sql, params } = whereSql(options.where);
    const order = (options.orderBy ?? []).map(([f, o]) => `${expr(f)} ${o === 'desc' ? 'DESC' : 'ASC'}`);
    const rows = this.prepare(
      `SELECT id, json(doc) AS doc, rev FROM ${this.table(collection)}${sql}${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ? OFFSET ?`,
    ).all(...params, options.limit, options.skip ?? 0) as Row[];
    return rows.map((r) => SqliteStore.parse(r));
  }

  async count(collection: string, where?: Filter): Promise<number> {
    const { sql, params } = whereSql(where);
    const row = this.prepare(`SELECT COUNT(*) AS n FROM ${this.table(collection)}${sql}`).get(...params) as { n: number };
    return row.n;
  }

  async insert(collection: string, doc: Doc): Promise<'inserted' | 'duplicate'> {
    const { _id, ...rest } = doc;
    const info = this.prepare(
      `INSERT INTO ${this.table(collection)} (id, doc, rev) VALUES (?, jsonb(?), ?) ON CONFLICT(id) DO NOTHING`,
    ).run(_id, JSON.stringify(rest), firstRev());
    return info.changes === 1 ? 'inserted' : 'duplicate';
  }

  async insertMany(collection: string, docs: readonly Doc[]): Promise<{ inserted: number; duplicates: number }> {
    const insert = this.prepare(`INSERT INTO ${this.table(collection)} (id, doc, rev) VALUES (?, jsonb(?), ?) ON CONFLICT(id) DO NOTHING`);
    // one SQLite transaction per chunk: thousands of rows in milliseconds, without holding the
    // writer lock (and the event loop) for a whole fan-out at once
    let inserted = 0;
    for (let i = 0; i < docs.length; i += INSERT_MANY_CHUNK) {
      const chunk = docs.slice(i, i + INSERT_MANY_CHUNK);
      inserted += this.db.transaction(() => {
        let n = 0;
        for (const { _id, ...rest } of chunk) n += insert.run(_id, JSON.stringify(rest), firstRev()).changes;
        return n;
      })();
    }
    return { inserted, duplicates: docs.length - inserted };
  }

  async put(collection: string, doc: Doc): Promise<void> {
    this.writeDoc(collection, doc);
  }

  async update(collection: string, id: string, patch: Patch, where?: Filter): Promise<boolean> {
    const table = this.table(collection);
    const { sql, params } = whereSql({ ...where, _id: id });
    const select = this.prepare(`SELECT id, json(doc) AS doc, rev FROM ${table}${sql}`);
    // No SQLite transaction around read-then-write (BEGIN/COMMIT cost more than the update on a hot
    // path such as the 督办 sweep): the write is conditional on the revision read, and if another
    // connection wrote in between, the document is read and judged again.
    for (;;) {
      const row = select.get(...params) as Row | undefined;
      if (!row) return false;
      const doc = SqliteStore.parse(row);
      if (!patchChanges(doc, patch)) return true; // matched; a no-op does not bump the revision
      // the parsed copy is ours alone, so it is patched where it lies rather than cloned
      const { _id, ...rest } = applyPatchInPlace(doc, patch);
      const written = this.prepare(`UPDATE ${table} SET doc = jsonb(?), rev = rev + 1 WHERE id = ? AND rev = ?`).run(
        JSON.stringify(rest),
        _id,
        row.rev,
      );
      if (written.changes === 1) return true;
    }
  }

  async updateMany(collection: string, where: Filter, patch: Patch): Promise<number> {
    const table = this.table(collection);
    const { sql, params } = whereSql(where);
    return this.db.transaction(() => {
      const rows = this.prepare(`SELECT id, json(doc) AS doc, rev FROM ${table}${sql}`).all(...params) as Row[];
      // counts the documents the patch changed, as CloudBase does
      return rows.filter((row) => this.writeChanged(collection, row, patch)).length;
    })();
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.prepare(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id).changes === 1;
  }

  async transaction<R>(work: (tx: TxStore<AnyDocs>) => Promise<R>): Promise<R> {
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
      const tx: TxStore<AnyDocs> = {
        // a copy: the caller changing what it read must not change what the transaction writes
        get: async (c: string, id: string) => structuredClone(current(c, id)),
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
          else this.prepare(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id);
        }
        return true;
      })();
      if (committed) return result;
      if (attempt >= attempts) throw new ConflictError();
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
