// The cloud store: the port over wx-server-sdk's database (CloudBase). Same semantics as
// the local store (sqlite.ts); what CloudBase does differently is handled here:
// - `update` MERGES a plain-object value into the field; our port REPLACES it, so such
//   values are wrapped in `_.set(value)` (documented on Command.set).
// - `Query.where()` replaces the previous condition instead of adding to it, so every
//   where() of ours is kept and sent once, joined with `_.and`.
// - `doc.get()` of a missing document rejects ("document with _id … does not exist")
//   unless the database was made with `{ throwOnNotFound: false }` (then `data` is null);
//   both are read as null, in and outside transactions.
// - A duplicate `_id` on add reaches us as a generic error whose text carries
//   DATABASE_DUPLICATE_WRITE or Mongo's "E11000 duplicate key"; it becomes CONFLICT.
// - wx-server-sdk turns the error codes of single operations into its own numeric codes,
//   so a transaction conflict raised by an operation loses the code the SDK's retry loop
//   looks for; we re-mark it, and retry the whole transaction ourselves, with jittered
//   backoff (the SDK's own retries have no pause, so we turn them off).
import { randomBytes } from 'node:crypto';
import { splitPath } from './doc-patch';
import type { CollectionName, Collections } from './collections';
import {
  isCmd,
  StoreError,
  totalOrder,
  type AnyDoc,
  type AnyStore,
  type Collection,
  type Doc,
  type DocBody,
  type DocRef,
  type FieldCmd,
  type Filter,
  type LogicCmd,
  type NewDoc,
  type Patch,
  type Store,
  type StoreStats,
  type TxCollection,
  type TxDocRef,
  type UpdateCmd,
} from './port';
import { EMPTY_QUERY, QueryBuilder, type QueryState } from './query-builder';

// ---- the part of wx-server-sdk's database we use (its own typings return unions) ----
type Data = Record<string, unknown>;
export interface SdkCommand {
  eq(v: unknown): unknown;
  neq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  in(v: unknown[]): unknown;
  nin(v: unknown[]): unknown;
  exists(v: boolean): unknown;
  and(...conditions: unknown[]): unknown;
  or(...conditions: unknown[]): unknown;
  set(v: unknown): unknown;
  inc(n: number): unknown;
  remove(): unknown;
}
export interface SdkQuery {
  where(condition: unknown): SdkQuery;
  orderBy(field: string, direction: string): SdkQuery;
  skip(n: number): SdkQuery;
  limit(n: number): SdkQuery;
  field(projection: Record<string, boolean>): SdkQuery;
  get(): Promise<{ data: Data[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
export interface SdkDocRef {
  get(): Promise<{ data: Data | Data[] | null }>;
  set(options: { data: Data }): Promise<unknown>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
export interface SdkTxCollection {
  doc(id: string): SdkDocRef;
  add(options: { data: Data }): Promise<unknown>;
}
export interface SdkCollection extends SdkQuery, SdkTxCollection {}
export interface SdkTransaction {
  collection(name: string): SdkTxCollection;
}
export interface SdkDatabase {
  command: SdkCommand;
  collection(name: string): SdkCollection;
  runTransaction<T>(fn: (t: SdkTransaction) => Promise<T>, retries?: number): Promise<T>;
}

const COLLECTION_NAME = /^[a-z][A-Za-z0-9_]{0,62}$/;
/**
 * Passed to runTransaction, whose own retries ("only conflicts are retried", its
 * documentation) run again at once, without a pause: under contention an immediate re-run
 * meets the same open transactions again. So the SDK runs the function once, and we retry.
 */
export const SDK_TX_RETRIES = 0;
/** Our attempts: bounded, each conflict followed by a jittered, growing pause. */
export const TX_ATTEMPTS = 12;
/**
 * The pause after the n-th conflict: random in [0, min(cap, d · 2^n)) ms ("full jitter"),
 * where d is how long the failed run took (at least the base): the pauses grow with the
 * transactions' own length, so contenders spread out as far as they need to, whatever the
 * round trip or the load.
 */
export const TX_BACKOFF_BASE_MS = 5;
export const TX_BACKOFF_CAP_MS = 1000;
export const txBackoffMs = (n: number, runMs = 0, random = Math.random) =>
  random() * Math.min(TX_BACKOFF_CAP_MS, Math.max(TX_BACKOFF_BASE_MS, runMs) * 2 ** n);

export function newCloudId(): string {
  return randomBytes(16).toString('hex');
}

// ---- errors ----
function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!e || typeof e !== 'object') return String(e);
  const o = e as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown };
  return [o.code, o.errCode, o.errMsg, o.message].filter((x) => x !== undefined).join(' ');
}
export const isMissingDoc = (e: unknown) => /document with _id .* does not exist/i.test(errorText(e));
export const isDuplicate = (e: unknown) =>
  /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(errorText(e));
export const isTxConflict = (e: unknown) =>
  !(e instanceof StoreError) &&
  /DATABASE_TRANSACTION_CONFLICT|TransactionConflict|transaction\s+(is\s+)?conflict|WriteConflict/i.test(errorText(e));

/** Carries the code @cloudbase/database's runTransaction retries on. */
class TxConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';
}

