// 民情 stories 1, 3 and 8 on the server: report, routing (三事分流), accept/classify, the timeline,
// 我的反映 and the to-do boxes with counts.
import { setup, AREA, ADMIN, DEPT, GROUP, HOUR, LEAD, LEAD2, NEWCOMER, RESIDENT } from './helpers';

describe('民情: report and routing', () => {
  it('goes to the 邻长 of the resident’s 邻, who sees it in 待处理 with the count', async () => {
    const { ok, report } = setup();
    const p = await report();
    expect(p).toMatchObject({ status: 'pending', class: null, handler: { level: 'unit', id: 'u1', name: '朱建国' }, place: '1栋1单元101', unitName: '1栋1单元邻' });
    expect(p.number).toMatch(/^MQ\d{8}[0-9A-Z]{4}$/);
    const todo = await ok(LEAD, 'todo', { box: 'pending' });
    expect(todo.items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    expect(todo.counts).toEqual({ pending: 1, overdue: 0, done: 0 });
    expect((await ok(LEAD2, 'todo', { box: 'pending' })).items).toEqual([]);
    expect((await ok(RESIDENT, 'mine')).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    expect(await ok(RESIDENT, 'counts')).toEqual({ todo: null, mineOpen: 1, unread: 0 });
  });

  it('goes to the 组长 when the 邻长 is away, and to the 片长 when the 组 has none serving either', async () => {
    const { rt, report } = setup();
    await rt.store.collection('nodes').doc('u1').update({ 'lead.away': { status: 'away', since: 0, reason: '外出务工' } });
    const p = await report();
    expect(p.handler).toMatchObject({ level: 'group', id: 'g1' });
    await rt.store.collection('nodes').doc('g1').update({ lead: null });
    expect((await report({}, RESIDENT)).handler).toMatchObject({ level: 'area', id: 'a1' });
  });

  it('answers a report with the timeline as stored (written, not read back)', async () => {
    const { ok } = setup();
    const sent = await ok(RESIDENT, 'submit', { category: 'repair', description: '楼道灯坏了', urgent: true });
    const again = await ok(RESIDENT, 'get', { id: sent.problem.id });
    expect(sent.timeline).toEqual(again.timeline);
    expect(sent).toEqual(again);
  });

  it('lets a resident with no household report against the card they scanned, and refuses without one', async () => {
    const { call, report } = setup();
    const r = await call(NEWCOMER, 'submit', { category: 'repair', description: '电梯异响' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const p = await report({ unitId: 'u2' }, NEWCOMER);
    expect(p).toMatchObject({ handler: { level: 'unit', id: 'u2' }, place: expect.any(String) });
  });

  it('accepts and classifies: 私事 stays, 小事 goes to the 片长, 大事 to the 社区; each step on the timeline and in 消息', async () => {
    const { ok, report } = setup();
    const a = await report({ description: '水管滴水' });
    await ok(LEAD, 'accept', { id: a.id, note: '马上来' });
    const personal = await ok(LEAD, 'classify', { id: a.id, class: 'personal' });
    expect(personal.problem).toMatchObject({ status: 'handling', class: 'personal', handler: { level: 'unit' } });
    expect(personal.can).toEqual(expect.arrayContaining(['progress', 'resolve', 'reclassify']));

    const b = await report({ description: '小区门口电动车乱停' });
    await ok(LEAD, 'accept', { id: b.id });
    const minor = await ok(LEAD, 'classify', { id: b.id, class: 'minor' });
    expect(minor.problem.handler).toMatchObject({ level: 'area', id: 'a1' });
    expect(minor.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'accepted', 'classified', 'routed']);
    expect((await ok(AREA, 'todo', { box: 'pending' })).items.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect((await ok(LEAD, 'todo', { box: 'pending' })).counts.pending).toBe(1);

    const c = await report({ description: '屋面漏水' });
    await ok(LEAD, 'accept', { id: c.id });
    const major = await ok(LEAD, 'classify', { id: c.id, class: 'major' });
    expect(major.problem.handler).toMatchObject({ level: 'community', id: 'c1' });
    expect((await ok(ADMIN, 'todo', { box: 'pending' })).items.map((r: { id: string }) => r.id)).toEqual([c.id]);
    const assigned = await ok(ADMIN, 'assign', { id: c.id, departmentId: 'dep1', note: '请协调' });
    expect(assigned.problem).toMatchObject({ handler: { level: 'department', id: 'dep1' }, department: { id: 'dep1' } });
    expect((await ok(DEPT, 'todo', { box: 'pending' })).items.map((r: { id: string }) => r.id)).toEqual([c.id]);

    const inbox = await ok(RESIDENT, 'inbox');
    expect(inbox.unread).toBe(inbox.items.length);
    expect(inbox.items.length).toBeGreaterThanOrEqual(6);
    expect(inbox.items[0].title).toContain(c.number);
    expect((await ok(RESIDENT, 'readInbox')).unread).toBe(0);
  });

  it('needs a reason to reclassify, and only the holder may act', async () => {
    const { ok, call, report } = setup();
    const p = await report();
    expect(await call(GROUP, 'accept', { id: p.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(LEAD, 'classify', { id: p.id, class: 'minor' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'personal' });
    expect(await call(LEAD, 'reclassify', { id: p.id, class: 'major' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const re = await ok(LEAD, 'reclassify', { id: p.id, class: 'major', reason: '涉及整栋楼的管道' });
    expect(re.timeline.slice(-2)).toMatchObject([{ kind: 'reclassified', class: 'major', note: '涉及整栋楼的管道' }, { kind: 'routed', to: { level: 'community' } }]);
    expect(await call(LEAD, 'progress', { id: p.id, note: '继续跟进' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pages 我的反映 with a cursor: every problem once, in order, whatever the page size', async () => {
    const { ok, report, clock } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await report({ description: `问题${i}` })).id);
      if (i % 3 !== 0) clock.advance(HOUR); // some share a millisecond
      if (i === 4) clock.advance(2 * HOUR); // the rate limit's window
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(RESIDENT, 'mine', { pageSize: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r: { id: string }) => r.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    const all = (await ok(RESIDENT, 'mine', { pageSize: 50 })).items.map((r: { id: string; createdAt: number }) => r);
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first; within one millisecond the id decides.
    for (let i = 1; i < all.length; i++) expect(all[i - 1].createdAt).toBeGreaterThanOrEqual(all[i].createdAt);
  });
});
