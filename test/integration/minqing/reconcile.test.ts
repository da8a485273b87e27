// The counters after a crash between a problem's write and its counters' write: they drift
// (the to-do counts no longer match the lists), and the sweep timer's reconcile, walking the
// problems written since its last run a bounded batch at a time, puts them right again.
import * as counters from '../../../server/features/minqing/counters';
import { LAG_MS, reconcileWith } from '../../../server/features/minqing/reconcile';
import { sweepPorts } from '../../../server/features/minqing/sweep';
import { makeCtx } from '../../../server/core/router';
import { setup, ADMIN, AREA, DAY, GROUP, LEAD, type Data } from './helpers';

/** What every box counter should say, counted from the problems themselves. */
async function truth(s: ReturnType<typeof setup>) {
  const problems = (await s.rt.store.collection('problems').where({}).limit(1000).get()) as Data[];
  const want = new Map<string, Record<string, number>>();
  const add = (id: string, f: string) => {
    const d = want.get(id) ?? { pending: 0, overdue: 0, done: 0 };
    d[f]++;
    want.set(id, d);
  };
  for (const p of problems) {
    const nodes = ['area', 'community', 'street', 'district'].map((l) => p.at[l]).filter(Boolean).map((n: string) => `n:${n}`);
    if (p.box === 'open') {
      add(`h:${p.hk}`, 'pending');
      if (p.overdue) {
        add(`h:${p.hk}`, 'overdue');
        if (p.wk) add(`h:${p.wk}`, 'overdue');
        for (const n of nodes) add(n, 'overdue');
      }
    } else {
      add(`h:${p.resolvedBy}`, 'done');
      for (const n of nodes) add(n, 'done');
    }
  }
  return want;
}

async function drift(s: ReturnType<typeof setup>) {
  const want = await truth(s);
  const have = (await s.rt.store.collection('mqstats').where({}).limit(1000).get()) as Data[];
  const ids = new Set([...want.keys(), ...have.map((d) => d._id as string)]);
  const off: string[] = [];
  for (const id of ids) {
    const w = want.get(id) ?? { pending: 0, overdue: 0, done: 0 };
    const h = have.find((d) => d._id === id) ?? {};
    for (const f of ['pending', 'overdue', 'done']) if ((h[f] ?? 0) !== (id.startsWith('n:') && f === 'pending' ? (h[f] ?? 0) : w[f])) off.push(`${id}.${f}: ${h[f] ?? 0} ≠ ${w[f]}`);
  }
  return off;
}

describe('民情: the counters reconciled after a crash', () => {
  afterEach(() => jest.restoreAllMocks());

  it('puts the to-do counts right after a crash between the problem’s write and the counters’ (submit, a step, the sweep)', async () => {
    const s = setup();
    const crashNext = () => jest.spyOn(counters, 'applyDeltas').mockRejectedValueOnce(new Error('killed between the writes'));
    const a = await s.report({ description: '楼道灯坏了' });
    await s.ok(LEAD, 'accept', { id: a.id });
    const b = await s.report({ description: '电动车乱停' });
    await s.ok(LEAD, 'accept', { id: b.id });
    await s.ok(LEAD, 'classify', { id: b.id, class: 'minor' });
    expect(await drift(s)).toEqual([]);

    // Killed after the problem was written, before its counters were: the reply fails, the problem moved.
    crashNext();
    expect((await s.call(LEAD, 'classify', { id: a.id, class: 'major' })).ok).toBe(false);
    expect((await s.rt.store.collection('problems').doc(a.id).get())?.hk).toBe('community:c1');
    crashNext();
    expect((await s.call('demo-resident', 'submit', { category: 'repair', description: '水管漏水' })).ok).toBe(false);
    const lost = (await s.rt.store.collection('problems').where({ description: '水管漏水' }).get())[0];
    expect(lost).toBeTruthy();
    s.clock.advance(8 * DAY);
    crashNext();
    await expect(s.ok(ADMIN, 'sweep')).rejects.toThrow();

    // The counts no longer match the lists.
    const todo = await s.ok(ADMIN, 'todo', { box: 'pending' });
    expect(todo.items.map((r: Data) => r.id)).toEqual([a.id]);
    expect(todo.counts.pending).toBe(0);
    expect(await drift(s)).not.toEqual([]);

    s.clock.advance(LAG_MS + 1);
    const run = await sweepPorts(s.rt.ports);
    expect(run.reconciled).toMatchObject({ more: false });
    expect(run.reconciled.fixed).toBeGreaterThan(0);
    expect(await drift(s)).toEqual([]);
    for (const [who, box] of [[ADMIN, 'pending'], [LEAD, 'pending'], [AREA, 'pending'], [GROUP, 'overdue'], [LEAD, 'overdue']] as const) {
      const seen = await s.ok(who, 'todo', { box });
      expect(seen.counts[box]).toBe(seen.items.length);
    }
    // Nothing off: a second run writes nothing.
    expect((await sweepPorts(s.rt.ports)).reconciled.fixed).toBe(0);
  });

  it('walks in bounded batches from where it stopped, and leaves alone what was written in the last minute', async () => {
    const s = setup();
    const ctx = () => makeCtx(s.rt.ports, { openid: null });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      jest.spyOn(counters, 'applyDeltas').mockRejectedValueOnce(new Error('killed'));
      expect((await s.call('demo-resident', 'submit', { category: 'repair', description: `第${i + 1}件事` })).ok).toBe(false);
      ids.push(((await s.rt.store.collection('problems').where({ description: `第${i + 1}件事` }).get())[0] as Data)._id);
      s.clock.advance(1000);
    }
    expect(await reconcileWith(ctx(), 2)).toMatchObject({ problems: 0, more: false }); // all younger than a minute
    s.clock.advance(LAG_MS);
    const runs: Data[] = [];
    for (let i = 0; i < 5 && (runs.length === 0 || runs[runs.length - 1].more); i++) runs.push(await reconcileWith(ctx(), 2));
    expect(runs.map((r) => r.more)).toEqual([true, true, false]);
    expect(runs.every((r) => r.problems <= 2)).toBe(true);
    expect(await drift(s)).toEqual([]);
    expect((await s.ok(LEAD, 'todo')).counts.pending).toBe(5);
  });
});
