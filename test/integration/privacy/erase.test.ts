// 注销账号 (个人信息保护法): after a resident deletes their account no reply to anyone — every
// read action, as every role, with the inputs that once led to them — holds their name or phone;
// the 社区's figures (problems, ratings, votes, visits, households) are what they were.
import { FUNCTIONS } from '../../../contracts';
import { NOT_AUDITED } from '../../../contracts/audited';
import { ROLES } from '../../../contracts/roles';
import { DEMO_CAMPAIGN_ID } from '../../../server/seed/campaign';
import { ACTION_EXAMPLES } from '../examples';
import { OPENID_BY_ROLE } from '../runtime';
import { RESIDENT, world, type World } from '../audit/scenarios';

const NAME = '居民王阿姨';
const PHONE = '13900009999';
const ALSO_PHONE = '13900001212';

/** Every reply of every read action, as every role, with the examples and these extra inputs. */
async function everyReply(w: World, extra: [string, Record<string, unknown>][]): Promise<{ call: string; role: string; text: string }[]> {
  const calls: [string, Record<string, unknown>][] = [
    ...NOT_AUDITED.filter((name) => name in ACTION_EXAMPLES).map((name): [string, Record<string, unknown>] => [name, ACTION_EXAMPLES[name]]),
    ...extra,
  ];
  const out: { call: string; role: string; text: string }[] = [];
  for (const [name, input] of calls) {
    const [fn, action] = name.split('.');
    if (!(fn in FUNCTIONS)) continue;
    for (const role of ROLES) {
      const reply = await w.rt.call(fn, { action, ...input }, OPENID_BY_ROLE[role]);
      out.push({ call: `${name} ${JSON.stringify(input)}`, role, text: JSON.stringify(reply) });
    }
  }
  return out;
}

async function figures(w: World) {
  const nodes = await w.rt.store.collection('nodes').where({ 'at.community': 'c1' }).orderBy('_id', 'asc').limit(100).get();
  const mq = await w.rt.store.collection('mqstats').orderBy('_id', 'asc').limit(100).get();
  const candidates = await w.rt.store.collection('candidates').orderBy('_id', 'asc').limit(100).get();
  const stats = await w.ok('minqing', 'stats', {}, 'demo-admin');
  const summary = await w.ok('ledger', 'summary', { nodeId: 'c1' }, 'demo-admin');
  const board = await w.ok('vote', 'leaderboard', { campaignId: DEMO_CAMPAIGN_ID }, 'demo-admin');
  return {
    nodes: Object.fromEntries(nodes.map((n) => [n._id, n.stats])),
    mq: mq.map(({ _id, ...rest }) => ({ _id, ...rest })),
    votes: candidates.map((c) => [c._id, c.votes]),
    stats,
    summary,
    board,
  };
}