function writeError(e: unknown, collection: string, id: string): unknown {
  if (isTxConflict(e)) return new TxConflictError(errorText(e));
  if (isDuplicate(e)) return new StoreError('CONFLICT', `duplicate key adding ${id} to ${collection}`);
  return e;
}

// ---- translation ----
const isPlainObject = (x: unknown): x is Data =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

function fieldCond(_: SdkCommand, field: string, c: FieldCmd): unknown {
  switch (c.$cmd) {
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return _[c.$cmd](c.value);
    case 'in':
    case 'nin':
      if (!Array.isArray(c.values)) throw new StoreError('INVALID', `${c.$cmd} needs an array`);
      return _[c.$cmd](c.values);
    case 'exists':
      return _.exists(c.value);
    case 'both':
      return _.and(...c.of.map((sub) => fieldCond(_, field, sub)));
    default:
      throw new StoreError('INVALID', `unknown filter command on ${field}`);
  }
}

export function toCondition(_: SdkCommand, filter: Filter): unknown {
  if (isCmd(filter)) {
    const logic = filter as LogicCmd;
    if (logic.$cmd !== 'and' && logic.$cmd !== 'or') throw new StoreError('INVALID', 'bad logical command');
    if (logic.filters.length === 0) return logic.$cmd === 'and' ? {} : { _id: _.in([]) };
    return _[logic.$cmd](...logic.filters.map((f) => toCondition(_, f)));
  }
  const out: Data = {};
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    splitPath(field);
    // A plain object in where() matches its fields one by one; _.eq compares the whole value.
    out[field] = isCmd(cond) ? fieldCond(_, field, cond as FieldCmd) : isPlainObject(cond) ? _.eq(cond) : cond;
  }
  return out;
}

export function toUpdate(_: SdkCommand, patch: Patch): Data {
  const data: Data = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (splitPath(field)[0] === '_id') throw new StoreError('INVALID', '_id cannot be changed');
    if (isCmd(value)) {
      const c = value as UpdateCmd;
      if (c.$cmd === 'inc') data[field] = _.inc(c.by);
      else if (c.$cmd === 'unset') data[field] = _.remove();
      else throw new StoreError('INVALID', `unknown update command in ${field}`);
    } else {
      data[field] = isPlainObject(value) ? _.set(value) : value;
    }
  }
  return data;
}

/** A patch that changes any document it applies to: updated = 0 can only mean "no such document". */
function alwaysChanges(patch: Patch): boolean {
  return Object.values(patch).some((v) => { const c = v as UpdateCmd; return isCmd(v) && c.$cmd === 'inc' && c.by !== 0; });
}

