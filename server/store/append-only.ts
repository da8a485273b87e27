// Collections that are only ever added to (the audit log): the store handlers are given refuses
// to update, replace or remove a document of them, in a query, at a document and in a
// transaction alike. Reads and `add` pass through unchanged.
import type { CollectionName } from './collections';
import { StoreError, type Collection, type Doc, type DocRef, type Query, type Store, type Transaction, type TxCollection, type TxDocRef } from './port';

export const APPEND_ONLY: readonly CollectionName[] = ['auditLog'];

const refuse = (name: string) => () => Promise.reject(new StoreError('INVALID', `${name} is append-only`));

function sealQuery<Q extends Query<Doc>>(q: Q, name: string): Q {
  return {
    ...q,
    where: (f) => sealQuery(q.where(f), name),
    orderBy: (f, d) => sealQuery(q.orderBy(f, d), name),
    skip: (n) => sealQuery(q.skip(n), name),
    limit: (n) => sealQuery(q.limit(n), name),
    field: (fields) => sealQuery(q.field(fields as never), name),
    get: () => q.get(),
    count: () => q.count(),
    update: refuse(name),
    remove: refuse(name),
  } as Q;
}

function sealCollection<D extends Doc>(c: Collection<D>, name: string): Collection<D> {
  const doc = (id: string): DocRef<D> => {
    const ref = c.doc(id);
    return { get: () => ref.get(), set: refuse(name), update: refuse(name), remove: refuse(name) };
  };
  return { ...sealQuery(c, name), doc, add: (data) => c.add(data) };
}

function sealTx(tx: Transaction): Transaction {
  return {
    collection: ((name: CollectionName) => {
      const c = tx.collection(name) as TxCollection;
      if (!APPEND_ONLY.includes(name)) return c;
      const doc = (id: string): TxDocRef => {
        const ref = c.doc(id);
        return { get: () => ref.get(), set: refuse(name), update: refuse(name), remove: refuse(name) };
      };
      return { doc, add: (data: never) => c.add(data) };
    }) as Transaction['collection'],
  };
}

const sealed = new WeakMap<Store, Store>();

/** `store` as handlers see it: the append-only collections sealed (made once per store). */
export function appendOnly(store: Store): Store {
  let out = sealed.get(store);
  if (!out) {
    out = {
      collection: ((name: CollectionName) => {
        const c = store.collection(name);
        return APPEND_ONLY.includes(name) ? sealCollection(c, name) : c;
      }) as Store['collection'],
      transaction: (fn) => store.transaction((tx) => fn(sealTx(tx))),
      stats: () => store.stats(),
    };
    sealed.set(store, out);
  }
  return out;
}
