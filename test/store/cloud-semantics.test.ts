// The store contract against the cloud-semantics store: the real cloud adapter over a
// CloudBase emulated on SQLite (snapshot reads, write conflicts, round trips, page limits).
import { openCloudSemanticsStore } from '../../server/store/cloud-semantics';
import { cmd } from '../../server/store/port';
import { storeContract } from './contract';

storeContract('cloud semantics (no delay)', async () => {
  const store = openCloudSemanticsStore(':memory:');
  return { store, close: () => store.close() };
});

storeContract('cloud semantics (1 ms round trip)', async () => {
  const store = openCloudSemanticsStore(':memory:', { roundTripMs: 1 });
  return { store, close: () => store.close() };
});

describe('cloud semantics specifics (what CloudBase does that the local store does not)', () => {
  const open = (opts = {}) => openCloudSemanticsStore(':memory:', opts);
  const later = () => new Promise((r) => setTimeout(r, 5));

  it('reads a snapshot inside a transaction: a commit made meanwhile is not seen', async () => {
    const store = open();
    await store.collection('acct').add({ _id: 'a', n: 1 });
    const seen: unknown[] = [];
    await store.emulator.runTransaction(async (t) => {
      seen.push((await t.collection('acct').doc('a').get()).data);
      await store.collection('acct').doc('a').update({ n: 2 });
      seen.push((await t.collection('acct').doc('a').get()).data);
    }, 0);
    expect(seen).toEqual([{ _id: 'a', n: 1 }, { _id: 'a', n: 1 }]);
    expect(await store.collection('acct').doc('a').get()).toMatchObject({ n: 2 });
    store.close();
  });

  it('fails the second of two open transactions writing one document, even an increment; the first commits', async () => {
    const store = open();
    await store.collection('c').add({ _id: 'k', n: 0 });
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const first = store.emulator.runTransaction(async (t) => {
      await t.collection('c').doc('k').update({ data: { n: store.emulator.command.inc(1) } });
      await hold;
    }, 0);
    await later();
    const second = store.emulator.runTransaction((t) => t.collection('c').doc('k').update({ data: { n: store.emulator.command.inc(1) } }), 0);
    await expect(second).rejects.toMatchObject({ errCode: -501001 });
    release();
    await first;
    expect(await store.collection('c').doc('k').get()).toMatchObject({ n: 1 });
    expect(store.emulator.figures()).toMatchObject({ txRuns: 2, conflicts: 1 });
    store.close();
  });

  it('fails a transaction writing a document committed by another after its snapshot', async () => {
    const store = open();
    await store.collection('c').add({ _id: 'k', n: 0 });
    const tx = store.emulator.runTransaction(async (t) => {
      await later();
      await t.collection('c').doc('k').set({ data: { n: 10 } });
    }, 0);
    await store.collection('c').doc('k').update({ n: 5 });
    await expect(tx).rejects.toMatchObject({ errCode: -501001 });
    expect(await store.collection('c').doc('k').get()).toMatchObject({ n: 5 });
    store.close();
  });

  it('makes a plain write wait for a transaction lock, then apply after the commit', async () => {
    const store = open();
    await store.collection('c').add({ _id: 'k', n: 0 });
    const order: string[] = [];
    const tx = store.transaction(async (t) => {
      await t.collection('c').doc('k').update({ n: 100 });
      await later();
      order.push('tx');
    });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const plain = store.collection('c').doc('k').update({ n: cmd.inc(1) }).then(() => order.push('plain'));
    await Promise.all([tx, plain]);
    expect(order).toEqual(['tx', 'plain']);
    expect(await store.collection('c').doc('k').get()).toMatchObject({ n: 101 });
    expect(store.emulator.figures().blockedWrites).toBe(1);
    store.close();
  });

  it('costs one round trip per operation, and a start and a commit per transaction', async () => {
    const store = open({ roundTripMs: 3 });
    const { figures } = await store.emulator.trace(async () => {
      await store.collection('c').add({ _id: 'k', n: 0 });
      await store.collection('c').doc('k').get();
      await store.transaction(async (t) => {
        await t.collection('c').doc('k').get();
        await t.collection('c').doc('k').update({ n: cmd.inc(1) });
      });
    });
    expect(figures).toEqual({ roundTrips: 6, txRuns: 1, conflicts: 0, blockedWrites: 0 });
    const t0 = Date.now();
    await store.collection('c').doc('k').get();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2);
    store.close();
  });

  it('caps a page at the configured limit (the mini program client gets 20)', async () => {
    const store = open({ pageLimit: 20 });
    store.bulkPut('many', Array.from({ length: 30 }, (_, i) => ({ _id: `m${i}` })));
    expect(await store.collection('many').limit(100).get()).toHaveLength(20);
    expect(await store.collection('many').count()).toBe(30);
    store.close();
  });

  it('merges a plain object given to a plain update as CloudBase does (the adapter wraps ours in _.set)', async () => {
    const store = open();
    await store.collection('c').add({ _id: 'k', obj: { a: 1, b: 2 } });
    await store.emulator.collection('c').doc('k').update({ data: { obj: { b: 3 } } });
    expect(await store.collection('c').doc('k').get()).toEqual({ _id: 'k', obj: { a: 1, b: 3 } });
    await store.collection('c').doc('k').update({ obj: { z: 1 } });
    expect(await store.collection('c').doc('k').get()).toEqual({ _id: 'k', obj: { z: 1 } });
    store.close();
  });

  it('runs the SDK way: runTransaction(fn, times) retries only errors coded DATABASE_TRANSACTION_CONFLICT, times more at most', async () => {
    const store = open();
    await store.collection('c').add({ _id: 'k', n: 0 });
    let runs = 0;
    const e = await store.emulator
      .runTransaction(async (t) => {
        runs++;
        await store.collection('c').doc('k').update({ n: cmd.inc(1) }); // a plain write after the snapshot
        await t.collection('c').doc('k').update({ data: { n: 0 } });
      }, 2)
      .catch((x) => x);
    expect(e).toMatchObject({ errCode: -501001 });
    expect(runs).toBe(1); // the raw conflict error has no DATABASE_TRANSACTION_CONFLICT code: the SDK does not retry it
    let marked = 0;
    await store.emulator
      .runTransaction(async () => {
        marked++;
        throw Object.assign(new Error('conflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' });
      }, 2)
      .catch(() => undefined);
    expect(marked).toBe(3); // the adapter re-marks conflicts so: then it runs times + 1 times, without pause
    expect(await store.transaction(async (t) => (await t.collection('c').doc('k').get())?.n)).toBe(1);
    store.close();
  });
});
