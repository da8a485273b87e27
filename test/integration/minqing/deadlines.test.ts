// Deadlines on the injected clock: past each one the sweep flags the problem overdue and it is
// listed for the one above (组长 → 片长 → 管理员 → 镇街), who may 督办; 紧急 tells the chain at once.
// Back to the resident: resolve → confirm and rate; 1–2 stars reopen one level up; 7 days
// without an answer close it as 默认满意.
import { grantRole, revokeRole } from '../../../server/domain/grants';
import { T0 } from '../runtime';
import { setup, ADMIN, AREA, DAY, GROUP, HOUR, LEAD, RESIDENT } from './helpers';

describe('民情: deadlines and 督办', () => {
  it('flags a problem not accepted in 24 h overdue, for the 邻长 and the 组长 above, who may 督办', async () => {
    const { ok, call, report, clock } = setup();
    const p = await report();
    clock.advance(23 * HOUR);
    expect(await ok(ADMIN, 'sweep')).toEqual({ overdue: 0, autoClosed: 0, more: false });
    clock.advance(2 * HOUR);
    expect(await ok(ADMIN, 'sweep')).toEqual({ overdue: 1, autoClosed: 0, more: false });
    expect((await ok(ADMIN, 'sweep')).overdue).toBe(0); // once
    const seen = await ok(GROUP, 'todo', { box: 'overdue' });
    expect(seen.items).toMatchObject([{ id: p.id, overdue: true, overdueKind: 'accept' }]);
    expect(seen.counts).toEqual({ pending: 0, overdue: 1, done: 0 });
    expect((await ok(LEAD, 'todo', { box: 'overdue' })).counts).toEqual({ pending: 1, overdue: 1, done: 0 });
    expect((await ok(AREA, 'todo', { box: 'overdue' })).items).toEqual([]);
    expect((await ok(ADMIN, 'list', { overdue: true })).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    // The 邻长 and the 组长 heard of it.
    expect((await ok(LEAD, 'inbox')).items[0].title).toContain('受理超时');
    expect((await ok(GROUP, 'inbox')).items[0].title).toContain('受理超时');
    // 督办 by the one above, not by the holder or a resident.
    clock.advance(60_000);
    expect(await call(LEAD, 'urge', { id: p.id, note: '请尽快' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const urged = await ok(GROUP, 'urge', { id: p.id, note: '请今天之内联系居民' });
    expect(urged.timeline.slice(-2)).toMatchObject([{ kind: 'overdue' }, { kind: 'urged', note: '请今天之内联系居民', by: { role: 'groupLead' } }]);
    expect((await ok(LEAD, 'inbox')).items[0].body).toContain('请今天之内联系居民');
    // Accepting late clears the accept flag: the resolve deadline is ahead.
    await ok(LEAD, 'accept', { id: p.id });
    expect((await ok(GROUP, 'todo', { box: 'overdue' })).counts.overdue).toBe(0);
  });

  it('uses each class’s resolve deadline from submission (私事 3 d, 小事 7 d, 大事 15 d), and lists it for the one above', async () => {
    const { ok, report, clock } = setup();
    const cases = [
      { cls: 'personal', days: 3, above: GROUP },
      { cls: 'minor', days: 7, above: ADMIN },
      { cls: 'major', days: 15, above: null },
    ] as const;
    for (const c of cases) {
      const t0 = clock.now();
      const p = await report({ description: `${c.cls}的问题` });
      await ok(LEAD, 'accept', { id: p.id });
      const r = await ok(LEAD, 'classify', { id: p.id, class: c.cls });
      expect(r.problem.dueAt).toBe(t0 + c.days * DAY);
      clock.set(t0 + c.days * DAY - 1);
      expect((await ok(ADMIN, 'sweep')).overdue).toBe(0);
      clock.set(t0 + c.days * DAY + 1);
      expect((await ok(ADMIN, 'sweep')).overdue).toBe(1);
      const got = await ok(ADMIN, 'get', { id: p.id });
      expect(got.problem).toMatchObject({ overdue: true, overdueKind: 'resolve' });
      if (c.above) expect((await ok(c.above, 'todo', { box: 'overdue' })).items.map((x: { id: string }) => x.id)).toContain(p.id);
      clock.advance(3 * HOUR);
    }
  });

  it('takes a 社区’s own deadlines', async () => {
    const { ok, report, clock } = setup();
    await ok(ADMIN, 'setDeadlines', { deadlines: { acceptHours: 4, urgentAcceptHours: 1, personalDays: 1, minorDays: 2, majorDays: 5, confirmDays: 3 } });
    const p = await report();
    expect(p.dueAt).toBe(clock.now() + 4 * HOUR);
    expect((await ok(LEAD, 'deadlines')).deadlines.acceptHours).toBe(4);
  });

  it('tells the whole chain of a 紧急 one at once, the 社区 管理员 too, and flags it after 2 h', async () => {
    const { rt, ok, report, clock } = setup();
    clock.advance(37 * 60_000);
    const submittedAt = clock.now();
    const p = await report({ urgent: true, description: '楼道里有煤气味' });
    expect(p.dueAt).toBe(submittedAt + 2 * HOUR);
    // At the moment of the report, not at the next sweep: same clock reading, nothing advanced.
    for (const who of [LEAD, GROUP, AREA, ADMIN]) {
      expect((await ok(who, 'inbox')).items[0]).toMatchObject({ problemId: p.id, title: expect.stringContaining('紧急'), at: submittedAt, read: false });
    }
    const sent = rt.ports.notifier.sent.filter((m) => m.data.character_string1?.value === p.number);
    expect(sent.map((m) => m.touser).sort()).toEqual([ADMIN, AREA, GROUP, LEAD].sort());
    expect(sent.every((m) => m.page === `minqing/detail?id=${p.id}`)).toBe(true);
    for (const m of sent) for (const [k, v] of Object.entries(m.data)) if (k.startsWith('thing')) expect([...v.value].length).toBeLessThanOrEqual(20);
    clock.advance(2 * HOUR + 1);
    expect((await ok(ADMIN, 'sweep')).overdue).toBe(1);
  });
});

describe('民情: who hears of a 紧急 report', () => {
  it('follows the 社区’s 管理员 as they are given the role and as it is taken back; a plain report tells no one above', async () => {
    const { rt, ok, report } = setup();
    const plain = await report({ description: '楼道灯坏了' });
    for (const who of [GROUP, AREA, ADMIN]) expect((await ok(who, 'inbox')).items).toEqual([]);
    expect(rt.ports.notifier.sent.filter((m) => m.data.character_string1?.value === plain.number)).toEqual([]);

    const grant = { role: 'admin' as const, nodeId: 'c1', nodeName: '幸福里社区', level: 'community' as const };
    await grantRole(rt.store, 'new-admin', grant, T0);
    const first = await report({ urgent: true, description: '电梯困人' });
    expect((await ok('new-admin', 'inbox')).items[0]).toMatchObject({ problemId: first.id });
    await revokeRole(rt.store, 'new-admin', grant);
    expect((await rt.store.collection('nodes').doc('c1').get())?.admins).toEqual([ADMIN]);
    const second = await report({ urgent: true, description: '楼道有烟' });
    expect((await ok(ADMIN, 'inbox')).items[0]).toMatchObject({ problemId: second.id });
    expect(rt.ports.notifier.sent.filter((m) => m.data.character_string1?.value === second.number).map((m) => m.touser)).not.toContain('new-admin');
  });
});

describe('民情: back to the resident', () => {
  it('resolves, and 1–2 stars reopen it one level up; 3 and more close it', async () => {
    const { ok, call, report } = setup();
    const p = await report();
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'personal' });
    expect(await call(RESIDENT, 'rate', { id: p.id, stars: 5 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const resolved = await ok(LEAD, 'resolve', { id: p.id, note: '已更换灯泡' });
    expect(resolved.problem.status).toBe('resolved');
    expect((await ok(LEAD, 'todo', { box: 'done' })).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    const mine = await ok(RESIDENT, 'get', { id: p.id });
    expect(mine.can).toEqual(['rate']);
    expect(await call(LEAD, 'rate', { id: p.id, stars: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const low = await ok(RESIDENT, 'rate', { id: p.id, stars: 2, comment: '灯还是不亮' });
    expect(low.problem).toMatchObject({ status: 'pending', handler: { level: 'group', id: 'g1' }, rating: { stars: 2, auto: false } });
    expect(low.timeline.slice(-2)).toMatchObject([{ kind: 'rated', stars: 2 }, { kind: 'reopened', to: { level: 'group' } }]);
    expect((await ok(GROUP, 'todo', { box: 'pending' })).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    expect((await ok(LEAD, 'todo', { box: 'done' })).counts.done).toBe(0);
    await ok(GROUP, 'accept', { id: p.id });
    await ok(GROUP, 'resolve', { id: p.id, note: '更换了线路' });
    const closed = await ok(RESIDENT, 'rate', { id: p.id, stars: 4 });
    expect(closed.problem).toMatchObject({ status: 'closed', rating: { stars: 4, auto: false } });
    expect(await call(RESIDENT, 'rate', { id: p.id, stars: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const s = await ok(ADMIN, 'stats', { nodeId: 'a1' });
    expect(s.node.rates).toMatchObject({ received: 2, accepted: 2, resolved: 2, rated: 2, satisfied: 1, satisfactionRate: 0.5 });
  });

  it('closes as 默认满意 after 7 days without an answer, and says so', async () => {
    const { ok, report, clock } = setup();
    const p = await report();
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'resolve', { id: p.id, note: '已处理' });
    clock.advance(7 * DAY - 1000);
    expect((await ok(ADMIN, 'sweep')).autoClosed).toBe(0);
    clock.advance(2000);
    expect((await ok(ADMIN, 'sweep')).autoClosed).toBe(1);
    const got = await ok(RESIDENT, 'get', { id: p.id });
    expect(got.problem).toMatchObject({ status: 'closed', rating: { auto: true, comment: '默认满意' } });
    expect(got.timeline[got.timeline.length - 1]).toMatchObject({ kind: 'autoClosed' });
    expect((await ok(RESIDENT, 'inbox')).items[0].body).toContain('默认满意');
  });

  it('keeps 响应率, 按期办结率 and 满意率 per handler and per 片 from the counters', async () => {
    const { ok, report, clock } = setup();
    const a = await report({ description: '一' });
    const b = await report({ description: '二' });
    await ok(LEAD, 'accept', { id: a.id });
    clock.advance(25 * HOUR);
    await ok(LEAD, 'accept', { id: b.id }); // late
    await ok(LEAD, 'resolve', { id: a.id, note: '好了' });
    await ok(RESIDENT, 'rate', { id: a.id, stars: 5 });
    const area = await ok(AREA, 'stats', {});
    expect(area.node).toMatchObject({ id: 'a1', rates: { received: 2, accepted: 2, acceptedInTime: 1, responseRate: 0.5, resolved: 1, resolvedInTime: 1, onTimeRate: 1, satisfactionRate: 1 } });
    expect(area.areas).toMatchObject([{ id: 'a1' }]);
    const community = await ok(ADMIN, 'stats', {});
    expect(community.areas.map((r: { id: string }) => r.id)).toEqual(['a1', 'a2', 'a3']);
    expect(community.areas[1].rates.responseRate).toBeNull();
    const group = await ok(GROUP, 'stats', {});
    expect(group.handlers.find((h: { id: string }) => h.id === 'u1').rates).toMatchObject({ received: 2, acceptedInTime: 1 });
  });
});
