// CloudStore against a hand-written fake of wx-server-sdk's database: checks the
// translation of our port into CloudBase calls. The real SDK is never loaded here.
import { CloudStore, SDK_TX_RETRIES, TX_ATTEMPTS, type SdkDatabase } from '../../server/store/cloud';
import { cmd, StoreError, type AnyStore } from '../../server/store/port';

type Call = { scope: 'db' | 'tx'; coll: string; doc?: string; chain: unknown[][]; op: string; arg?: unknown };
type Responder = (call: Call) => unknown;

/** db.command: every command becomes a tagged plain object we can compare. */
const command = {
  eq: (v: unknown) => ({ $op: 'eq', v }),
  neq: (v: unknown) => ({ $op: 'neq', v }),
  gt: (v: unknown) => ({ $op: 'gt', v }),
  gte: (v: unknown) => ({ $op: 'gte', v }),
  lt: (v: unknown) => ({ $op: 'lt', v }),
  lte: (v: unknown) => ({ $op: 'lte', v }),
  in: (v: unknown[]) => ({ $op: 'in', v }),
  nin: (v: unknown[]) => ({ $op: 'nin', v }),
  exists: (v: boolean) => ({ $op: 'exists', v }),
  and: (...a: unknown[]) => ({ $op: 'and', a }),
  or: (...a: unknown[]) => ({ $op: 'or', a }),
  set: (v: unknown) => ({ $op: 'set', v }),
  inc: (v: number) => ({ $op: 'inc', v }),
  remove: () => ({ $op: 'remove' }),
};

function fakeDb(respond: Responder = () => undefined) {
  const calls: Call[] = [];
  const txRetries: (number | undefined)[] = [];
  const run = async (call: Call) => {
    calls.push(call);
    return respond(call);
  };
  const query = (scope: Call['scope'], coll: string, chain: unknown[][]): any => ({
    where: (c: unknown) => query(scope, coll, [...chain, ['where', c]]),
    orderBy: (f: string, d: string) => query(scope, coll, [...chain, ['orderBy', f, d]]),
    skip: (n: number) => query(scope, coll, [...chain, ['skip', n]]),
    limit: (n: number) => query(scope, coll, [...chain, ['limit', n]]),
    field: (p: unknown) => query(scope, coll, [...chain, ['field', p]]),
    get: () => run({ scope, coll, chain, op: 'get' }),
    count: () => run({ scope, coll, chain, op: 'count' }),
    update: (o: unknown) => run({ scope, coll, chain, op: 'update', arg: o }),
    remove: () => run({ scope, coll, chain, op: 'remove' }),
  });
  const doc = (scope: Call['scope'], coll: string, id: string) => ({
    get: () => run({ scope, coll, doc: id, chain: [], op: 'doc.get' }),
    set: (o: unknown) => run({ scope, coll, doc: id, chain: [], op: 'doc.set', arg: o }),
    update: (o: unknown) => run({ scope, coll, doc: id, chain: [], op: 'doc.update', arg: o }),
    remove: () => run({ scope, coll, doc: id, chain: [], op: 'doc.remove' }),
  });
  const collection = (scope: Call['scope'], coll: string) => ({
    ...query(scope, coll, []),
    doc: (id: string) => doc(scope, coll, id),
    add: (o: unknown) => run({ scope, coll, chain: [], op: 'add', arg: o }),
  });
  const db: SdkDatabase = {
    command,
    collection: (name) => collection('db', name),
    runTransaction: async (fn, retries) => {
      txRetries.push(retries);
      return fn({ collection: (name) => collection('tx', name) });
    },
  };
  const store: AnyStore = new CloudStore(db, noPause); // any collection name, untyped documents
  return { db, calls, txRetries, store };
}

/** The adapter's pause between transaction attempts, not waited for here. */
const noPause = async () => undefined;

const last = (calls: Call[]) => calls[calls.length - 1];
const whereOf = (call: Call) => call.chain.find((c) => c[0] === 'where')?.[1];

const missingDocError = () =>
  Object.assign(new Error('document.get:fail document with _id nobody does not exist'), {
    errCode: -1,
    errMsg: 'document.get:fail document with _id nobody does not exist',
  });
const duplicateError = () =>
  Object.assign(
    new Error(
      'collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: tnt.users index: _id_ dup key: { _id: "u1" }',
    ),
    { errCode: -502001 },
  );