function docOf(res: { data: Data | Data[] | null } | undefined): AnyDoc | null {
  const data = res?.data;
  if (Array.isArray(data)) return (data[0] as AnyDoc | undefined) ?? null;
  return (data as AnyDoc | null | undefined) ?? null;
}

function withoutId<D extends Doc>(data: DocBody<D>): Data {
  const { _id: _ignored, ...rest } = data as NewDoc;
  return rest;
}

function idFor<D extends Doc>(data: NewDoc<D>): { id: string; rest: Data } {
  const { _id, ...rest } = data as NewDoc;
  const id = _id ?? newCloudId();
  if (typeof id !== 'string' || id === '') throw new StoreError('INVALID', '_id must be a string');
  return { id, rest };
}

async function readDoc<D extends Doc>(ref: SdkDocRef): Promise<D | null> {
  try {
    return docOf(await ref.get()) as D | null;
  } catch (e) {
    if (isMissingDoc(e)) return null;
    throw e;
  }
}

// ---- the store ----

export class CloudStore implements Store, AnyStore {
  private readonly counts: StoreStats = { reads: 0, writes: 0 };

  constructor(
    readonly db: SdkDatabase,
    /** How the pause between attempts is taken (unit tests pass one that does not wait). */
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  stats(): StoreStats {
    return { ...this.counts };
  }
  countRead(): void {
    this.counts.reads++;
  }
  countWrite(): void {
    this.counts.writes++;
  }

  collection<K extends CollectionName>(name: K): Collection<Collections[K]>;
  collection(name: string): Collection;
  collection<D extends Doc>(name: string): Collection<D> {
    checkName(name);
    return new CloudCollection<D>(this, name, EMPTY_QUERY);
  }

  async transaction<T>(fn: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        return await this.db.runTransaction((t) => fn(new CloudTransaction(this, t)), SDK_TX_RETRIES);
      } catch (e) {
        if (!isTxConflict(e)) throw e;
        if (attempt >= TX_ATTEMPTS) throw new StoreError('CONFLICT', 'transaction kept conflicting');
      }
      await this.pause(txBackoffMs(attempt, Date.now() - started));
    }
  }
}

function checkName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new StoreError('INVALID', `bad collection name: ${name}`);
}

class CloudCollection<D extends Doc = AnyDoc> extends QueryBuilder<D> implements Collection<D> {
  constructor(
    private readonly store: CloudStore,
    private readonly name: string,
    state: QueryState,
  ) {
    super(state);
  }

  protected next<E extends Doc>(state: QueryState): CloudCollection<E> {
    return new CloudCollection<E>(this.store, this.name, state);
  }
  private get _(): SdkCommand {
    return this.store.db.command;
  }
  /** The collection narrowed by every where() so far (and nothing else). */
  private matching(): SdkQuery {
    const col = this.store.db.collection(this.name);
    const { filters } = this.state;
    if (filters.length === 0) return col.where({});
    const conds = filters.map((f) => toCondition(this._, f));
    return col.where(conds.length === 1 ? conds[0] : this._.and(...conds));
  }

  doc(id: string): DocRef<D> {
    return new CloudDocRef<D>(this.store, this.name, id);
  }

  async add(data: NewDoc<D>): Promise<string> {
    const { id, rest } = idFor(data);
    this.store.countWrite();
    try {
      await this.store.db.collection(this.name).add({ data: { ...rest, _id: id } });
    } catch (e) {
      throw writeError(e, this.name, id);
    }
    return id;
  }

  async get(): Promise<D[]> {
    let q = this.matching();
    for (const [f, d] of totalOrder(this.state.order, this.state.skip)) q = q.orderBy(f, d);
    if (this.state.skip > 0) q = q.skip(this.state.skip);
    // Always explicit: the server's default page is not ours.
    q = q.limit(this.state.limit);
    if (this.state.fields) q = q.field(Object.fromEntries(this.state.fields.map((f) => [f, true])));
    this.store.countRead();
    return (await q.get()).data as D[];
  }

