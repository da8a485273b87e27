// The store contract: every adapter of the document-store port must pass this suite.
// Where CloudBase is looser or different, the test says so, and the adapters follow the
// stricter rule so that what passes locally also holds in the cloud.
import { cmd, MAX_LIMIT, StoreError, type AnyStore } from '../../server/store/port';

export function storeContract(name: string, open: () => Promise<{ store: AnyStore; close(): void }>) {
  describe(`store contract: ${name}`, () => {
    let store: AnyStore;
    let close: () => void;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(() => close());

    const expectStoreError = async (p: Promise<unknown>, code: string) => {
      await expect(p).rejects.toBeInstanceOf(StoreError);
      await expect(p).rejects.toMatchObject({ code });
    };

    describe('documents', () => {
      it('adds with a given _id and reads it back', async () => {
        const id = await store.collection('things').add({ _id: 'a1', name: '一号', n: 1, nested: { x: true } });
        expect(id).toBe('a1');
        expect(await store.collection('things').doc('a1').get()).toEqual({ _id: 'a1', name: '一号', n: 1, nested: { x: true } });
      });

      it('gives every add without _id a unique one', async () => {
        const ids = await Promise.all(Array.from({ length: 500 }, (_, i) => store.collection('things').add({ i })));
        expect(new Set(ids).size).toBe(500);
        expect(await store.collection('things').count()).toBe(500);
      });

      it('refuses a duplicate _id with CONFLICT and keeps the first document', async () => {
        await store.collection('things').add({ _id: 'dup', v: 1 });
        await expectStoreError(store.collection('things').add({ _id: 'dup', v: 2 }), 'CONFLICT');
        expect(await store.collection('things').doc('dup').get()).toMatchObject({ v: 1 });
      });

      it('returns null for a missing document', async () => {
        expect(await store.collection('things').doc('nope').get()).toBeNull();
      });

      it('set creates, then replaces the whole document', async () => {
        const ref = store.collection('things').doc('s1');
        await ref.set({ a: 1, b: 2 });
        await ref.set({ a: 3 });
        expect(await ref.get()).toEqual({ _id: 's1', a: 3 });
      });

      it('update patches dotted fields, replaces object values, unsets, and reports a missing document', async () => {
        const ref = store.collection('things').doc('u1');
        await ref.set({ a: 1, obj: { x: 1, y: 2 }, deep: { k: 1 }, gone: 'x' });
        expect(await ref.update({ a: 2, obj: { z: 3 }, 'deep.j': 5, gone: cmd.unset() })).toBe(true);
        expect(await ref.get()).toEqual({ _id: 'u1', a: 2, obj: { z: 3 }, deep: { k: 1, j: 5 } });
        expect(await store.collection('things').doc('missing').update({ a: 1 })).toBe(false);
        expect(await store.collection('things').doc('missing').get()).toBeNull();
      });

      it('never changes _id through update', async () => {
        await store.collection('things').add({ _id: 'fixed' });
        await expectStoreError(store.collection('things').doc('fixed').update({ _id: 'other' }), 'INVALID');
      });

      it('removes a document', async () => {
        await store.collection('things').add({ _id: 'r1' });
        expect(await store.collection('things').doc('r1').remove()).toBe(true);
        expect(await store.collection('things').doc('r1').remove()).toBe(false);
        expect(await store.collection('things').doc('r1').get()).toBeNull();
      });

      it('rejects bad field paths and collection names', async () => {
        await store.collection('things').add({ _id: 'p' });
        expect(() => store.collection('things').where({ "a'); DROP TABLE x; --": 1 })).not.toThrow();
        await expectStoreError(store.collection('things').where({ "a') OR 1=1 --": 1 }).get(), 'INVALID');
        expect(() => store.collection('bad name!')).toThrow(StoreError);
      });
    });

    describe('atomic increment', () => {
      it('counts exactly under concurrent callers', async () => {
        const ref = store.collection('counters').doc('c');
        await ref.set({ n: 0 });
        await Promise.all(Array.from({ length: 300 }, () => ref.update({ n: cmd.inc(1) })));
        await Promise.all(Array.from({ length: 50 }, () => ref.update({ n: cmd.inc(-2) })));
        expect(await ref.get()).toMatchObject({ n: 200 });
      });

      it('starts a missing number field at 0 and refuses to increment a non-number', async () => {
        const ref = store.collection('counters').doc('d');
        await ref.set({ label: 'x' });
        await ref.update({ 'votes.today': cmd.inc(3) });
        expect(await ref.get()).toMatchObject({ votes: { today: 3 } });
        await expectStoreError(ref.update({ label: cmd.inc(1) }), 'INVALID');
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        for (let i = 1; i <= 20; i++) {
          await store.collection('people').add({
            _id: `p${String(i).padStart(2, '0')}`,
            n: i,
            group: i % 3 === 0 ? 'A' : i % 3 === 1 ? 'B' : 'C',
            active: i % 2 === 0,
            at: { area: `a${i % 4}`, unit: `u${i}` },
            ...(i % 5 === 0 ? { note: null } : {}),
            ...(i % 7 === 0 ? { tag: 'seven' } : {}),
          });
        }
      });
      const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);
      const people = () => store.collection('people');

      it('filters by equality, including nested fields, booleans and _id', async () => {
        expect(await people().where({ group: 'A' }).count()).toBe(6);
        expect(await people().where({ 'at.area': 'a1', active: false }).count()).toBe(5);
        expect(ids(await people().where({ _id: 'p03' }).get())).toEqual(['p03']);
        expect(await people().where({ active: true }).count()).toBe(10);
      });

      it('filters with neq (missing fields count as not equal), in, nin', async () => {
        expect(await people().where({ tag: cmd.neq('seven') }).count()).toBe(18);
        expect(await people().where({ group: cmd.in(['A', 'C']) }).count()).toBe(13);
        expect(await people().where({ group: cmd.in([]) }).count()).toBe(0);
        expect(await people().where({ tag: cmd.nin(['seven']) }).count()).toBe(18);
      });

      it('filters with comparisons and ranges on one field', async () => {
        expect(await people().where({ n: cmd.gt(15) }).count()).toBe(5);
        expect(await people().where({ n: cmd.gte(15) }).count()).toBe(6);
        expect(await people().where({ n: cmd.lt(3) }).count()).toBe(2);
        expect(await people().where({ n: cmd.lte(3) }).count()).toBe(3);
        expect(await people().where({ n: cmd.both(cmd.gte(5), cmd.lt(8)) }).count()).toBe(3);
      });

      it('combines filters with and / or, and chained where means and', async () => {
        const either = cmd.or({ group: 'A' }, { n: cmd.lte(2) });
        expect(await people().where(either).count()).toBe(8);
        expect(await people().where(cmd.and({ group: 'A' }, { active: true })).count()).toBe(3);
        expect(await people().where(either).where({ active: true }).count()).toBe(4);
      });

      it('tells null and missing apart only with exists', async () => {
        expect(await people().where({ note: cmd.exists(true) }).count()).toBe(4);
        expect(await people().where({ tag: cmd.exists(false) }).count()).toBe(18);
        expect(await people().where({ note: null }).count()).toBe(20);
      });

      it('orders, skips and limits', async () => {
        expect(ids(await people().orderBy('n', 'desc').limit(3).get())).toEqual(['p20', 'p19', 'p18']);
        expect(ids(await people().orderBy('n', 'asc').skip(5).limit(2).get())).toEqual(['p06', 'p07']);
        const byGroup = await people().orderBy('group', 'asc').orderBy('n', 'desc').limit(7).get();
        expect(ids(byGroup)).toEqual(['p18', 'p15', 'p12', 'p09', 'p06', 'p03', 'p19']);
      });

      it('pages a list ordered by a key with ties without repeating or skipping any document (the _id tie-breaker)', async () => {
        // group has 3 values over 20 people: most sort keys tie. Pages of 3, in both directions.
        for (const dir of ['asc', 'desc'] as const) {
          const pages: string[] = [];
          for (let skip = 0; skip < 20; skip += 3) pages.push(...ids(await people().orderBy('group', dir).skip(skip).limit(3).get()));
          expect(pages).toHaveLength(20);
          expect(new Set(pages).size).toBe(20);
          const all = ids(await people().orderBy('group', dir).limit(20).get());
          expect(pages).toEqual(all);
          // Within one group the tie is broken by _id, in the direction of the last key.
          const groupA = all.filter((id) => Number(id.slice(1)) % 3 === 0);
          expect(groupA).toEqual(dir === 'asc' ? ['p03', 'p06', 'p09', 'p12', 'p15', 'p18'] : ['p18', 'p15', 'p12', 'p09', 'p06', 'p03']);
        }
        // Unordered pages are ordered by _id.
        const unordered: string[] = [];
        for (let skip = 0; skip < 20; skip += 6) unordered.push(...ids(await people().skip(skip).limit(6).get()));
        expect(new Set(unordered).size).toBe(20);
      });

      it('projects fields', async () => {
        const [doc] = await people().where({ _id: 'p07' }).field(['n', 'at.unit']).get();
        expect(doc).toEqual({ _id: 'p07', n: 7, at: { unit: 'u7' } });
      });

      it('projects a null field as null and leaves a missing one out, whatever its kind of value', async () => {
        await store.collection('shapes').add({ _id: 's1', lead: null, name: '一', list: [1, { a: 'x' }], obj: { k: [] }, flag: false, zero: 0 });
        const fields = ['lead', 'name', 'list', 'obj', 'flag', 'zero', 'missing', 'obj.k', 'obj.none'];
        expect(await store.collection('shapes').where({}).field(fields).get()).toEqual([
          { _id: 's1', lead: null, name: '一', list: [1, { a: 'x' }], obj: { k: [] }, flag: false, zero: 0 },
        ]);
        expect(await store.collection('shapes').where({}).field(['missing', 'name']).get()).toEqual([{ _id: 's1', name: '一' }]);
        expect(await store.collection('shapes').where({}).field(['lead']).get()).toEqual([{ _id: 's1', lead: null }]);
        expect(await store.collection('shapes').where({}).field(['name']).get()).toEqual([{ _id: 's1', name: '一' }]);
        expect(await store.collection('shapes').where({}).field(['obj']).get()).toEqual([{ _id: 's1', obj: { k: [] } }]);
        expect(await store.collection('shapes').where({}).field(['missing']).get()).toEqual([{ _id: 's1' }]);
      });

      it('updates and removes every matching document', async () => {
        expect(await people().where({ group: 'A' }).update({ flagged: true, n: cmd.inc(100) })).toBe(6);
        expect(await people().where({ flagged: true, n: cmd.gt(100) }).count()).toBe(6);
        expect(await people().where({ group: 'B' }).remove()).toBe(7);
        expect(await people().count()).toBe(13);
      });

      it('rejects a bad limit or skip', async () => {
        expect(() => people().limit(0)).toThrow(StoreError);
        expect(() => people().skip(-1)).toThrow(StoreError);
        expect(() => people().limit(1.5)).toThrow(StoreError);
      });
    });

    describe('limits', () => {
      // CloudBase: get() in a cloud function returns at most 100 records, whatever limit
      // asks for. The local store applies the same cap so that no code relies on more.
      it(`returns at most ${MAX_LIMIT} documents per get, even when asked for more`, async () => {
        await Promise.all(Array.from({ length: 150 }, (_, i) => store.collection('many').add({ i })));
        expect(await store.collection('many').get()).toHaveLength(MAX_LIMIT);
        expect(await store.collection('many').limit(1000).get()).toHaveLength(MAX_LIMIT);
        expect(await store.collection('many').skip(100).limit(100).get()).toHaveLength(50);
        expect(await store.collection('many').count()).toBe(150);
      });
    });

    describe('transactions', () => {
      it('commits every write together', async () => {
        await store.collection('acct').add({ _id: 'a', bal: 100 });
        await store.collection('acct').add({ _id: 'b', bal: 0 });
        const result = await store.transaction(async (tx) => {
          const a = await tx.collection('acct').doc('a').get();
          await tx.collection('acct').doc('a').update({ bal: (a!.bal as number) - 30 });
          await tx.collection('acct').doc('b').update({ bal: cmd.inc(30) });
          await tx.collection('log').add({ _id: 't1', amount: 30 });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.collection('acct').doc('a').get()).toMatchObject({ bal: 70 });
        expect(await store.collection('acct').doc('b').get()).toMatchObject({ bal: 30 });
        expect(await store.collection('log').doc('t1').get()).toMatchObject({ amount: 30 });
      });

      it('rolls back everything when the function throws', async () => {
        await store.collection('acct').add({ _id: 'a', bal: 100 });
        await expect(
          store.transaction(async (tx) => {
            await tx.collection('acct').doc('a').update({ bal: 0 });
            await tx.collection('log').add({ _id: 't2' });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.collection('acct').doc('a').get()).toMatchObject({ bal: 100 });
        expect(await store.collection('log').doc('t2').get()).toBeNull();
      });

      it('fails whole on a duplicate _id (the exactly-once idiom)', async () => {
        await store.collection('votes').add({ _id: 'v1' });
        await store.collection('cand').add({ _id: 'c', votes: 0 });
        await expectStoreError(
          store.transaction(async (tx) => {
            await tx.collection('cand').doc('c').update({ votes: cmd.inc(1) });
            await tx.collection('votes').add({ _id: 'v1' });
          }),
          'CONFLICT',
        );
        expect(await store.collection('cand').doc('c').get()).toMatchObject({ votes: 0 });
      });

      it('fails whole when updating a document that does not exist', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.collection('log').add({ _id: 'x1' });
            await tx.collection('acct').doc('ghost').update({ bal: 1 });
          }),
        ).rejects.toBeInstanceOf(StoreError);
        expect(await store.collection('log').doc('x1').get()).toBeNull();
      });

      it('sees its own writes', async () => {
        await store.transaction(async (tx) => {
          await tx.collection('acct').add({ _id: 'n', bal: 1 });
          await tx.collection('acct').doc('n').update({ bal: cmd.inc(2) });
          expect(await tx.collection('acct').doc('n').get()).toMatchObject({ bal: 3 });
          await tx.collection('acct').doc('n').remove();
          expect(await tx.collection('acct').doc('n').get()).toBeNull();
        });
        expect(await store.collection('acct').doc('n').get()).toBeNull();
      });

      it('keeps read-modify-write exact under concurrency (conflicts are retried)', async () => {
        await store.collection('acct').add({ _id: 'shared', n: 0 });
        await Promise.all(
          Array.from({ length: 100 }, () =>
            store.transaction(async (tx) => {
              const doc = await tx.collection('acct').doc('shared').get();
              await new Promise((r) => setImmediate(r)); // let others interleave
              await tx.collection('acct').doc('shared').update({ n: (doc!.n as number) + 1 });
            }),
          ),
        );
        expect(await store.collection('acct').doc('shared').get()).toMatchObject({ n: 100 });
      });

      it('runs again when a plain write changes a document it read', async () => {
        await store.collection('acct').add({ _id: 'x', n: 0 });
        let runs = 0;
        await store.transaction(async (tx) => {
          runs++;
          const doc = await tx.collection('acct').doc('x').get();
          if (runs === 1) await store.collection('acct').doc('x').update({ n: cmd.inc(10) });
          await tx.collection('acct').doc('x').update({ n: (doc!.n as number) + 1 });
        });
        expect(runs).toBe(2);
        expect(await store.collection('acct').doc('x').get()).toMatchObject({ n: 11 });
      });

      it('never lets two transactions both claim the same _id', async () => {
        await store.collection('cand').add({ _id: 'c', votes: 0 });
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            store.transaction(async (tx) => {
              await tx.collection('votes').add({ _id: 'once' });
              await new Promise((r) => setImmediate(r));
              await tx.collection('cand').doc('c').update({ votes: cmd.inc(1) });
            }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(await store.collection('cand').doc('c').get()).toMatchObject({ votes: 1 });
      });

      // CloudBase transactions hold single-document operations only (doc get/set/update/
      // remove, add): no where(), no count(). The port's transaction has nothing else.
      it('offers single-document operations only', async () => {
        await store.transaction(async (tx) => {
          const c = tx.collection('acct') as unknown as Record<string, unknown>;
          expect(typeof c.doc).toBe('function');
          expect(typeof c.add).toBe('function');
          expect(c.where).toBeUndefined();
          expect(c.count).toBeUndefined();
        });
      });
    });

    describe('operation counting', () => {
      it('counts one read or write per call', async () => {
        const before = store.stats();
        await store.collection('things').add({ _id: 'k' });
        await store.collection('things').doc('k').get();
        await store.collection('things').where({}).limit(10).get();
        await store.collection('things').count();
        await store.collection('things').doc('k').update({ a: 1 });
        const after = store.stats();
        expect(after.reads - before.reads).toBe(3);
        expect(after.writes - before.writes).toBe(2);
      });
    });
  });
}
