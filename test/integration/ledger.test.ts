// 居民信息账: the 邻长 sees their households; 组长/片长 see aggregates; nobody else sees details.
import type { NodeDoc } from '../../server/domain/docs';
import { demoRuntime } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const visit = { action: 'visit', householdId: 'h2', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true };

describe('ledger', () => {
  it('a 邻长 lists their households with people and masked phones, paged', async () => {
    const rt = demoRuntime();
    const page1 = data(await rt.call('ledger', { action: 'households', pageSize: 5 }, 'demo-neighbour-lead'));
    expect(page1.unit).toMatchObject({ id: 'u1' });
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBeGreaterThan(10);
    const own = page1.items.find((i: any) => i.address === '1栋1单元101');
    expect(own).toMatchObject({ bound: true, phoneMasked: '139****9999', people: expect.any(Number) });
    const page3 = data(await rt.call('ledger', { action: 'households', page: 3, pageSize: 5 }, 'demo-neighbour-lead'));
    expect(page3.items.map((i: any) => i.id)).not.toContain(page1.items[0].id);
    rt.close();
  });

  it('a 邻长 of two 邻 is told both and reads each one’s households', async () => {
    const rt = demoRuntime();
    const { code } = data(await rt.call('roster', { action: 'invite', nodeId: 'u2' }, 'demo-admin'));
    data(await rt.call('account', { action: 'claim', code }, 'demo-neighbour-lead'));
    const first = data(await rt.call('ledger', { action: 'households' }, 'demo-neighbour-lead'));
    expect(first.unit.id).toBe('u1');
    expect(first.mine.map((u: { id: string }) => u.id)).toEqual(['u1', 'u2']);
    const second = data(await rt.call('ledger', { action: 'households', unitId: 'u2' }, 'demo-neighbour-lead'));
    expect(second.unit.id).toBe('u2');
    expect(second.items[0]).toHaveProperty('people'); // their own 邻: the details
    rt.close();
  });

  it('a 组长 sees the visit status of a unit in their group but no personal details', async () => {
    const rt = demoRuntime();
    const list = data(await rt.call('ledger', { action: 'households', unitId: 'u1' }, 'demo-group-lead'));
    expect(list.items.length).toBeGreaterThan(0);
    for (const row of list.items) {
      expect(row.people).toBeUndefined();
      expect(row.phoneMasked).toBeUndefined();
    }
    rt.close();
  });

  it('refuses household details to another 邻长, to a 组长, to residents and to anonymous callers', async () => {
    const rt = demoRuntime();
    expect(await rt.call('ledger', { action: 'household', id: 'h1' }, 'demo-neighbour-lead-2')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await rt.call('ledger', { action: 'household', id: 'h1' }, 'demo-group-lead')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await rt.call('ledger', { action: 'household', id: 'h1' }, 'demo-resident')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await rt.call('ledger', { action: 'household', id: 'h1' }, null)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await rt.call('ledger', { action: 'households', unitId: 'u1' }, 'demo-neighbour-lead-2')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await rt.call('ledger', visit, 'demo-neighbour-lead-2')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const detail = data(await rt.call('ledger', { action: 'household', id: 'h1' }, 'demo-neighbour-lead'));
    expect(detail.phone).toBe('13900009999');
    rt.close();
  });

  it('records a 五个一 visit; a complete first visit moves the visited counts up the tree once', async () => {
    const rt = demoRuntime();
    const area = async () => ((await rt.store.collection('nodes').doc('a1').get()) as NodeDoc).stats.visited;
    const before = await area();
    const v = data(await rt.call('ledger', visit, 'demo-neighbour-lead')).visit;
    expect(v.items.met).toBe(true);
    data(await rt.call('ledger', visit, 'demo-neighbour-lead'));
    expect(await area()).toBe(before + 1);
    const summary = data(await rt.call('ledger', { action: 'summary' }, 'demo-area-lead'));
    expect(summary.node).toMatchObject({ id: 'a1', level: 'area' });
    expect(summary.children.map((c: any) => c.id)).toEqual(['g1', 'g2', 'g3']);
    expect(summary.children[0].stats.visited).toBe(1);
    const unvisited = data(await rt.call('ledger', { action: 'households', onlyUnvisited: true, pageSize: 50 }, 'demo-neighbour-lead'));
    expect(unvisited.items.map((i: any) => i.id)).not.toContain('h2');
    rt.close();
  });

  it('rejects visit notes that fail the content check, storing nothing', async () => {
    const rt = demoRuntime();
    const writes = rt.store.stats().writes;
    expect(await rt.call('ledger', { ...visit, problems: '有人在楼下赌博' }, 'demo-neighbour-lead')).toMatchObject({
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('keeps summaries inside the caller’s subtree', async () => {
    const rt = demoRuntime();
    expect(await rt.call('ledger', { action: 'summary', nodeId: 'a2' }, 'demo-area-lead')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await rt.call('ledger', { action: 'summary', nodeId: 'g4' }, 'demo-group-lead')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(data(await rt.call('ledger', { action: 'summary', nodeId: 'c1' }, 'demo-admin')).children).toHaveLength(3);
    rt.close();
  });
});
