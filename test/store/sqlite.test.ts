import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmd } from '../../server/store/port';
import { openSqliteStore } from '../../server/store/sqlite';
import { storeContract } from './contract';

storeContract('SQLite (in memory)', async () => {
  const store = openSqliteStore(':memory:');
  return { store, close: () => store.close() };
});

storeContract('SQLite (WAL file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-store-'));
  const store = openSqliteStore(path.join(dir, 'test.sqlite'));
  return {
    store,
    close: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store specifics', () => {
  it('uses the declared indexes for indexed lookups', () => {
    const store = openSqliteStore(':memory:');
    store.collection('households');
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "c_households" WHERE json_extract(doc, '$.unitId') = ?`)
      .all('u1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX c_households__unit_address/);
    store.close();
  });
});

describe('SQLite store document cache', () => {
  it('never serves a stale document after any kind of write', async () => {
    const store = openSqliteStore(':memory:');
    const ref = store.collection('c').doc('a');
    await store.collection('c').add({ _id: 'a', n: 1, tag: 'x' });
    expect(await ref.get()).toMatchObject({ n: 1 });
    await ref.update({ n: cmd.inc(1) });
    expect(await ref.get()).toMatchObject({ n: 2 });
    await ref.set({ n: 10 });
    expect(await ref.get()).toEqual({ _id: 'a', n: 10 });
    await store.collection('c').where({ n: 10 }).update({ n: 11 });
    expect(await ref.get()).toMatchObject({ n: 11 });
    await store.transaction(async (tx) => tx.collection('c').doc('a').update({ n: cmd.inc(1) }));
    expect(await ref.get()).toMatchObject({ n: 12 });
    store.bulkPut('c', [{ _id: 'a', n: 20 }]);
    expect(await ref.get()).toMatchObject({ n: 20 });
    await store.collection('c').where({ n: 20 }).remove();
    expect(await ref.get()).toBeNull();
    await store.collection('c').add({ _id: 'a', n: 30 });
    expect(await ref.get()).toMatchObject({ n: 30 });
    await ref.remove();
    expect(await ref.get()).toBeNull();
    store.close();
  });

  it('forgets what a failed transaction or update would have written', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('c').add({ _id: 'cand', votes: 0 });
    await store.collection('v').add({ _id: 'dup' });
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('c').doc('cand').update({ votes: cmd.inc(1) });
        await tx.collection('v').add({ _id: 'dup' });
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.collection('c').doc('cand').get()).toMatchObject({ votes: 0 });
    await store.collection('c').add({ _id: 'text', votes: 'many' });
    await expect(store.collection('c').where({}).update({ votes: cmd.inc(1) })).rejects.toMatchObject({ code: 'INVALID' });
    expect(await store.collection('c').doc('cand').get()).toMatchObject({ votes: 0 });
    store.close();
  });

  it('remembers that a document is absent only until something writes it', async () => {
    const store = openSqliteStore(':memory:');
    const ref = store.collection('c').doc('late');
    expect(await ref.get()).toBeNull();
    await store.transaction(async (tx) => {
      expect(await tx.collection('c').doc('late').get()).toBeNull();
      await tx.collection('c').add({ _id: 'late', n: 1 });
    });
    expect(await ref.get()).toMatchObject({ n: 1 });
    await ref.remove();
    expect(await ref.get()).toBeNull();
    store.bulkPut('c', [{ _id: 'late', n: 2 }]);
    expect(await ref.get()).toMatchObject({ n: 2 });
    await ref.remove();
    expect(await ref.get()).toBeNull();
    await ref.set({ n: 3 });
    expect(await ref.get()).toMatchObject({ n: 3 });
    store.close();
  });

  it('stays exact past its size bound (documents fall out and are read again)', async () => {
    const store = openSqliteStore(':memory:');
    store.bulkPut('c', Array.from({ length: 60_000 }, (_, i) => ({ _id: `d${i}`, n: i })));
    for (let i = 0; i < 60_000; i += 7) expect(((await store.collection('c').doc(`d${i}`).get()) as unknown as { n: number }).n).toBe(i);
    await store.collection('c').doc('d0').update({ n: -1 });
    for (let i = 1; i < 60_000; i += 11) await store.collection('c').doc(`d${i}`).get();
    expect(await store.collection('c').doc('d0').get()).toMatchObject({ n: -1 });
    store.close();
  });

  it('keeps a copy of the values a caller patches in, stored as JSON would store them', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('c').add({ _id: 'a' });
    const ids = ['r1', 'r2'];
    const counts = { day: 1, week: 2 };
    await store.collection('c').doc('a').update({ ids, counts, odd: [1, Number.NaN], nested: [{ x: 1 }] });
    ids.push('r3');
    counts.day = 99;
    expect(await store.collection('c').doc('a').get()).toEqual({ _id: 'a', ids: ['r1', 'r2'], counts: { day: 1, week: 2 }, odd: [1, null], nested: [{ x: 1 }] });
    store.close();
  });

  it('never freezes an object the caller handed in, even when a transaction patches the document it set', async () => {
    const store = openSqliteStore(':memory:');
    const nested = { list: [1] };
    await store.collection('c').add({ _id: 'a', old: true });
    await store.transaction(async (tx) => {
      await tx.collection('c').doc('a').set({ nested });
      await tx.collection('c').doc('a').update({ n: 1 });
    });
    expect(Object.isFrozen(nested)).toBe(false);
    nested.list.push(2);
    expect(await store.collection('c').doc('a').get()).toEqual({ _id: 'a', nested: { list: [1] }, n: 1 });
    store.close();
  });

  it('hands out frozen documents, so no caller can change what another reads', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('c').add({ _id: 'a', nested: { list: [1] } });
    const doc = (await store.collection('c').doc('a').get()) as unknown as { nested: { list: number[] } };
    expect(() => {
      doc.nested.list.push(2);
    }).toThrow(TypeError);
    expect(await store.collection('c').doc('a').get()).toEqual({ _id: 'a', nested: { list: [1] } });
    store.close();
  });
});

describe('SQLite store group commit', () => {
  const fileStore = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-store-'));
    const file = path.join(dir, 'test.sqlite');
    let store = openSqliteStore(file);
    /** What is on disk: the store closed, the file opened again. */
    const reopen = async () => {
      store.close();
      store = openSqliteStore(file);
      return store;
    };
    const close = () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { store, reopen, close };
  };

  it('acknowledges a write only once it is committed, and lets concurrent writes share one commit', async () => {
    const { store, reopen, close } = fileStore();
    store.collection('c');
    const before = store.commits;
    const writes = Array.from({ length: 100 }, (_, i) => store.collection('c').add({ _id: `d${String(i).padStart(3, '0')}`, n: i }));
    const tx = store.transaction(async (t) => t.collection('c').doc('d000').update({ n: cmd.inc(1) }));
    // Nothing is committed while the writes are pending …
    expect(store.commits).toBe(before);
    expect(store.db.inTransaction).toBe(true);
    // … and every acknowledgement comes after the one commit they share.
    const seen: number[] = [];
    await Promise.all(writes.map((w) => w.then(() => seen.push(store.commits - before))));
    await tx;
    expect(new Set(seen)).toEqual(new Set([1]));
    expect(store.db.inTransaction).toBe(false);
    const again = await reopen();
    expect(await again.collection('c').count()).toBe(100);
    expect(await again.collection('c').doc('d000').get()).toMatchObject({ n: 1 });
    close();
  });

  it('writes a batch\'s updates of one document back once, and lets queries see them before', async () => {
    const { store, reopen, close } = fileStore();
    await store.collection('c').add({ _id: 'hot', n: 0 });
    const bumps = Array.from({ length: 100 }, () => store.collection('c').doc('hot').update({ n: cmd.inc(1) }));
    // A query in the same turn sees the updates still waiting in the batch.
    expect(await store.collection('c').where({ n: 100 }).count()).toBe(1);
    await Promise.all(bumps);
    expect(store.db.inTransaction).toBe(false);
    expect(await (await reopen()).collection('c').doc('hot').get()).toMatchObject({ n: 100 });
    close();
  });

  it('writes pending updates out only for the collection a query reads, so other hot documents stay coalesced', async () => {
    const { store, close } = fileStore();
    await store.collection('c').add({ _id: 'hot', n: 0 });
    await store.collection('other').add({ _id: 'x', n: 1 });
    const row = () => JSON.parse((store.db.prepare(`SELECT doc FROM "${store.table('c')}" WHERE _id = 'hot'`).get() as { doc: string }).doc).n;
    const bumps = Array.from({ length: 10 }, () => store.collection('c').doc('hot').update({ n: cmd.inc(1) }));
    expect(await store.collection('other').where({ n: 1 }).count()).toBe(1);
    expect(row()).toBe(0);
    expect(await store.collection('c').where({ n: 10 }).count()).toBe(1);
    expect(row()).toBe(10);
    await Promise.all(bumps);
    close();
  });

  it('lets one process only open the file (the document cache is exact because of it)', () => {
    const { store, close } = fileStore();
    store.collection('c');
    const second = new Database(store.db.name, { timeout: 50 });
    expect(() => second.prepare('SELECT count(*) FROM c_c').get()).toThrow(/locked/);
    second.close();
    close();
  });

  it('runs a transaction again when a plain write replaces a document it read while an update of it was still pending', async () => {
    const store = openSqliteStore(':memory:');
    const ref = store.collection('c').doc('a');
    await store.collection('c').add({ _id: 'a', n: 0 });
    const bump = ref.update({ n: cmd.inc(1) }); // held in the batch, not yet in its row
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const tx = store.transaction(async (t) => {
      const d = (await t.collection('c').doc('a').get()) as unknown as { n: number };
      await gate;
      await t.collection('c').doc('a').update({ n: d.n + 10 });
    });
    await Promise.resolve();
    await Promise.resolve();
    const replace = ref.set({ n: 100 });
    open();
    await Promise.all([bump, tx, replace]);
    expect(await ref.get()).toMatchObject({ n: 110 });
    store.close();
  });

  it('keeps an earlier update of the batch when a later multi-document update fails halfway', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('c').add({ _id: 'a', n: 1 });
    await store.collection('c').add({ _id: 'b', n: 'text' });
    const first = store.collection('c').doc('a').update({ n: cmd.inc(1) });
    const all = expect(store.collection('c').where({}).update({ n: cmd.inc(1) })).rejects.toMatchObject({ code: 'INVALID' });
    await first;
    await all;
    expect(await store.collection('c').doc('a').get()).toMatchObject({ n: 2 });
    expect(await store.collection('c').where({ n: 2 }).count()).toBe(1);
    store.close();
  });

  it('fails every write of a batch whose commit fails, and serves none of them afterwards', async () => {
    const { store, reopen, close } = fileStore();
    await store.collection('c').add({ _id: 'kept', n: 1 });
    const internals = store as unknown as { commitBatch: { run(): unknown } };
    const real = internals.commitBatch;
    internals.commitBatch = {
      run() {
        throw new Error('disk I/O error');
      },
    };
    const a = store.collection('c').add({ _id: 'lost', n: 1 });
    const b = store.collection('c').doc('kept').update({ n: cmd.inc(1) });
    const t = store.transaction(async (tx) => tx.collection('c').doc('kept').update({ n: cmd.inc(10) }));
    await expect(a).rejects.toThrow('disk I/O error');
    await expect(b).rejects.toThrow('disk I/O error');
    await expect(t).rejects.toThrow('disk I/O error');
    internals.commitBatch = real;
    expect(await store.collection('c').doc('lost').get()).toBeNull();
    expect(await store.collection('c').doc('kept').get()).toMatchObject({ n: 1 });
    // The store goes on working.
    await store.collection('c').doc('kept').update({ n: cmd.inc(1) });
    expect(await store.collection('c').doc('kept').get()).toMatchObject({ n: 2 });
    const again = await reopen();
    expect((await again.collection('c').get()).map((d) => [d._id, d.n])).toEqual([['kept', 2]]);
    close();
  });
});
