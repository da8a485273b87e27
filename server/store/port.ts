// The document-store port: the subset of the CloudBase database API our features use.
// Both adapters (SQLite locally, wx-server-sdk in the cloud) implement it and pass the
// same contract suite (test/store/contract.ts).
//
// Typed by collection: `store.collection('nodes')` is a Collection<NodeDoc>. The map from a
// collection's name to its document type is server/store/collections.ts (one line each).
// The adapters also take any name with untyped documents (AnyStore): the store contract
// suite and tools that see raw documents use that; handlers get the typed Store.
import type { CollectionName, Collections } from './collections';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
/** What every stored document has. */
export interface Doc {
  _id: string;
}
/** A document of no declared type (the contract suite's, an adapter's internals). */
export interface AnyDoc extends Doc {
  [field: string]: unknown;
}
/** A document to add: `_id` optional (the store makes one). */
export type NewDoc<D extends Doc = AnyDoc> = Omit<D, '_id'> & { _id?: string };
/** A whole document to set at an id. */
export type DocBody<D extends Doc = AnyDoc> = Omit<D, '_id'>;

/**
 * What an adapter stores for `data` at `id` (an add, a set): the one place where a typed
 * document becomes the untyped record the adapters keep (both adapters use it).
 */
export function withId(data: object, id: string): AnyDoc {
  return { ...data, _id: id };
}
/** Whether a value (read back from a backend, handed to an emulated SDK) is a document: an object with a string `_id`. */
export function hasId(x: unknown): x is AnyDoc {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && '_id' in x && typeof x._id === 'string';
}

/** CloudBase returns at most 100 records per get() in a cloud function. */
export const MAX_LIMIT = 100;

// ---- commands (filters and updates), mirrored on CloudBase's db.command ----
export type Cmp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
export type FieldCmd =
  | { $cmd: Cmp; value: Json }
  | { $cmd: 'in' | 'nin'; values: Json[] }
  | { $cmd: 'exists'; value: boolean }
  | { $cmd: 'both'; of: FieldCmd[] };
export type Filter = { [field: string]: Json | FieldCmd | undefined } | LogicCmd;
export type LogicCmd = { $cmd: 'and' | 'or'; filters: Filter[] };
export type UpdateCmd = { $cmd: 'inc'; by: number } | { $cmd: 'unset' };
export type Patch = { [field: string]: unknown | UpdateCmd };

export const cmd = {
  eq: (value: Json): FieldCmd => ({ $cmd: 'eq', value }),
  neq: (value: Json): FieldCmd => ({ $cmd: 'neq', value }),
  gt: (value: Json): FieldCmd => ({ $cmd: 'gt', value }),
  gte: (value: Json): FieldCmd => ({ $cmd: 'gte', value }),
  lt: (value: Json): FieldCmd => ({ $cmd: 'lt', value }),
  lte: (value: Json): FieldCmd => ({ $cmd: 'lte', value }),
  in: (values: Json[]): FieldCmd => ({ $cmd: 'in', values }),
  nin: (values: Json[]): FieldCmd => ({ $cmd: 'nin', values }),
  exists: (value = true): FieldCmd => ({ $cmd: 'exists', value }),
  /** Both conditions on one field, e.g. a range: cmd.both(cmd.gte(1), cmd.lt(5)). */
  both: (...of: FieldCmd[]): FieldCmd => ({ $cmd: 'both', of }),
  and: (...filters: Filter[]): LogicCmd => ({ $cmd: 'and', filters }),
  or: (...filters: Filter[]): LogicCmd => ({ $cmd: 'or', filters }),
  inc: (by: number): UpdateCmd => ({ $cmd: 'inc', by }),
  unset: (): UpdateCmd => ({ $cmd: 'unset' }),
};

export function isCmd(x: unknown): x is { $cmd: string } {
  return typeof x === 'object' && x !== null && typeof (x as { $cmd?: unknown }).$cmd === 'string';
}

export type Direction = 'asc' | 'desc';

