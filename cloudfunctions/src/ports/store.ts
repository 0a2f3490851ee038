import type { Documents } from './documents';

/**
 * The storage port: a small document-store language that both CloudBase's database
 * and embedded SQLite speak. It deliberately mirrors CloudBase's limits so that code
 * that runs locally also runs in the cloud: at most 1000 documents per find, and
 * transactions that touch documents by id only.
 */
export type Scalar = string | number | boolean | null;

export type Condition =
  | Scalar
  | { in: Scalar[] }
  | { ne: Scalar }
  | { lt: string | number }
  | { lte: string | number }
  | { gt: string | number }
  | { gte: string | number }
  | { gte: string | number; lt: string | number }
  | { gt: string | number; lte: string | number }
  | { gte: string | number; lte: string | number }
  | { gt: string | number; lt: string | number };

/** Field path (dots for nested fields) → condition; all conditions must hold. */
export type Filter = Record<string, Condition>;

export type SortOrder = 'asc' | 'desc';

export interface FindOptions {
  where?: Filter;
  orderBy?: [string, SortOrder][];
  /** Required, 1..1000: CloudBase never returns more than 1000 documents per read. */
  limit: number;
  skip?: number;
}

export interface Patch {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  unset?: string[];
}

export type Doc = { _id: string } & Record<string, unknown>;

/** Collection name → the document type it holds. The functions' own map is `Documents`. */
export type DocMap = Record<string, { _id: string }>;
/** A collection of the map, by its stored name. */
export type Coll<M extends DocMap> = keyof M & string;
/** Any collection, any JSON document: what the adapters themselves store. */
export type AnyDocs = Record<string, Doc>;

export const MAX_FIND_LIMIT = 1000;

export interface TxStore<M extends DocMap = Documents> {
  get<C extends Coll<M>>(collection: C, id: string): Promise<M[C] | null>;
  /** Fails the transaction if the id exists. */
  insert<C extends Coll<M>>(collection: C, doc: M[C]): Promise<void>;
  put<C extends Coll<M>>(collection: C, doc: M[C]): Promise<void>;
  update<C extends Coll<M>>(collection: C, id: string, patch: Patch): Promise<void>;
  remove<C extends Coll<M>>(collection: C, id: string): Promise<void>;
}

/**
 * Typed by the collection's name: `store.get('requests', id)` answers the collection's document
 * type (`Documents` in ports/documents.ts), and a write must be of that type.
 */
export interface Store<M extends DocMap = Documents> {
  get<C extends Coll<M>>(collection: C, id: string): Promise<M[C] | null>;
  getMany<C extends Coll<M>>(collection: C, ids: readonly string[]): Promise<M[C][]>;
  find<C extends Coll<M>>(collection: C, options: FindOptions): Promise<M[C][]>;
  count<C extends Coll<M>>(collection: C, where?: Filter): Promise<number>;
  /** Inserts a new document; answers 'duplicate' (and writes nothing) when the id exists. */
  insert<C extends Coll<M>>(collection: C, doc: M[C]): Promise<'inserted' | 'duplicate'>;
  /**
   * Inserts many new documents in bulk (an outbox fan-out: thousands per call). Ids that already
   * exist, or repeat within `docs`, are skipped and left as they were. Not atomic: a failure part-way
   * leaves earlier documents written, so callers use deterministic ids and simply run it again.
   */
  insertMany<C extends Coll<M>>(collection: C, docs: readonly M[C][]): Promise<{ inserted: number; duplicates: number }>;
  /** Writes the whole document, creating or replacing it. */
  put<C extends Coll<M>>(collection: C, doc: M[C]): Promise<void>;
  /** Conditional single-document update: applied only if the document exists and `where` holds. */
  update<C extends Coll<M>>(collection: C, id: string, patch: Patch, where?: Filter): Promise<boolean>;
  updateMany<C extends Coll<M>>(collection: C, where: Filter, patch: Patch): Promise<number>;
  remove<C extends Coll<M>>(collection: C, id: string): Promise<boolean>;
  /**
   * Runs `work` atomically over documents addressed by id. `work` may be retried on a
   * write conflict, so it must not have side effects outside the transaction.
   */
  transaction<R>(work: (tx: TxStore<M>) => Promise<R>): Promise<R>;
}

/** Thrown by a transaction whose documents changed underneath it after every retry. */
export class ConflictError extends Error {
  constructor(message = 'write conflict') {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Thrown inside a transaction when an insert meets an existing id. */
export class DuplicateKeyError extends Error {
  constructor(collection: string, id: string) {
    super(`duplicate id ${collection}/${id}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * The functions' view of an adapter: the adapters store any JSON document under any collection
 * name (`Store<AnyDocs>`); use cases see them through the `Documents` map. This is the one place
 * that says the stored JSON is of the collection's type: every write goes through a typed `put`,
 * `insert` or `update`, so what is read back is what was written.
 */
export const typedStore = <M extends DocMap = Documents>(raw: Store<AnyDocs>): Store<M> => raw as unknown as Store<M>;
