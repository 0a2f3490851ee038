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

export const MAX_FIND_LIMIT = 1000;

export interface TxStore {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Fails the transaction if the id exists. */
  insert(collection: string, doc: Doc): Promise<void>;
  put(collection: string, doc: Doc): Promise<void>;
  update(collection: string, id: string, patch: Patch): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Store {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  getMany<T extends Doc>(collection: string, ids: readonly string[]): Promise<T[]>;
  find<T extends Doc>(collection: string, options: FindOptions): Promise<T[]>;
  count(collection: string, where?: Filter): Promise<number>;
  /** Inserts a new document; answers 'duplicate' (and writes nothing) when the id exists. */
  insert(collection: string, doc: Doc): Promise<'inserted' | 'duplicate'>;
  /**
   * Inserts many new documents in bulk (an outbox fan-out: thousands per call). Ids that already
   * exist, or repeat within `docs`, are skipped and left as they were. Not atomic: a failure part-way
   * leaves earlier documents written, so callers use deterministic ids and simply run it again.
   */
  insertMany(collection: string, docs: readonly Doc[]): Promise<{ inserted: number; duplicates: number }>;
  /** Writes the whole document, creating or replacing it. */
  put(collection: string, doc: Doc): Promise<void>;
  /** Conditional single-document update: applied only if the document exists and `where` holds. */
  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<boolean>;
  updateMany(collection: string, where: Filter, patch: Patch): Promise<number>;
  remove(collection: string, id: string): Promise<boolean>;
  /**
   * Runs `work` atomically over documents addressed by id. `work` may be retried on a
   * write conflict, so it must not have side effects outside the transaction.
   */
  transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R>;
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