  async count(): Promise<number> {
    this.store.countRead();
    return (await this.matching().count()).total;
  }

  async update(patch: Patch): Promise<number> {
    const data = toUpdate(this._, patch);
    if (Object.keys(data).length === 0) return this.count(); // the SDK refuses an empty update
    this.store.countWrite();
    return (await this.matching().update({ data })).stats.updated;
  }

  async remove(): Promise<number> {
    this.store.countWrite();
    return (await this.matching().remove()).stats.removed;
  }
}

class CloudDocRef<D extends Doc = AnyDoc> implements DocRef<D> {
  constructor(
    private readonly store: CloudStore,
    private readonly collection: string,
    private readonly id: string,
  ) {}

  private ref(): SdkDocRef {
    return this.store.db.collection(this.collection).doc(this.id);
  }

  async get(): Promise<D | null> {
    this.store.countRead();
    return readDoc<D>(this.ref());
  }

  async set(data: DocBody<D>): Promise<void> {
    this.store.countWrite();
    await this.ref().set({ data: withoutId(data) });
  }

  async update(patch: Patch): Promise<boolean> {
    const data = toUpdate(this.store.db.command, patch);
    if (Object.keys(data).length === 0) return (await this.get()) !== null;
    this.store.countWrite();
    const res = await this.ref().update({ data });
    if (res.stats.updated > 0) return true;
    // 0 means "no such document", or possibly (Mongo counts modified documents) a patch
    // that changed nothing: one read tells them apart, unless the patch always changes a
    // document (an increment by a number other than 0).
    if (alwaysChanges(patch)) return false;
    return (await this.get()) !== null;
  }

  async remove(): Promise<boolean> {
    this.store.countWrite();
    return (await this.ref().remove()).stats.removed > 0;
  }
}

// ---- transactions: only single-document operations exist, as in CloudBase ----
class CloudTransaction {
  constructor(
    private readonly store: CloudStore,
    private readonly t: SdkTransaction,
  ) {}

  collection<K extends CollectionName>(name: K): TxCollection<Collections[K]>;
  collection(name: string): TxCollection;
  collection<D extends Doc>(name: string): TxCollection<D> {
    checkName(name);
    const col = this.t.collection(name);
    const store = this.store;
    return {
      doc: (id: string) => txDocRef<D>(store, col.doc(id), name, id),
      add: async (data: NewDoc<D>) => {
        const { id, rest } = idFor(data); // an add in a transaction needs its _id
        store.countWrite();
        try {
          await col.add({ data: { ...rest, _id: id } });
        } catch (e) {
          throw writeError(e, name, id);
        }
        return id;
      },
    };
  }
}

function txDocRef<D extends Doc>(store: CloudStore, ref: SdkDocRef, collection: string, id: string): TxDocRef<D> {
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw writeError(e, collection, id);
    }
  };
  const get = () => {
    store.countRead();
    return guard(() => readDoc<D>(ref));
  };
  return {
    get,
    set: async (data) => {
      store.countWrite();
      await guard(() => ref.set({ data: withoutId(data) }));
    },
    update: async (patch) => {
      const data = toUpdate(store.db.command, patch);
      if (Object.keys(data).length > 0) {
        store.countWrite();
        if ((await guard(() => ref.update({ data }))).stats.updated > 0) return;
        if (alwaysChanges(patch)) throw new StoreError('NOT_FOUND', `no document ${id} in ${collection} to update`);
      }
      // As in the local store: updating a missing document fails the transaction.
      if ((await get()) === null) throw new StoreError('NOT_FOUND', `no document ${id} in ${collection} to update`);
    },
    remove: async () => {
      store.countWrite();
      await guard(() => ref.remove());
    },
  };
}
