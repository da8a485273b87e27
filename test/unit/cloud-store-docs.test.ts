// CloudStore against the fake of wx-server-sdk's database (cloud-store-fake.ts): single documents, transactions and stats.
import { CloudStore, SDK_TX_RETRIES, TX_ATTEMPTS } from '../../server/store/cloud';
import { cmd, StoreError } from '../../server/store/port';
import { fakeDb, last, missingDocError, duplicateError, noPause } from './cloud-store-fake';

describe('single documents', () => {
  test('get answers the document', async () => {
    const { store, calls } = fakeDb(() => ({ data: { _id: 't1', a: 1 } }));
    expect(await store.collection('things').doc('t1').get()).toEqual({ _id: 't1', a: 1 });
    expect(last(calls)).toMatchObject({ scope: 'db', coll: 'things', doc: 't1', op: 'doc.get' });
  });

  test('a missing document is null: { data: null } (throwOnNotFound: false) or the "does not exist" rejection', async () => {
    expect(
      await fakeDb(() => ({ data: null }))
        .store.collection('users')
        .doc('nobody')
        .get(),
    ).toBeNull();
    const throwing = fakeDb(() => {
      throw missingDocError();
    });
    expect(await throwing.store.collection('users').doc('nobody').get()).toBeNull();
  });

  test('other errors of get are not hidden', async () => {
    const { store } = fakeDb(() => {
      throw new Error('document.get:fail -501001 resource system error. timeout');
    });
    await expect(store.collection('users').doc('u1').get()).rejects.toThrow(/timeout/);
  });

  test('add sends { data } with our _id (made when absent) and answers it', async () => {
    const { store, calls } = fakeDb(() => ({ _id: 'ignored' }));
    expect(await store.collection('users').add({ _id: 'u1', name: '李四' })).toBe('u1');
    expect(last(calls)).toMatchObject({ op: 'add', arg: { data: { _id: 'u1', name: '李四' } } });
    const made = await store.collection('users').add({ name: '王五' });
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    expect(last(calls).arg).toEqual({ data: { _id: made, name: '王五' } });
  });

  test('add with a duplicate _id is StoreError CONFLICT', async () => {
    for (const err of [duplicateError(), { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate write' }]) {
      const { store } = fakeDb(() => {
        throw err;
      });
      const e = await store
        .collection('users')
        .add({ _id: 'u1' })
        .catch((x) => x);
      expect(e).toBeInstanceOf(StoreError);
      expect(e.code).toBe('CONFLICT');
    }
  });

  test('add that fails otherwise is not turned into CONFLICT', async () => {
    const { store } = fakeDb(() => {
      throw new Error('collection.add:fail -502005 database collection not exists');
    });
    await expect(store.collection('users').add({ _id: 'u1' })).rejects.not.toBeInstanceOf(StoreError);
  });

  test('set is doc(id).set({ data }) without _id', async () => {
    const { store, calls } = fakeDb(() => ({ stats: { updated: 1, created: 0 } }));
    await store
      .collection('users')
      .doc('u1')
      .set({ _id: 'other', name: '赵六', profile: { a: 1 } } as never);
    expect(last(calls)).toMatchObject({ doc: 'u1', op: 'doc.set', arg: { data: { name: '赵六', profile: { a: 1 } } } });
  });
});

describe('transactions', () => {
  test('operations go to the transaction object; the result is returned; retries are passed', async () => {
    const { store, calls, txRetries } = fakeDb((c) => {
      if (c.op === 'doc.get') return { data: c.doc === 'acc' ? { _id: 'acc', n: 1 } : null };
      if (c.op === 'doc.update') return { stats: { updated: 1 } };
      return {};
    });
    const result = await store.transaction(async (tx) => {
      const acc = await tx.collection('accounts').doc('acc').get();
      const none = await tx.collection('accounts').doc('nobody').get();
      await tx
        .collection('accounts')
        .doc('acc')
        .update({ n: cmd.inc(1), meta: { at: 1 } });
      await tx.collection('accounts').doc('new').set({ n: 0 });
      await tx.collection('accounts').doc('old').remove();
      const id = await tx.collection('logs').add({ _id: 'log1', what: 'x' });
      return { acc, none, id };
    });
    expect(result).toEqual({ acc: { _id: 'acc', n: 1 }, none: null, id: 'log1' });
    expect(txRetries).toEqual([SDK_TX_RETRIES]);
    expect(calls.every((c) => c.scope === 'tx')).toBe(true);
    expect(calls.map((c) => [c.coll, c.doc, c.op])).toEqual([
      ['accounts', 'acc', 'doc.get'],
      ['accounts', 'nobody', 'doc.get'],
      ['accounts', 'acc', 'doc.update'],
      ['accounts', 'new', 'doc.set'],
      ['accounts', 'old', 'doc.remove'],
      ['logs', undefined, 'add'],
    ]);
    expect(calls[2].arg).toEqual({ data: { n: { $op: 'inc', v: 1 }, meta: { $op: 'set', v: { at: 1 } } } });
    expect(calls[3].arg).toEqual({ data: { n: 0 } });
    expect(calls[5].arg).toEqual({ data: { _id: 'log1', what: 'x' } });
  });

  test('a missing document read in a transaction (rejection form) is null', async () => {
    const { store } = fakeDb(() => {
      throw missingDocError();
    });
    expect(await store.transaction((tx) => tx.collection('users').doc('nobody').get())).toBeNull();
  });

  test('add in a transaction gets an _id; a duplicate is CONFLICT and propagates', async () => {
    const { store, calls } = fakeDb(() => {
      throw duplicateError();
    });
    const e = await store.transaction((tx) => tx.collection('users').add({ name: 'x' })).catch((x) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('CONFLICT');
    expect((calls[0].arg as { data: { _id: string } }).data._id).toMatch(/^[0-9a-f]{32}$/);
  });

  test('updating a missing document fails the transaction with NOT_FOUND', async () => {
    const { store } = fakeDb((c) => (c.op === 'doc.update' ? { stats: { updated: 0 } } : { data: null }));
    const e = await store.transaction((tx) => tx.collection('users').doc('nobody').update({ a: 1 })).catch((x) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('NOT_FOUND');
  });

  test('an error of the function itself comes out unchanged', async () => {
    const { store } = fakeDb();
    const boom = new Error('业务错误');
    await expect(store.transaction(async () => Promise.reject(boom))).rejects.toBe(boom);
  });

  test('a conflict is retried, and after the last attempt is StoreError CONFLICT', async () => {
    let attempts = 0;
    const conflict = () =>
      Object.assign(new Error('document.update:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict]'), {
        errCode: -501001,
      });
    const flaky = fakeDb((c) => {
      if (c.op === 'doc.update' && ++attempts < 2) throw conflict();
      return { stats: { updated: 1 } };
    });
    await expect(flaky.store.transaction((tx) => tx.collection('a').doc('x').update({ n: 1 }))).resolves.toBeUndefined();
    expect(flaky.txRetries).toHaveLength(2);

    const stuck = fakeDb(() => {
      throw conflict();
    });
    const e = await stuck.store.transaction((tx) => tx.collection('a').doc('x').update({ n: 1 })).catch((x) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('CONFLICT');
    expect(stuck.txRetries).toHaveLength(TX_ATTEMPTS);
  });

  test('the conflict error handed to the SDK carries the code its own retry looks for', async () => {
    const seen: unknown[] = [];
    const { db } = fakeDb(() => {
      throw new Error('[ResourceUnavailable.TransactionConflict] Transaction is conflict');
    });
    const store = new CloudStore(
      {
        ...db,
        runTransaction: async (fn, retries) => {
          try {
            return await db.runTransaction(fn, retries);
          } catch (e) {
            seen.push(e);
            throw e;
          }
        },
      },
      noPause,
    );
    await store.transaction((tx) => tx.collection('a').doc('x').remove()).catch(() => undefined);
    expect((seen[0] as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  });
});

describe('stats', () => {
  test('one operation per get/count/add/set/update/remove call, inside transactions too', async () => {
    const { store } = fakeDb((c) => {
      if (c.op === 'get') return { data: [] };
      if (c.op === 'count') return { total: 0 };
      if (c.op === 'doc.get') return { data: { _id: 'x' } };
      if (c.op === 'update' || c.op === 'doc.update') return { stats: { updated: 1 } };
      if (c.op === 'remove' || c.op === 'doc.remove') return { stats: { removed: 1 } };
      return {};
    });
    expect(store.stats()).toEqual({ reads: 0, writes: 0 });
    const c = store.collection('things');
    await c.get();
    await c.count();
    await c.doc('x').get();
    await c.add({ a: 1 });
    await c.doc('x').set({ a: 2 });
    await c.doc('x').update({ a: 3 });
    await c.doc('x').remove();
    await c.where({ a: 1 }).update({ a: 4 });
    await c.where({ a: 1 }).remove();
    expect(store.stats()).toEqual({ reads: 3, writes: 6 });
    await store.transaction(async (tx) => {
      await tx.collection('things').doc('x').get();
      await tx.collection('things').doc('x').update({ a: 5 });
      await tx.collection('things').add({ a: 6 });
    });
    expect(store.stats()).toEqual({ reads: 4, writes: 8 });
  });
});