describe('privacy.erase', () => {
  it('leaves no reply holding their name or phone, and every figure as it was', async () => {
    const w = world();
    // What a resident leaves behind: a second phone on their household, a report with contact
    // consent, a 自荐 with their name and phone, a 推荐, votes (the demo seed adds reports, a rating, a recommendation).
    await w.ok('household', 'update', { phone: ALSO_PHONE, phoneConsent: true }, RESIDENT);
    const { problem } = await w.ok('minqing', 'submit', { category: 'repair', description: '楼道灯坏了，晚上看不清', contactConsent: true }, RESIDENT);
    await w.ok('register', 'apply', { unitId: 'u7', name: NAME, phone: PHONE, story: '退休在家，愿意为邻居服务。' }, RESIDENT);
    const candidate = (await w.ok('vote', 'campaign', { campaignId: DEMO_CAMPAIGN_ID }, RESIDENT)).candidates.items[0].id;
    await w.ok('vote', 'cast', { campaignId: DEMO_CAMPAIGN_ID, candidateId: candidate, requestId: 'erase-test-vote-1' }, RESIDENT);
    const mine = await w.ok('minqing', 'mine', {}, RESIDENT);
    const problemIds: string[] = mine.items.map((p: { id: string }) => p.id);
    expect(problemIds).toContain(problem.id);
    const householdId = (await w.ok('household', 'mine', {}, RESIDENT)).household.id;
    const meetings = await w.rt.store.collection('mqmeetings').get();

    const extra: [string, Record<string, unknown>][] = [
      ...problemIds.map((id): [string, Record<string, unknown>] => ['minqing.get', { id }]),
      ...meetings.map((m): [string, Record<string, unknown>] => ['minqing.meeting', { id: m._id }]),
      ...(['pending', 'overdue', 'done'] as const).map((box): [string, Record<string, unknown>] => ['minqing.todo', { box }]),
      ['minqing.list', {}],
      ['ledger.household', { id: householdId }],
      ['ledger.households', { unitId: 'u1' }],
      ['register.pending', {}],
      ['vote.nominations', { campaignId: DEMO_CAMPAIGN_ID }],
      ['vote.votes', { campaignId: DEMO_CAMPAIGN_ID, voter: RESIDENT }],
      ['audit.list', {}],
    ];
    // Before: the checks can fail — their name and phones are there to be found.
    const held = (await everyReply(w, extra)).map((r) => r.text).join('\n');
    expect(held).toContain(NAME);
    expect(held).toContain(PHONE);
    expect(held).toContain(ALSO_PHONE);
    const before = await figures(w); // taken right around the erasure (the scans call writing actions too)

    expect(await w.ok('privacy', 'erase', { confirm: true }, RESIDENT)).toEqual({ erased: true, household: 'membership' });

    // The figures: unchanged, but for the one household no longer bound (its only member left).
    const after = await figures(w);
    expect(after.mq).toEqual(before.mq);
    expect(after.votes).toEqual(before.votes);
    expect(after.stats).toEqual(before.stats);
    expect(after.board).toEqual(before.board);
    const home = await w.rt.store.collection('households').doc(householdId).get();
    expect(home).toMatchObject({ members: [] });
    const ancestors = new Set(Object.values(home!.at));
    for (const [id, stats] of Object.entries(before.nodes)) {
      expect(after.nodes[id]).toEqual({ ...stats, bound: stats.bound - (ancestors.has(id) ? 1 : 0) });
    }
    // The account is gone: opening the mini program again is a new user with nothing held.
    const again = await w.ok('privacy', 'mine', {}, RESIDENT);
    expect(again).toMatchObject({ account: null, household: null, visits: [], reports: [], applications: [], messages: 0 });
    // The erasure is in the log, by an account that no longer has a name.
    const log = await w.ok('audit', 'list', { what: 'privacy.erase' }, 'demo-admin');
    expect(log.items).toMatchObject([{ byId: RESIDENT, byName: '已注销用户', role: 'resident' }]);
    // Every read action (and every other one not in the log), as every role: nothing of them.
    const leaks = (await everyReply(w, extra)).filter((r) => r.text.includes(NAME) || r.text.includes(PHONE) || r.text.includes(ALSO_PHONE));
    expect(leaks.map((l) => `${l.call} as ${l.role}`)).toEqual([]);
    w.rt.close();
  });

  it('refuses a 三长 or 管理员 (a role must be handed over first), and a call without the confirmation', async () => {
    const w = world();
    const r = await w.rt.call('privacy', { action: 'erase', confirm: true }, 'demo-neighbour-lead');
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('邻长') } });
    expect(await w.rt.call('privacy', { action: 'erase' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await w.rt.store.collection('users').doc(RESIDENT).get()).not.toBeNull();
    expect(await w.rt.store.collection('users').doc('demo-neighbour-lead').get()).not.toBeNull();
    w.rt.close();
  });
});

describe('privacy.mine and privacy.export', () => {
  it('shows what is held with phones masked, and exports it in full to the caller alone', async () => {
    const w = world();
    await w.ok('minqing', 'submit', { category: 'repair', description: '楼道灯坏了，晚上看不清', contactConsent: true }, RESIDENT);
    const mine = await w.ok('privacy', 'mine', {}, RESIDENT);
    expect(mine).toMatchObject({
      account: { name: NAME, phoneMasked: '139****9999', roles: ['居民'] },
      household: { address: '1栋1单元101', phoneMasked: '139****9999', members: 1 },
      eraseBlocked: null,
    });
    expect(mine.reports.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain(PHONE);

    const file = await w.ok('privacy', 'export', {}, RESIDENT);
    expect(file.name).toMatch(/^我的信息-\d{8}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await w.rt.ports.files.get(file.fileId)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['账号', '住户', '走访', '反映', '投票', '核销', '申请', '消息']);
    const cells = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).flat().map(String).join('|');
    expect(cells('账号')).toContain(PHONE);
    expect(cells('住户')).toContain('1栋1单元101');
    expect(cells('反映')).toContain('楼道灯坏了');
    expect(file.fileId).toMatch(/reports\//);
    w.rt.close();
  });
});
