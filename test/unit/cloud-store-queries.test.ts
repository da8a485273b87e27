// CloudStore against the fake of wx-server-sdk's database (cloud-store-fake.ts): filters, queries and updates become the right CloudBase calls.
import { cmd, StoreError } from '../../server/store/port';
import { fakeDb, last, whereOf } from './cloud-store-fake';

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
      n: {
        $op: 'and',
        a: [
          { $op: 'gte', v: 1 },
          { $op: 'lt', v: 5 },
        ],
      },
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
    await expect(
      store
        .collection('things')
        .where({ a: { $cmd: 'regex', value: 'x' } as never })
        .get(),
    ).rejects.toThrow(/unknown filter command/);
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
    expect(last(calls).chain).toEqual([
      ['where', {}],
      ['orderBy', 'at', 'desc'],
      ['orderBy', '_id', 'desc'],
      ['limit', 20],
    ]);
    await store.collection('things').skip(100).get();
    expect(last(calls).chain).toEqual([
      ['where', {}],
      ['orderBy', '_id', 'asc'],
      ['skip', 100],
      ['limit', 100],
    ]);
    await store.collection('things').limit(1).get(); // a first match: no order needed
    expect(last(calls).chain).toEqual([
      ['where', {}],
      ['limit', 1],
    ]);
  });

  test('limit is always sent: 100 by default, capped at 100', async () => {
    const { store, calls } = fakeDb(() => ({ data: [] }));
    await store.collection('things').get();
    expect(last(calls).chain).toEqual([
      ['where', {}],
      ['limit', 100],
    ]);
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
    const ok = await store
      .collection('things')
      .doc('t1')
      .update({
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
    expect(
      await store
        .collection('things')
        .doc('nobody')
        .update({ n: cmd.inc(1), a: 1 }),
    ).toBe(false);
    expect(calls.map((c) => c.op)).toEqual(['doc.update']);
    const tx = await store
      .transaction((t) =>
        t
          .collection('things')
          .doc('nobody')
          .update({ n: cmd.inc(2) }),
      )
      .catch((e) => e);
    expect(tx).toMatchObject({ code: 'NOT_FOUND' });
    expect(calls.map((c) => c.op)).toEqual(['doc.update', 'doc.update']);
    // An increment by 0 changes nothing: then the read still decides.
    expect(
      await store
        .collection('things')
        .doc('x')
        .update({ n: cmd.inc(0) }),
    ).toBe(true);
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
