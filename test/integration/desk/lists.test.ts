// Issue 16 story 3, one desk: the search of each list the 管理员 reaches from the 工作台 finds the
// right rows, never a row outside the caller's subtree, answers phones masked, and costs a
// bounded number of reads however long the list (a longer walk goes on with `next`).
import type { Reply } from '../../../contracts';
import { SCAN_BATCHES } from '../../../server/core/search';
import type { NodeDoc } from '../../../server/domain/docs';
import type { ApplicationDoc } from '../../../server/features/register/applications';
import { demoRuntime } from '../runtime';

type Rt = ReturnType<typeof demoRuntime>;
const ADMIN = 'demo-admin';
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

function data<T = any>(r: Reply<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** The reply of one call, and the store reads it made. */
async function counted<T = any>(rt: Rt, fn: string, input: Record<string, unknown>, openid = ADMIN) {
  const before = rt.store.stats().reads;
  const reply = data<T>(await rt.call(fn, input, openid));
  return { reply, reads: rt.store.stats().reads - before };
}

/** A second 社区 (c2) beside the demo's, with its own copy of `u1` named like it. */
async function otherCommunity(rt: Rt) {
  const c1 = (await rt.store.collection('nodes').doc('c1').get()) as NodeDoc;
  const u1 = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
  const at = { ...c1.at, community: 'c2' };
  rt.store.bulkPut('nodes', [
    { ...c1, _id: 'c2', name: '别的社区', at },
    { ...u1, _id: 'x-u1', at: { ...at, area: 'x-a1', group: 'x-g1', unit: 'x-u1' } },
  ]);
  return at;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('one desk: the lists, searched', () => {
  it('名册 (roster.nodes): a 社区 paged in tree order; by name, 楼栋 or the last 4 of a phone; masked; never another 社区', async () => {
    const rt = demoRuntime();
    await otherCommunity(rt);
    const u1 = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    const all = data(await rt.call('roster', { action: 'nodes', pageSize: 50 }, ADMIN));
    expect(all.community).toEqual({ id: 'c1', name: '幸福里社区' });
    expect(all.total).toBe(42);
    expect(all.items.map((n: NodeDoc) => n.level).slice(0, 4)).toEqual(['area', 'area', 'area', 'group']);

    const byName = await counted(rt, 'roster', { action: 'nodes', q: u1.lead!.name });
    expect(ids(byName.reply.items)).toContain('u1');
    expect(byName.reply.next).toBeNull();
    const row = byName.reply.items.find((n: { id: string }) => n.id === 'u1');
    expect(row).toMatchObject({ leadName: u1.lead!.name, leadPhoneMasked: expect.stringContaining('****'), path: `${u1.chain!.area.name} · ${u1.chain!.group.name}` });
    expect(JSON.stringify(byName.reply)).not.toMatch(PHONE);
    expect(ids(byName.reply.items)).not.toContain('x-u1');

    const byPhone = data(await rt.call('roster', { action: 'nodes', q: u1.lead!.phone.slice(-4) }, ADMIN));
    expect(ids(byPhone.items)).toContain('u1');
    for (const n of byPhone.items) expect(n.leadPhoneMasked.endsWith(u1.lead!.phone.slice(-4))).toBe(true);

    const byBuilding = data(await rt.call('roster', { action: 'nodes', q: u1.buildings![0] }, ADMIN));
    expect(ids(byBuilding.items)).toContain('u1');
    const groups = data(await rt.call('roster', { action: 'nodes', q: u1.chain!.group.name, levels: ['area', 'group'] }, ADMIN));
    // Each 片 has its 第一组: every one of them, 组 only, each with its 片.
    expect(groups.items.every((n: { level: string; name: string }) => n.level === 'group' && n.name === u1.chain!.group.name)).toBe(true);
    expect(groups.items.find((n: { id: string }) => n.id === u1.chain!.group.id)?.path).toBe(u1.chain!.area.name);

    expect(await rt.call('roster', { action: 'nodes', communityId: 'c2', q: u1.name }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('名册: a search reads at most SCAN_BATCHES pages of the list, and goes on from `next`', async () => {
    const rt = demoRuntime();
    const u30 = (await rt.store.collection('nodes').doc('u30').get()) as NodeDoc;
    const extra = Array.from({ length: 400 }, (_, i) => ({ ...u30, _id: `bulk${i}`, name: `批量邻${i}`, order: 100 + i, lead: null, buildings: [`${900 + i}栋`] }));
    rt.store.bulkPut('nodes', [...extra, { ...u30, _id: 'target', name: '最后一个邻', order: 9999, lead: null, buildings: ['99栋'] }]);
    let next: number | undefined;
    const found: string[] = [];
    for (let call = 0; call < 3 && found.length === 0; call++) {
      const { reply, reads } = await counted(rt, 'roster', { action: 'nodes', q: '最后一个', ...(next !== undefined ? { from: next } : {}) });
      // user, the 社区 (twice: the default and the scope check at most), the scan's batches, the 组 names.
      expect(reads).toBeLessThanOrEqual(SCAN_BATCHES + 4);
      found.push(...ids(reply.items));
      next = reply.next ?? undefined;
      if (found.length === 0) expect(next).toBe(100 * SCAN_BATCHES * (call + 1));
    }
    expect(found).toEqual(['target']);
  });

  it('注册审核 (register.pending): by name, 邻 or the last 4 of a phone; masked; never another 社区; bounded and continued', async () => {
    const rt = demoRuntime();
    const at = await otherCommunity(rt);
    const story = '热心邻里事务，愿意服务大家。';
    const zhao = data(await rt.call('register', { action: 'apply', unitId: 'u3', name: '赵申请', phone: '13900001234', story }, 'ap-1')).application;
    data(await rt.call('register', { action: 'apply', unitId: 'u4', name: '钱申请', phone: '13900005678', story }, 'ap-2'));
    const foreign: ApplicationDoc = { _id: 'x-app', kind: 'self', unitId: 'x-u1', unitName: '别的邻', at, name: '赵申请', phone: '13900001234', applicant: 'ap-x', status: 'pending', createdAt: zhao.createdAt };
    rt.store.bulkPut('applications', [foreign]);

    const byPhone = await counted(rt, 'register', { action: 'pending', q: '1234' });
    expect(byPhone.reply.items.map((a: { name: string }) => a.name)).toEqual(['赵申请']);
    expect(ids(byPhone.reply.items)).toEqual([zhao.id]);
    expect(byPhone.reply.items[0].phoneMasked).toBe('139****1234');
    expect(JSON.stringify(byPhone.reply)).not.toMatch(PHONE);
    expect(byPhone.reads).toBeLessThanOrEqual(SCAN_BATCHES + 3);
    const u4 = (await rt.store.collection('nodes').doc('u4').get()) as NodeDoc;
    expect(data(await rt.call('register', { action: 'pending', q: u4.name }, ADMIN)).items.map((a: { name: string }) => a.name)).toEqual(['钱申请']);
    expect(data(await rt.call('register', { action: 'pending', q: '申请' }, ADMIN)).items).toHaveLength(2);
    // Without a search: paged and counted as before.
    expect(data(await rt.call('register', { action: 'pending' }, ADMIN))).toMatchObject({ total: 2, page: 1 });

    // 350 newer applications before 赵's: the first call walks 300 and says where to go on.
    const bulk = Array.from({ length: 350 }, (_, i) => ({ ...foreign, _id: `bulk-app-${i}`, at: { ...at, community: 'c1' }, unitId: 'u5', unitName: '批量', name: `孙批量${i}`, phone: '13900009999', createdAt: zhao.createdAt + 1000 + i }));
    rt.store.bulkPut('applications', bulk);
    const first = await counted(rt, 'register', { action: 'pending', q: '赵申请' });
    expect(first.reply.items).toEqual([]);
    expect(first.reply.next).toBe(100 * SCAN_BATCHES);
    expect(first.reads).toBeLessThanOrEqual(SCAN_BATCHES + 2);
    const second = data(await rt.call('register', { action: 'pending', q: '赵申请', from: first.reply.next }, ADMIN));
    expect(ids(second.items)).toEqual([zhao.id]);
    expect(second.next).toBeNull();
  });

  it('动态调整 (roster.inactive): by 邻, 邻长 or 楼栋; only the 邻 that need it; never another 社区', async () => {
    const rt = demoRuntime();
    await otherCommunity(rt);
    const [u5, u1] = (await Promise.all(['u5', 'u1'].map((id) => rt.store.collection('nodes').doc(id).get()))) as NodeDoc[];
    await rt.store.collection('nodes').doc('u5').update({ lead: null });
    await rt.store.collection('nodes').doc('x-u1').update({ lead: null, name: u5.name });
    const { reply, reads } = await counted(rt, 'roster', { action: 'inactive', q: u5.name });
    expect(reply.items.map((u: { unitId: string; reason: string }) => [u.unitId, u.reason])).toEqual([['u5', 'vacant']]);
    expect(reads).toBeLessThanOrEqual(SCAN_BATCHES + 2);
    expect(data(await rt.call('roster', { action: 'inactive', q: u5.buildings![0] }, ADMIN)).items.map((u: { unitId: string }) => u.unitId)).toEqual(['u5']);
    // u1's 邻长 is active: not in this list, searched or not.
    expect(data(await rt.call('roster', { action: 'inactive', q: u1.lead!.name }, ADMIN)).items).toEqual([]);
  });

  it('通知 (notice.published): by title, scope or publisher; never another 社区', async () => {
    const rt = demoRuntime();
    await otherCommunity(rt);
    const pub = async (title: string) => data(await rt.call('notice', { action: 'publish', scopeId: 'c1', title, body: `${title}，请相互转告。` }, ADMIN)).notice;
    const water = await pub('下周二停水通知');
    await pub('电梯年检安排');
    const doc = await rt.store.collection('notices').doc(water.id).get();
    rt.store.bulkPut('notices', [{ ...doc!, _id: 'x-notice', at: { ...doc!.at, community: 'c2' }, key: `${doc!.key}x`, scopeId: 'c2' }]);
    const { reply, reads } = await counted(rt, 'notice', { action: 'published', q: '停水' });
    expect(ids(reply.items)).toEqual([water.id]);
    expect(reply.next).toBeNull();
    expect(reads).toBeLessThanOrEqual(SCAN_BATCHES + 2);
    expect(data(await rt.call('notice', { action: 'published', q: '幸福里' }, ADMIN)).items).toHaveLength(2);
    expect(data(await rt.call('notice', { action: 'published', q: '没有这条' }, ADMIN))).toEqual({ items: [], next: null });
  });

  it('待交办民情 (minqing.todo) and 辖区民情 (minqing.list): by 编号, text or place; only what the list holds', async () => {
    const rt = demoRuntime();
    const ok = async (openid: string, action: string, input: Record<string, unknown>) => data(await rt.call('minqing', { action, ...input }, openid));
    const big = (await ok('demo-resident', 'submit', { category: 'repair', description: '小区东门路面塌陷需要修' })).problem;
    const small = (await ok('demo-resident', 'submit', { category: 'repair', description: '楼道灯坏了' })).problem;
    await ok('demo-neighbour-lead', 'accept', { id: big.id });
    await ok('demo-neighbour-lead', 'classify', { id: big.id, class: 'major' });
    const todo = await counted(rt, 'minqing', { action: 'todo', box: 'pending', q: '塌陷' });
    expect(ids(todo.reply.items)).toEqual([big.id]);
    expect(todo.reads).toBeLessThanOrEqual(SCAN_BATCHES + 2);
    expect(data(await rt.call('minqing', { action: 'todo', box: 'pending', q: big.number }, ADMIN)).items).toHaveLength(1);
    // The small one is still with the 邻长: not the 管理员's to hand on.
    expect(data(await rt.call('minqing', { action: 'todo', box: 'pending', q: '楼道' }, ADMIN)).items).toEqual([]);
    expect(ids(data(await rt.call('minqing', { action: 'list', q: '楼道' }, ADMIN)).items)).toEqual([small.id]);
    // A 管理员 of another 社区 finds neither.
    await rt.store.collection('users').doc('other-admin').set({ name: 'x', grants: [{ role: 'admin', nodeId: 'c2', nodeName: '别的社区', level: 'community' }], createdAt: 0 });
    expect(data(await rt.call('minqing', { action: 'list', q: '楼道' }, 'other-admin')).items).toEqual([]);
  });

  it('支持单位 (perk.partners): by the start of the name (the name index), paged and counted', async () => {
    const rt = demoRuntime();
    const { reply, reads } = await counted(rt, 'perk', { action: 'partners', q: '湘味' });
    expect(reply).toMatchObject({ total: 1, items: [{ id: 'p1', name: '湘味小厨' }] });
    expect(reads).toBeLessThanOrEqual(3);
    // The start of the name only (no scan): 小厨 is inside the name, not at its start.
    expect(data(await rt.call('perk', { action: 'partners', q: '小厨' }, ADMIN)).total).toBe(0);
    // Another 社区's partner of the same name is not in this 社区's list.
    const at = await otherCommunity(rt);
    const p1 = await rt.store.collection('partners').doc('p1').get();
    rt.store.bulkPut('partners', [{ ...p1!, _id: 'x-p', name: '湘味小厨二店', at }]);
    expect(data(await rt.call('perk', { action: 'partners', q: '湘味' }, ADMIN)).items.map((p: { id: string }) => p.id)).toEqual(['p1']);
  });

  it('核销员 (perk.clerks): every partner’s clerks, by 店员称呼 or partner name; never another 社区’s', async () => {
    const rt = demoRuntime();
    const at = await otherCommunity(rt);
    const p1 = await rt.store.collection('partners').doc('p1').get();
    rt.store.bulkPut('partners', [{ ...p1!, _id: 'x-p', name: '湘味小厨二店', at }]);
    const invite = (await rt.store.collection('invites').where({ 'target.grant.nodeId': 'p1' }).limit(1).get())[0];
    const target = { ...invite.target, grant: { ...invite.target.grant, nodeId: 'x-p' }, label: '收银员小陈二号' } as typeof invite.target;
    rt.store.bulkPut('invites', [{ ...invite, _id: '99999999', target }]);
    const { reply, reads } = await counted(rt, 'perk', { action: 'clerks' });
    expect(reply.items).toContainEqual(expect.objectContaining({ partnerId: 'p1', partnerName: '湘味小厨', label: '收银员小陈', state: 'bound' }));
    expect(reply.items.map((r: { partnerId: string }) => r.partnerId)).not.toContain('x-p');
    expect(reads).toBeLessThanOrEqual(2 * SCAN_BATCHES + 1);
    const searched = data(await rt.call('perk', { action: 'clerks', q: '小陈' }, ADMIN));
    expect(searched).toEqual({ items: [expect.objectContaining({ partnerId: 'p1', label: '收银员小陈' })], next: null });
    expect(data(await rt.call('perk', { action: 'clerks', q: '没有这个人' }, ADMIN))).toEqual({ items: [], next: null });
  });

  it('评选活动 (vote.list): by title', async () => {
    const rt = demoRuntime();
    const all = data(await rt.call('vote', { action: 'list' }, ADMIN));
    expect(all.total).toBeGreaterThan(0);
    const { reply, reads } = await counted(rt, 'vote', { action: 'list', q: '最美邻长' });
    expect(ids(reply.items)).toEqual(ids(all.items).slice(0, reply.items.length));
    expect(reply.items.length).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(SCAN_BATCHES + 1);
    expect(data(await rt.call('vote', { action: 'list', q: '没有这个活动' }, ADMIN))).toMatchObject({ items: [], next: null });
  });

  it('the 工作台’s 管理 counts: one indexed count each, of the caller’s subtree', async () => {
    const rt = demoRuntime();
    await otherCommunity(rt);
    data(await rt.call('register', { action: 'apply', unitId: 'u3', name: '赵申请', phone: '13900001234', story: '热心邻里事务。' }, 'ap-1'));
    const partners = data(await rt.call('perk', { action: 'partners' }, ADMIN)).total;
    const { reply, reads } = await counted(rt, 'desk', { action: 'lists' });
    expect(reply).toEqual({ registrations: 1, toAssign: 0, notices: 0, partners });
    expect(reads).toBeLessThanOrEqual(5);
    expect(await rt.call('desk', { action: 'lists' }, 'demo-area-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