describe('filters become db.command calls', () => {
  test('each comparison command, and plain values, on plain and dotted fields', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store
      .collection('things')
      .where({
        a: cmd.eq(1),
        b: cmd.neq('x'),
        c: cmd.gt(2),
        d: cmd.gte(3),
        e: cmd.lt(4),
        f: cmd.lte(5),
        g: cmd.in(['p', 'q']),
        h: cmd.nin([7]),
        i: cmd.exists(false),
        'j.k': 'plain',
        l: null,
        m: undefined,
      })
      .get();
    expect(whereOf(last(calls))).toEqual({
      a: { $op: 'eq', v: 1 },
      b: { $op: 'neq', v: 'x' },
      c: { $op: 'gt', v: 2 },
      d: { $op: 'gte', v: 3 },
      e: { $op: 'lt', v: 4 },
      f: { $op: 'lte', v: 5 },
      g: { $op: 'in', v: ['p', 'q'] },
      h: { $op: 'nin', v: [7] },
      i: { $op: 'exists', v: false },
      'j.k': 'plain',
      l: null,
    });
  });

  test('cmd.both is a field-level _.and; a plain object value is compared whole with _.eq', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store
      .collection('things')
      .where({ n: cmd.both(cmd.gte(1), cmd.lt(5)), o: { x: 1 } })
      .get();
    expect(whereOf(last(calls))).toEqual({
      n: { $op: 'and', a: [{ $op: 'gte', v: 1 }, { $op: 'lt', v: 5 }] },
      o: { $op: 'eq', v: { x: 1 } },
    });
  });

  test('cmd.and / cmd.or become _.and / _.or, nested', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store
      .collection('things')
      .where(cmd.or({ a: 1 }, cmd.and({ b: cmd.gt(2) }, { c: 3 })))
      .get();
    expect(whereOf(last(calls))).toEqual({
      $op: 'or',
      a: [{ a: 1 }, { $op: 'and', a: [{ b: { $op: 'gt', v: 2 } }, { c: 3 }] }],
    });
  });

  test('where() twice is ANDed and sent once (CloudBase where() replaces)', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store.collection('things').where({ a: 1 }).where({ b: 2 }).get();
    const wheres = last(calls).chain.filter((c) => c[0] === 'where');
    expect(wheres).toEqual([['where', { $op: 'and', a: [{ a: 1 }, { b: 2 }] }]]);
  });

  test('an empty cmd.or matches nothing, an empty cmd.and everything', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store.collection('things').where(cmd.or()).get();
    expect(whereOf(last(calls))).toEqual({ _id: { $op: 'in', v: [] } });
    await store.collection('things').where(cmd.and()).get();
    expect(whereOf(last(calls))).toEqual({});
  });

  test('bad field paths and unknown commands are refused before any call', async () => {
    const { store, calls } = fakeDb();
    await expect(store.collection('things').where({ 'a..b': 1 }).get()).rejects.toThrow(StoreError);
    await expect(store.collection('things').where({ a: { $cmd: 'regex', value: 'x' } as never }).get()).rejects.toThrow(
      /unknown filter command/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe('queries', () => {
  test('orderBy, skip, limit and field are chained; the documents are returned', async () => {
    const docs = [{ _id: 'a', n: 1 }];
    const { store, calls } = fakeDb(() => ({ data: docs }));
    const got = await store
      .collection('things')
      .where({ n: cmd.gt(0) })
      .orderBy('n', 'desc')
      .orderBy('_id', 'asc')
      .skip(20)
      .limit(10)
      .field(['n', 'meta.x'])
      .get();
    expect(got).toEqual(docs);
    expect(last(calls)).toMatchObject({ coll: 'things', op: 'get' });
    expect(last(calls).chain).toEqual([
      ['where', { n: { $op: 'gt', v: 0 } }],
      ['orderBy', 'n', 'desc'],
      ['orderBy', '_id', 'asc'],
      ['skip', 20],
      ['limit', 10],
      ['field', { n: true, 'meta.x': true }],
    ]);
  });

  test('an ordered query ends with _id in its last direction; a paged one without order is ordered by _id', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store.collection('things').orderBy('at', 'desc').limit(20).get();
    expect(last(calls).chain).toEqual([['where', {}], ['orderBy', 'at', 'desc'], ['orderBy', '_id', 'desc'], ['limit', 20]]);
    await store.collection('things').skip(100).get();
    expect(last(calls).chain).toEqual([['where', {}], ['orderBy', '_id', 'asc'], ['skip', 100], ['limit', 100]]);
    await store.collection('things').limit(1).get(); // a first match: no order needed
    expect(last(calls).chain).toEqual([['where', {}], ['limit', 1]]);
  });

  test('limit is always sent: 100 by default, capped at 100', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store.collection('things').get();
    expect(last(calls).chain).toEqual([['where', {}], ['limit', 100]]);
    await store.collection('things').limit(500).get();
    expect(last(calls).chain).toContainEqual(['limit', 100]);
    expect(() => store.collection('things').limit(0)).toThrow(StoreError);
    expect(() => store.collection('things').skip(-1)).toThrow(StoreError);
    expect(() => store.collection('things').orderBy('n', 'up' as never)).toThrow(StoreError);
  });

  test('count() is .count().total over the where only', async () => {
    const { store, calls } = fakeDb(() => ({ total: 42 }));
    const n = await store.collection('things').where({ a: 1 }).orderBy('a', 'asc').limit(5).count();
    expect(n).toBe(42);
    expect(last(calls)).toMatchObject({ op: 'count', chain: [['where', { a: 1 }]] });
  });

  test('a bad collection name is refused', () => {
    const { store } = fakeDb();
    expect(() => store.collection('Bad-Name')).toThrow(StoreError);
  });
});

describe('updates', () => {
  test('patch values: inc → _.inc, unset → _.remove(), objects wrapped in _.set, others as they are', async () => {
    const { store, calls } = fakeDb(() => ({ stats: { updated: 1 } }));
    const ok = await store.collection('things').doc('t1').update({
      n: cmd.inc(2),
      gone: cmd.unset(),
      profile: { name: '张三', tags: ['a'] },
      'address.room': '302',
      list: [{ a: 1 }],
      flag: false,
      skipped: undefined,
    });
    expect(ok).toBe(true);
    expect(last(calls)).toMatchObject({ coll: 'things', doc: 't1', op: 'doc.update' });
    expect(last(calls).arg).toEqual({
      data: {
        n: { $op: 'inc', v: 2 },
        gone: { $op: 'remove' },
        profile: { $op: 'set', v: { name: '张三', tags: ['a'] } },
        'address.room': '302',
        list: [{ a: 1 }],
        flag: false,
      },
    });
  });

  test('doc.update of a missing document is false (one extra read tells 0-updated apart)', async () => {
    const { store, calls } = fakeDb((c) => (c.op === 'doc.update' ? { stats: { updated: 0 } } : { data: null }));
    expect(await store.collection('things').doc('nobody').update({ a: 1 })).toBe(false);
    expect(calls.map((c) => c.op)).toEqual(['doc.update', 'doc.get']);
  });

  test('doc.update with an increment that updated nothing is false without a read (an increment always changes a document)', async () => {
    const { store, calls } = fakeDb((c) => (c.op === 'doc.update' ? { stats: { updated: 0 } } : { data: { _id: 'x' } }));
    expect(await store.collection('things').doc('nobody').update({ n: cmd.inc(1), a: 1 })).toBe(false);
    expect(calls.map((c) => c.op)).toEqual(['doc.update']);
    const tx = await store.transaction((t) => t.collection('things').doc('nobody').update({ n: cmd.inc(2) })).catch((e) => e);
    expect(tx).toMatchObject({ code: 'NOT_FOUND' });
    expect(calls.map((c) => c.op)).toEqual(['doc.update', 'doc.update']);
    // An increment by 0 changes nothing: then the read still decides.
    expect(await store.collection('things').doc('x').update({ n: cmd.inc(0) })).toBe(true);
  });

  test('doc.update that changed nothing on an existing document is still true', async () => {
    const { store } = fakeDb((c) => (c.op === 'doc.update' ? { stats: { updated: 0 } } : { data: { _id: 't1', a: 1 } }));
    expect(await store.collection('things').doc('t1').update({ a: 1 })).toBe(true);
  });

  test('_id cannot be patched', async () => {
    const { store, calls } = fakeDb();
    await expect(store.collection('things').doc('t1').update({ _id: 'x' })).rejects.toThrow(StoreError);
    expect(calls).toHaveLength(0);
  });

  test('where().update and where().remove act on the matching documents and return counts', async () => {
    const { store, calls } = fakeDb((c) => (c.op === 'update' ? { stats: { updated: 3 } } : { stats: { removed: 2 } }));
    const q = store.collection('things').where({ s: cmd.in(['a', 'b']) });
    expect(await q.update({ s: 'c', meta: { by: 'x' } })).toBe(3);
    expect(last(calls)).toMatchObject({
      op: 'update',
      chain: [['where', { s: { $op: 'in', v: ['a', 'b'] } }]],
      arg: { data: { s: 'c', meta: { $op: 'set', v: { by: 'x' } } } },
    });
    expect(await q.remove()).toBe(2);
    expect(last(calls)).toMatchObject({ op: 'remove', chain: [['where', { s: { $op: 'in', v: ['a', 'b'] } }]] });
  });

  test('doc.remove is stats.removed > 0', async () => {
    const { store } = fakeDb(() => ({ stats: { removed: 0 } }));
    expect(await store.collection('things').doc('nobody').remove()).toBe(false);
  });
});

describe('single documents', () => {
  test('get answers the document', async () => {
    const { store, calls } = fakeDb(() => ({ data: { _id: 't1', a: 1 } }));
    expect(await store.collection('things').doc('t1').get()).toEqual({ _id: 't1', a: 1 });
    expect(last(calls)).toMatchObject({ scope: 'db', coll: 'things', doc: 't1', op: 'doc.get' });
  });

  test('a missing document is null: { data: null } (throwOnNotFound: false) or the "does not exist" rejection', async () => {
    expect(await fakeDb(() => ({ data: null })).store.collection('users').doc('nobody').get()).toBeNull();
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
      const e = await store.collection('users').add({ _id: 'u1' }).catch((x) => x);
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
    await store.collection('users').doc('u1').set({ _id: 'other', name: '赵六', profile: { a: 1 } } as never);
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
      await tx.collection('accounts').doc('acc').update({ n: cmd.inc(1), meta: { at: 1 } });
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
