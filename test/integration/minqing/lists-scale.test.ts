// The 民情 lists cost the same whatever the number of problems: each is one indexed query
// (SQLite's plan uses the declared index and sorts nothing), and a call's store reads are
// the same at 40 problems and at 2,000.
import { fieldExpr } from '../../../server/store/sqlite-query';
import { openSqliteStore } from '../../../server/store/sqlite';
import { setup, type Action, type In, LEAD, RESIDENT, AREA, HOUR } from './helpers';

const plan = (sql: string, ...params: unknown[]) => {
  const store = openSqliteStore(':memory:');
  store.collection('problems');
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  store.close();
  return rows.map((r) => r.detail).join(' | ');
};
const f = fieldExpr;

describe('民情 lists: indexed, and as cheap at any size', () => {
  it('reads the to-do, 我的反映 and the 管理员 list through their indexes, with no sort step', () => {
    const todo = plan(`SELECT doc FROM "c_problems" WHERE ${f('hk')} = ? AND ${f('box')} = ? AND ${f('dk')} > ? ORDER BY ${f('dk')} ASC LIMIT 20`, 'unit:u1', 'open', '0');
    expect(todo).toMatch(/USING INDEX c_problems__holder_open_due/);
    const mine = plan(`SELECT doc FROM "c_problems" WHERE ${f('by')} = ? ORDER BY ${f('ck')} DESC LIMIT 20`, 'x');
    expect(mine).toMatch(/USING INDEX c_problems__reporter/);
    const admin = plan(`SELECT doc FROM "c_problems" WHERE ${f('at.community')} = ? AND ${f('ck')} < ? ORDER BY ${f('ck')} DESC LIMIT 20`, 'c1', '9');
    expect(admin).toMatch(/USING INDEX c_problems__community/);
    for (const p of [todo, mine, admin]) expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('costs a 邻长’s to-do and a resident’s 我的反映 the same reads at 40 and at 2,000 problems', async () => {
    const { rt, ok, clock } = setup();
    const readsOf = async <A extends Action>(who: string, action: A, input: In<A>) => {
      const before = rt.store.stats().reads;
      await ok(who, action, input);
      return rt.store.stats().reads - before;
    };
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        // Other residents (no household: the card of u2…u9) and the demo resident at u1.
        const who = i % 5 === 0 ? RESIDENT : `demo-scale-${i % 97}`;
        await ok(who, 'submit', { unitId: `u${1 + (i % 9)}`, category: 'repair', description: `问题${i}` });
        if (i % 40 === 39) clock.advance(2 * HOUR); // past the hourly report limit
      }
    };
    await fill(40);
    const small = [await readsOf(LEAD, 'todo', { box: 'pending' }), await readsOf(RESIDENT, 'mine', {}), await readsOf(AREA, 'todo', { box: 'overdue' })];
    await fill(1960);
    const large = [await readsOf(LEAD, 'todo', { box: 'pending' }), await readsOf(RESIDENT, 'mine', {}), await readsOf(AREA, 'todo', { box: 'overdue' })];
    expect(await rt.store.collection('problems').count()).toBe(2000);
    expect(large).toEqual(small);
    expect(small[0]).toBe(3); // the caller, one page, the holder's counter
  }, 120_000);

  it('writes a bounded number of documents per report: 5, or 6 when the caller’s hourly rate window is new', async () => {
    const { rt, ok } = setup();
    const writesOf = async (who: string, unitId: string) => {
      const before = rt.store.stats().writes;
      await ok(who, 'submit', { unitId, category: 'repair', description: '楼道灯坏了' });
      return rt.store.stats().writes - before;
    };
    await writesOf('demo-first', 'u2'); // the first ever at u2 and its 片: counters created
    expect(await writesOf('demo-writes', 'u2')).toBe(6);
    expect(await writesOf('demo-writes', 'u2')).toBe(5);
    expect(await writesOf('demo-writes', 'u2')).toBe(5);
  });
});
