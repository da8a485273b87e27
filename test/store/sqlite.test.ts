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
