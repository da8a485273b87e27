// The local store's transactions. Optimistic: reads go to the store (its cache or the
// table) and remember the version they saw; writes are buffered. Commit first checks that
// every version read is unchanged (else the whole function is run again), works out every
// new document, then hands the writes to the store's open batch. An increment on a document
// the transaction did not read is applied to the document as it is at commit, so
// concurrent counters do not conflict (as `_.inc` in CloudBase).
import { randomBytes } from 'node:crypto';
import { DocKeyMap } from './doc-cache';
import { applyPatch } from './doc-patch';
import type { CollectionName, Collections } from './collections';
import { StoreError, withId, type AnyDoc, type Doc, type DocBody, type NewDoc, type Patch, type TxCollection, type TxDocRef } from './port';
import type { SqliteStore } from './sqlite';

export function newId(): string {
  return randomBytes(16).toString('hex');
}

type PendingOp =
  | { kind: 'add'; doc: AnyDoc }
  | { kind: 'set'; doc: AnyDoc }
  | { kind: 'patch'; patch: Patch }
  | { kind: 'remove' };

export class TxConflict extends Error {}

export class LocalTransaction {
  /** The version of each document read (0 = absent). */
  private readonly reads = new DocKeyMap<number>();
  private readonly writes = new DocKeyMap<PendingOp[]>();
  private finished = false;

  constructor(private readonly store: SqliteStore) {}

  collection<K extends CollectionName>(name: K): TxCollection<Collections[K]>;
  collection(name: string): TxCollection;
  collection<D extends Doc>(name: string): TxCollection<D> {
    this.store.table(name);
    return new LocalTxCollection<D>(this, name);
  }

  async add(collection: string, data: NewDoc<Doc>): Promise<string> {
    const doc = withId(data, data._id ?? newId());
    this.guard();
    this.store.countWrite();
    const current = this.stateOf(collection, doc._id);
    if (current) throw new StoreError('CONFLICT', `duplicate _id ${doc._id} in ${collection}`);
    this.pending(collection, doc._id).push({ kind: 'add', doc });
    return doc._id;
  }

  async get(collection: string, id: string): Promise<AnyDoc | null> {
    this.guard();
    this.store.countRead();
    return this.stateOf(collection, id);
  }

  async write(collection: string, id: string, op: PendingOp): Promise<void> {
    this.guard();
    this.store.countWrite();
    this.pending(collection, id).push(op);
  }

  private guard(): void {
    if (this.finished) throw new StoreError('INVALID', 'transaction already finished');
  }

  private pending(collection: string, id: string): PendingOp[] {
    let ops = this.writes.get(collection, id);
    if (!ops) this.writes.set(collection, id, (ops = []));
    return ops;
  }

  /** The document as this transaction sees it: the row read (its version remembered) plus pending ops. */
  private stateOf(collection: string, id: string): AnyDoc | null {
    const e = this.store.entry(collection, id);
    const seen = this.reads.get(collection, id);
    if (seen === undefined) this.reads.set(collection, id, e ? e.v : 0);
    else if ((e ? e.v : 0) !== seen) throw new TxConflict();
    let doc = e ? e.doc : null;
    for (const op of this.writes.get(collection, id) ?? []) doc = applyOp(doc, op, collection, id);
    return doc;
  }

  /**
   * Applies the buffered writes; false when a document read has changed meanwhile. Every
   * check and every new document is worked out before the first write, so nothing can fail
   * halfway but the database itself.
   */
  commit(): boolean {
    this.guard();
    this.finished = true;
    const unchanged = this.reads.every((collection, id, version) => {
      const e = this.store.entry(collection, id);
      return (e ? e.v : 0) === version;
    });
    if (!unchanged) return false;
    const plan: { collection: string; id: string; doc: AnyDoc | null; current: { v: number } | null; own: boolean }[] = [];
    this.writes.forEach((collection, id, ops) => {
      const e = this.store.entry(collection, id);
      let doc = e ? e.doc : null;
      for (const op of ops) doc = applyOp(doc, op, collection, id);
      // Patches of the stored document make our own fresh copy: keep it cached. (After a set or
      // an add, the copy still shares objects with what the caller handed in.)
      plan.push({ collection, id, doc, current: e, own: ops.every((op) => op.kind === 'patch') });
    });
    if (plan.length === 0) return true;
    this.store.checkedWrites(() => {
      for (const { collection, id, doc, current, own } of plan) {
        if (doc === null) {
          if (current) this.store.deleteRow(collection, id);
        } else if (current) {
          this.store.writeRow(collection, doc, own ? current.v + 1 : undefined);
        } else {
          this.store.insertRow(collection, doc);
        }
      }
    });
    return true;
  }
}

class LocalTxCollection<D extends Doc> implements TxCollection<D> {
  constructor(
    private readonly tx: LocalTransaction,
    private readonly name: string,
  ) {}

  doc(id: string): TxDocRef<D> {
    return new LocalTxDocRef<D>(this.tx, this.name, id);
  }

  add(data: NewDoc<D>): Promise<string> {
    return this.tx.add(this.name, data);
  }
}

class LocalTxDocRef<D extends Doc> implements TxDocRef<D> {
  constructor(
    private readonly tx: LocalTransaction,
    private readonly collection: string,
    private readonly id: string,
  ) {}

  get(): Promise<D | null> {
    return this.tx.get(this.collection, this.id) as Promise<D | null>;
  }
  set(data: DocBody<D>): Promise<void> {
    return this.tx.write(this.collection, this.id, { kind: 'set', doc: withId(data, this.id) });
  }
  update(patch: Patch): Promise<void> {
    return this.tx.write(this.collection, this.id, { kind: 'patch', patch });
  }
  remove(): Promise<void> {
    return this.tx.write(this.collection, this.id, { kind: 'remove' });
  }
}

function applyOp(doc: AnyDoc | null, op: PendingOp, collection: string, id: string): AnyDoc | null {
  switch (op.kind) {
    case 'add':
      if (doc) throw new StoreError('CONFLICT', `duplicate _id ${id} in ${collection}`);
      return op.doc;
    case 'set':
      return op.doc;
    case 'patch':
      if (!doc) throw new StoreError('NOT_FOUND', `no document ${id} in ${collection} to update`);
      return applyPatch(doc, op.patch);
    case 'remove':
      return null;
  }
}
