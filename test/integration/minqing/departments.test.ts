// 部门 accounts: a 管理员 gives a 部门's staff a one-time binding code; whoever enters it sees
// only what is handed to that 部门, until the 管理员 takes the role back.
// A 部门 gives back what is not theirs (with a reason, on the timeline); the 社区's 管理员
// has it again in 待处理 (marked 部门退回) and hands it on; the 部门 that gave it back keeps
// seeing it (it was handed to them) but can no longer act on it.
import { grantRole } from '../../../server/domain/grants';
import { setup, ADMIN, DEPT, LEAD, RESIDENT, type Data } from './helpers';

const CITY = 'dep2-staff';

async function toDepartment(s: ReturnType<typeof setup>, departmentId: string) {
  const p = await s.report({ description: '小区门口人行道破损，老人容易绊倒' });
  await s.ok(LEAD, 'accept', { id: p.id });
  await s.ok(LEAD, 'classify', { id: p.id, class: 'major' });
  await s.ok(ADMIN, 'assign', { id: p.id, departmentId });
  return p;
}

describe('民情: a 部门 hands a problem back', () => {
  it('goes back to the 社区 with the reason on the timeline; the 管理员 sees it to hand on, and assigns it elsewhere', async () => {
    const s = setup();
    await grantRole(s.rt.store, CITY, { role: 'department', nodeId: 'dep2', nodeName: '区城市管理和综合执法局', level: 'department' }, s.clock.now());
    const p = await toDepartment(s, 'dep2');
    const atDept = await s.ok(CITY, 'get', { id: p.id });
    expect(atDept.can).toEqual(expect.arrayContaining(['handBack', 'progress', 'resolve']));
    expect((await s.ok(CITY, 'todo')).counts.pending).toBe(1);

    const back = await s.ok(CITY, 'handBack', { id: p.id, reason: '人行道归住建局管，不属于本局职责' });
    expect(back.problem).toMatchObject({ handler: { level: 'community', id: 'c1' }, handedBack: { from: '区城市管理和综合执法局', reason: '人行道归住建局管，不属于本局职责' } });
    expect(back.problem.department).toBeUndefined();
    expect(back.timeline.at(-1)).toMatchObject({ kind: 'handedBack', note: '人行道归住建局管，不属于本局职责', by: { name: '区城市管理和综合执法局', roleLabel: '部门' }, to: { level: 'community' } });
    // Still visible to the 部门 (it was theirs), nothing to do there any more.
    expect(back.can).toEqual([]);
    expect((await s.ok(CITY, 'todo')).counts.pending).toBe(0);
    expect((await s.ok(CITY, 'todo')).items).toEqual([]);

    const todo = await s.ok(ADMIN, 'todo', { box: 'pending' });
    expect(todo.items.map((r: Data) => [r.id, r.handedBack?.from])).toEqual([[p.id, '区城市管理和综合执法局']]);
    expect(todo.counts.pending).toBe(1);
    expect((await s.ok(ADMIN, 'inbox')).items[0]).toMatchObject({ problemId: p.id, title: expect.stringContaining('部门退回') });
    expect((await s.ok(RESIDENT, 'inbox')).items[0].body).toContain('退回社区');
    expect((await s.ok(ADMIN, 'get', { id: p.id })).can).toEqual(expect.arrayContaining(['assign', 'escalate']));

    const again = await s.ok(ADMIN, 'assign', { id: p.id, departmentId: 'dep1', note: '请住建局处理' });
    expect(again.problem).toMatchObject({ handler: { level: 'department', id: 'dep1' }, department: { id: 'dep1' } });
    expect(again.problem.handedBack).toBeUndefined();
    expect((await s.ok(DEPT, 'todo')).items.map((r: Data) => r.id)).toEqual([p.id]);
    expect((await s.ok(ADMIN, 'todo')).counts.pending).toBe(0);
  });

  it('needs a reason, is the holding 部门’s alone, and refuses a rejected text with nothing written', async () => {
    const s = setup();
    const p = await toDepartment(s, 'dep1');
    expect(await s.call(DEPT, 'handBack', { id: p.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const before = await s.timeline(p.id);
    expect(await s.call(DEPT, 'handBack', { id: p.id, reason: '加微信领红包' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await s.timeline(p.id)).toEqual(before);
    await grantRole(s.rt.store, CITY, { role: 'department', nodeId: 'dep2', nodeName: '区城市管理和综合执法局', level: 'department' }, s.clock.now());
    expect(await s.call(CITY, 'handBack', { id: p.id, reason: '不归我们' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call(ADMIN, 'handBack', { id: p.id, reason: '不归我们' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.ok(DEPT, 'handBack', { id: p.id, reason: '需要街道统筹' });
    expect(await s.call(DEPT, 'handBack', { id: p.id, reason: '再退一次' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('民情: 部门 accounts', () => {
  it('binds a 部门’s staff with a code, shows them only their 部门’s problems, and unbinds one who left', async () => {
    const s = setup();
    const claim = (code: string, openid: string) => s.rt.call('account', { action: 'claim', code }, openid);
    const theirs = await toDepartment(s, 'dep2');
    const other = await toDepartment(s, 'dep1');
    const invite = await s.ok(ADMIN, 'departmentInvite', { departmentId: 'dep2', label: '办事员小李' });
    expect(invite.code).toMatch(/^\d{8}$/);
    expect((await s.ok(ADMIN, 'departmentStaff', { departmentId: 'dep2' })).staff).toEqual([{ code: invite.code, label: '办事员小李', state: 'waiting', at: invite.expiresAt }]);
    expect(await s.call('xiaoli', 'todo', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await claim(invite.code, 'xiaoli')).toMatchObject({ ok: true });
    expect(await claim(invite.code, 'someone-else')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const listed = await s.ok(ADMIN, 'departmentStaff', { departmentId: 'dep2' });
    expect(listed).toMatchObject({ department: { id: 'dep2', name: '区城市管理和综合执法局' }, staff: [{ code: invite.code, label: '办事员小李', state: 'bound' }] });
    const todo = await s.ok('xiaoli', 'todo', {});
    expect(todo.items.map((r: Data) => r.id)).toEqual([theirs.id]);
    expect((await s.ok('xiaoli', 'get', { id: theirs.id })).can).toEqual(expect.arrayContaining(['progress', 'resolve', 'handBack']));
    expect(await s.call('xiaoli', 'get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('xiaoli', 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.ok('xiaoli', 'progress', { id: theirs.id, note: '已安排人员现场查看' });

    // Left the 部门: the role is taken back, the code stays used.
    await s.ok(ADMIN, 'removeDepartmentStaff', { departmentId: 'dep2', code: invite.code });
    expect((await s.ok(ADMIN, 'departmentStaff', { departmentId: 'dep2' })).staff).toEqual([]);
    expect(await s.call('xiaoli', 'todo', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call('xiaoli', 'progress', { id: theirs.id, note: '继续跟进' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call('xiaoli', 'get', { id: theirs.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // What they did stays on the timeline, under the 部门's name.
    expect((await s.ok(ADMIN, 'get', { id: theirs.id })).timeline.at(-1)).toMatchObject({ kind: 'progress', by: { name: '区城市管理和综合执法局' } });

    // A code withdrawn before use binds nobody; a code of another 部门 or a clerk's cannot be removed here.
    const unused = await s.ok(ADMIN, 'departmentInvite', { departmentId: 'dep2' });
    await s.ok(ADMIN, 'removeDepartmentStaff', { departmentId: 'dep2', code: unused.code });
    expect(await claim(unused.code, 'xiaowang')).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const dep1 = await s.ok(ADMIN, 'departmentInvite', { departmentId: 'dep1' });
    expect(await s.call(ADMIN, 'removeDepartmentStaff', { departmentId: 'dep2', code: dep1.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call(ADMIN, 'removeDepartmentStaff', { departmentId: 'dep1', code: '20260001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps a 部门 of another 区 out of reach, and the codes for 管理员 only', async () => {
    const s = setup();
    await s.rt.store.collection('departments').add({ _id: 'far1', name: '外区住建局', at: { district: 'elsewhere' }, order: 1 });
    for (const action of ['departmentStaff', 'departmentInvite'] as const) {
      expect(await s.call(ADMIN, action, { departmentId: 'far1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await s.call(ADMIN, action, { departmentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const who of [DEPT, LEAD, RESIDENT]) expect(await s.call(who, action, { departmentId: 'dep1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await s.call(ADMIN, 'departmentInvite', { departmentId: 'dep1', label: '加微信领红包' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
  });
});
