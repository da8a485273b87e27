// The cloud store: the port over wx-server-sdk's database (CloudBase). Same semantics as
// the local store (sqlite.ts); what CloudBase does differently is handled here and in
// cloud-translate.ts (filters and patches) and cloud-sdk.ts (its errors):
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
import type { CollectionName, Collections } from './collections';
import { isTxConflict, writeError, type SdkCommand, type SdkDatabase, type SdkDocRef, type SdkQuery, type SdkTransaction } from './cloud-sdk';
import { alwaysChanges, idFor, readDoc, toCondition, toUpdate, withoutId } from './cloud-translate';
import {
  checkCollectionName,
  StoreError,
  totalOrder,
  type AnyDoc,
  type AnyStore,
  type Collection,
  type Doc,
  type DocBody,
  type DocRef,
  type NewDoc,
  type Patch,
  type Store,
  type StoreStats,
  type TxCollection,
  type TxDocRef,
} from './port';
import { AdapterCollection, EMPTY_QUERY } from './query-builder';

export type { SdkDatabase } from './cloud-sdk';

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
    checkCollectionName(name);
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

class CloudCollection<D extends Doc = AnyDoc> extends AdapterCollection<CloudStore, D> {
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
    checkCollectionName(name);
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