/**
 * The order a query really runs with: CloudBase keeps no stable order among equal sort keys
 * (or with none), so pages of a list could repeat or skip documents. Both adapters end every
 * ordered query with `_id` (in the direction of its last key, which an index on those keys
 * plus `_id` serves) and order a paged query without an order by `_id`.
 */
export function totalOrder(order: [string, Direction][], skip: number): [string, Direction][] {
  if (order.some(([f]) => f === '_id')) return order;
  if (order.length === 0) return skip > 0 ? [['_id', 'asc']] : order;
  return [...order, ['_id', order[order.length - 1][1]]];
}

export interface DocRef<D extends Doc = AnyDoc> {
  get(): Promise<D | null>;
  /** Create or replace the whole document. */
  set(data: DocBody<D>): Promise<void>;
  /** Patch fields (dotted paths allowed, cmd.inc atomic); false when there is no such document. */
  update(patch: Patch): Promise<boolean>;
  remove(): Promise<boolean>;
}

export interface Query<D extends Doc = AnyDoc> {
  where(filter: Filter): Query<D>;
  orderBy(field: string, direction: Direction): Query<D>;
  skip(n: number): Query<D>;
  /** Capped at MAX_LIMIT, as in CloudBase. */
  limit(n: number): Query<D>;
  /** Return only these (top-level) fields and _id: the documents are typed so. */
  field<K extends keyof D & string>(fields: readonly K[]): Query<Pick<D, K | '_id'>>;
  get(): Promise<D[]>;
  count(): Promise<number>;
  /** Patch every matching document; returns how many. */
  update(patch: Patch): Promise<number>;
  remove(): Promise<number>;
}

export interface Collection<D extends Doc = AnyDoc> extends Query<D> {
  doc(id: string): DocRef<D>;
  /** Insert; a duplicate `_id` fails with StoreError('CONFLICT'). Returns the `_id`. */
  add(data: NewDoc<D>): Promise<string>;
}

/** Inside a transaction only single-document operations exist, as in CloudBase. */
export interface TxDocRef<D extends Doc = AnyDoc> {
  get(): Promise<D | null>;
  set(data: DocBody<D>): Promise<void>;
  update(patch: Patch): Promise<void>;
  remove(): Promise<void>;
}
export interface TxCollection<D extends Doc = AnyDoc> {
  doc(id: string): TxDocRef<D>;
  add(data: NewDoc<D>): Promise<string>;
}
export interface Transaction {
  collection<K extends CollectionName>(name: K): TxCollection<Collections[K]>;
}
/** A transaction over any collection name (the contract suite). */
export interface AnyTransaction {
  collection(name: string): TxCollection;
}

export interface StoreStats {
  reads: number;
  writes: number;
  /** Commits made (the local store's group commits; absent where the backend commits each write). */
  commits?: number;
}

export interface Store {
  collection<K extends CollectionName>(name: K): Collection<Collections[K]>;
  /** Runs `fn` atomically; retried on write conflicts; all or nothing. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Store operations since the adapter was made (each call of get/count/add/… is one). */
  stats(): StoreStats;
}

/** The same port over any collection name, documents untyped: what the contract suite holds every adapter to. */
export interface AnyStore {
  collection(name: string): Collection;
  transaction<T>(fn: (tx: AnyTransaction) => Promise<T>): Promise<T>;
  stats(): StoreStats;
}

export type StoreErrorCode = 'CONFLICT' | 'NOT_FOUND' | 'INVALID' | 'UNAVAILABLE';
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const COLLECTION_NAME = /^[a-z][A-Za-z0-9_]{0,62}$/;

/** Both adapters take the same collection names (a table name locally, a collection in the cloud). */
export function checkCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new StoreError('INVALID', `bad collection name: ${name}`);
}

/**
 * A read of a document the caller knows exists (read again inside a transaction, say):
 * its absence is a broken invariant, reported as StoreError('NOT_FOUND').
 */
export async function present<D>(read: Promise<D | null>, what: string): Promise<D> {
  const doc = await read;
  if (doc === null) throw new StoreError('NOT_FOUND', `${what} is missing`);
  return doc;
}
