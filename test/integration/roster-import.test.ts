// Roster import against the real local runtime (SQLite in memory) with the demo 社区.
import fs from 'node:fs';
import path from 'node:path';
import type { RoleGrantT } from '../../contracts/common';
import { ImportReport, type ImportReportT } from '../../contracts/roster';
import type { Ctx } from '../../server/core/context';
import { makeCtx } from '../../server/core/router';
import type { LeadDoc, NodeDoc } from '../../server/domain/docs';
import type { UserDoc } from '../../server/domain/users';
import { COLUMNS } from '../../server/features/roster/columns';
import { importRoster } from '../../server/features/roster/import';
import type { LocalRuntime } from '../../server/runtime/local';
import { demoRosterRows, readXlsx, row, rosterXlsx, XLSX_TYPE, type RosterRow } from '../fixtures/roster-xlsx';
import { demoRuntime } from './runtime';

const ADMIN: RoleGrantT = { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' };

let rt: LocalRuntime;
let ctx: Ctx;
let uploads = 0;

beforeEach(() => {
  rt = demoRuntime();
  ctx = makeCtx(rt.ports, { openid: 'demo-admin' });
});
afterEach(() => rt.close());

async function upload(rows: RosterRow[], opts?: Parameters<typeof rosterXlsx>[1]): Promise<string> {
  return rt.ports.files.put(`uploads/roster-${++uploads}.xlsx`, await rosterXlsx(rows, opts), XLSX_TYPE);
}

/** Imports and returns the report with the store operations it took. */
async function run(fileId: string, opts: { dryRun?: boolean; scope?: RoleGrantT } = {}) {
  const before = rt.store.stats();
  const report = await importRoster(ctx, opts.scope ?? ADMIN, fileId, opts.dryRun ?? false);
  const after = rt.store.stats();
  expect(ImportReport.safeParse(report).success).toBe(true);
  return { report, reads: after.reads - before.reads, writes: after.writes - before.writes };
}

const node = async (id: string) => (await rt.store.collection('nodes').doc(id).get()) as NodeDoc;
const nodesNamed = async (name: string) => (await rt.store.collection('nodes').where({ name }).get()) as NodeDoc[];
const leadsOf = async (nodeId: string) =>
  ((await rt.store.collection('leads').where({ nodeId }).get()) as LeadDoc[]).sort((a, b) => a.since - b.since || (a.status === 'active' ? 1 : -1));
const countAll = async () => ({
  nodes: await rt.store.collection('nodes').count(),
  leads: await rt.store.collection('leads').count(),
});
const rejected = (r: ImportReportT) => r.rows.filter((x) => x.status === 'rejected');
const reportFile = (r: ImportReportT) => fs.readFileSync(path.join(rt.filesDir, r.reportUrl.replace(/^\/files\//, '')));

// Four new 邻 (one in an existing 组, three in a new 片 with two new 组) and then exactly
// five faulty rows. Excel rows: the 30 demo rows are 2–31, the new ones 32–35, faults 36–40.
const NEW_ROWS: RosterRow[] = [
  row({ community: '幸福里社区', area: '第一片', group: '第一组', unit: '2栋2单元邻', unitLeadName: '方小红', unitLeadPhone: '13900001001', buildings: '2栋2单元' }),
  row({
    street: '示范街道',
    community: '幸福里社区',
    area: '第四片',
    areaLeadName: '白立新',
    areaLeadPhone: '13900001002',
    group: '第一组',
    groupLeadName: '邹春梅',
    groupLeadPhone: '139 0000 1003',
    unit: '20栋1单元邻',
    unitLeadName: '孟雪梅',
    unitLeadPhone: '13900001004',
    buildings: '20栋1单元、20栋2单元',
  }),
  row({ community: '幸福里社区', area: '第四片', group: '第一组', unit: '21栋1单元邻', unitLeadName: '熊振华', unitLeadPhone: '13900001005', buildings: '21栋1单元，21栋2单元;21栋3单元' }),
  row({
    community: '幸福里社区',
    area: '第四片',
    group: '第二组',
    groupLeadName: '秦秋菊',
    groupLeadPhone: '13900001006',
    unit: '22栋1单元邻',
    unitLeadName: '邱建军',
    unitLeadPhone: '13900001007',
    buildings: '22栋1单元',
  }),
];
const FAULTS: { row: RosterRow; reason: RegExp }[] = [
  {
    row: row({ community: '幸福里社区', area: '', group: '第一组', unit: '23栋1单元邻', unitLeadName: '江桂芳', unitLeadPhone: '13900001008' }),
    reason: /缺少片的名称/,
  },
  {
    row: row({ community: '幸福里社区', area: '第四片', group: '第二组', unit: '22栋2单元邻', unitLeadName: '尹俊杰', unitLeadPhone: '1390000100' }),
    reason: /邻长电话“1390000100”不是11位手机号/,
  },
  {
    row: row({ community: '幸福里社区', area: '第四片', group: '第二组', unit: '22栋3单元邻', unitLeadName: '薛晓东', unitLeadPhone: '13900001007' }),
    reason: /13900001007与第35行邻长邱建军的相同，同一手机号不能属于不同的人/,
  },
  {
    row: row({ community: '幸福里社区', area: '第四片', group: '第二组', unit: '20栋1单元邻', unitLeadName: '孟雪梅', unitLeadPhone: '13900001004' }),
    reason: /邻“20栋1单元邻”已在第33行列在第四片第一组，一个邻不能同时属于两个组/,
  },
  {
    row: row({
      community: '幸福里社区',
      area: '第一片',
      areaLeadName: '段红霞',
      areaLeadPhone: '13900001009',
      group: '第一组',
      unit: '2栋3单元邻',
      unitLeadName: '雷小红',
      unitLeadPhone: '13900001010',
    }),
    reason: /片长与第2行不一致（第2行：李建国（13900000001），本行：段红霞（13900001009））/,
  },
];
const faultyRows = () => [...demoRosterRows(), ...NEW_ROWS, ...FAULTS.map((f) => f.row)];

describe('roster import', () => {
  it('changes nothing and writes nothing for the demo 社区 as it is stored', async () => {
    const { report, reads, writes } = await run(await upload(demoRosterRows(), { phonesAsNumbers: true }));
    expect(report.summary).toEqual({ rows: 30, added: 0, changed: 0, unchanged: 30, rejected: 0 });
    expect(report.rows).toEqual([]);
    expect(writes).toBe(0);
    // The admin's 社区 and its 镇街 (2) and the 社区's 43 nodes (1 page).
    expect(reads).toBe(3);
  });

  it('rejects exactly the 5 faulty rows with their reasons and imports the rest', async () => {
    const before = await countAll();
    const { report, writes } = await run(await upload(faultyRows()));
    expect(report.summary).toEqual({ rows: 39, added: 4, changed: 0, unchanged: 30, rejected: 5 });
    const bad = rejected(report);
    expect(bad.map((r) => r.row)).toEqual([36, 37, 38, 39, 40]);
    bad.forEach((r, i) => expect(r.reason).toMatch(FAULTS[i].reason));
    expect(report.rows.filter((r) => r.status === 'added').map((r) => [r.row, r.unit])).toEqual([
      [32, '2栋2单元邻'],
      [33, '20栋1单元邻'],
      [34, '21栋1单元邻'],
      [35, '22栋1单元邻'],
    ]);

    // 1 片 + 2 组 + 4 邻, each with its lead: 14 writes; and the new seats in the 工作台's
    // figures, summed per level (deskstats): one update for 社区/镇街/区 (the same sums), one for
    // 第一片/第一组, and one add each for the new 片 and its two 组: 5.
    expect(writes).toBe(14 + 5);
    expect(await countAll()).toEqual({ nodes: before.nodes + 7, leads: before.leads + 7 });

    const [area] = await nodesNamed('第四片');
    expect(area).toMatchObject({ level: 'area', parentId: 'c1', order: 4, at: { district: 'yt', street: 's1', community: 'c1', area: area._id } });
    expect(area._id).toMatch(/^a[0-9a-z]{10}$/);
    expect(area.lead).toMatchObject({ name: '白立新', phone: '13900001002' });

    const [unit] = await nodesNamed('21栋1单元邻');
    expect(unit._id).toMatch(/^u[0-9a-z]{10}$/);
    const group = await node(unit.parentId as string);
    expect(group).toMatchObject({ level: 'group', name: '第一组', parentId: area._id, lead: { name: '邹春梅', phone: '13900001003' } });
    expect(unit).toMatchObject({
      level: 'unit',
      order: 2,
      at: { district: 'yt', street: 's1', community: 'c1', area: area._id, group: group._id, unit: unit._id },
      buildings: ['21栋1单元', '21栋2单元', '21栋3单元'],
      lead: { name: '熊振华', phone: '13900001005' },
      stats: { households: 0, bound: 0, visited: 0 },
      chain: {
        group: { id: group._id, name: '第一组', lead: { name: '邹春梅', phone: '13900001003' } },
        area: { id: area._id, name: '第四片', lead: { name: '白立新', phone: '13900001002' } },
        community: { id: 'c1', name: '幸福里社区', hotline: '0731-58000001' },
      },
    });
    expect(unit.promise).toBeTruthy();
    expect(unit.wechatGroup?.name).toBe('21栋1单元邻里群');
    const [lead] = await leadsOf(unit._id);
    expect(lead).toMatchObject({ _id: unit.lead?.id, role: 'neighbourLead', status: 'active', openid: null, at: unit.at });

    // The new 邻 in an existing 组 comes after the 组's 邻 and carries the stored chain.
    const [inG1] = await nodesNamed('2栋2单元邻');
    expect(inG1).toMatchObject({ parentId: 'g1', order: 5, chain: { group: { id: 'g1', lead: { name: '陈建国' } }, area: { id: 'a1', lead: { name: '李建国' } } } });

    // Importing the same file again: everything unchanged (the faults stay faults), nothing written.
    const again = await run(await upload(faultyRows()));
    expect(again.report.summary).toEqual({ rows: 39, added: 0, changed: 0, unchanged: 34, rejected: 5 });
    expect(rejected(again.report).map((r) => r.row)).toEqual([36, 37, 38, 39, 40]);
    expect(again.writes).toBe(0);
    expect(await countAll()).toEqual({ nodes: before.nodes + 7, leads: before.leads + 7 });
  });

  it('writes the whole row-by-row report as .xlsx', async () => {
    const { report } = await run(await upload(faultyRows()));
    expect(report.reportUrl).toMatch(/^\/files\/reports\/[0-9a-f]{24}\/roster-[0-9a-f]{32}\.xlsx$/);
    const rows = await readXlsx(reportFile(report), '导入结果');
    expect(rows[0]).toEqual(['行号', '结果', '镇街', '社区', '片', '组', '邻', '邻长', '说明']);
    expect(rows).toHaveLength(40);
    expect(rows[1].slice(0, 2)).toEqual(['2', '未变']);
    expect(rows[31].slice(0, 2)).toEqual(['32', '新增']);
    expect(rows[35][1]).toBe('未导入');
    expect(rows[35][8]).toMatch(/缺少片的名称/);
    const summary = await readXlsx(reportFile(report), '汇总');
    expect(summary).toContainEqual(['未导入', '5']);
  });

  it('dry run reports the same and writes nothing', async () => {
    const fileId = await upload(faultyRows());
    const before = await countAll();
    const dry = await run(fileId, { dryRun: true });
    expect(dry.report.dryRun).toBe(true);
    expect(dry.report.summary).toEqual({ rows: 39, added: 4, changed: 0, unchanged: 30, rejected: 5 });
    expect(dry.writes).toBe(0);
    expect(await countAll()).toEqual(before);
    expect(reportFile(dry.report).length).toBeGreaterThan(0);

    const real = await run(fileId);
    expect(real.report.dryRun).toBe(false);
    expect(real.report.summary).toEqual(dry.report.summary);
    expect(real.report.rows.map((r) => [r.row, r.status, r.reason])).toEqual(dry.report.rows.map((r) => [r.row, r.status, r.reason]));
  });

  it('treats a new phone as a successor (history kept, card copies updated) and a new name with the same phone as a correction', async () => {
    const u1Before = await node('u1');
    const u4Before = await node('u4');
    const g2Before = await node('g2');
    const rows = demoRosterRows();
    // Row 2 (u1, whose 邻长 has linked WeChat as demo-neighbour-lead): a new 邻长.
    rows[0] = { ...rows[0], unitLeadName: '罗秀英', unitLeadPhone: '13900002001' };
    // Row 5 (u4): the same phone, the name corrected.
    rows[3] = { ...rows[3], unitLeadName: '何健国' };
    // Rows 6–9 (g2): a new 组长; row 6 (u5) also serves one more building.
    for (const i of [4, 5, 6, 7]) rows[i] = { ...rows[i], groupLeadName: '韦凤英', groupLeadPhone: '13900002002' };
    rows[4] = { ...rows[4], buildings: '3栋1单元、3栋门面' };

    const { report, writes } = await run(await upload(rows));
    expect(report.summary).toEqual({ rows: 30, added: 0, changed: 6, unchanged: 24, rejected: 0 });
    const changed = new Map(report.rows.map((r) => [r.row, r.reason]));
    expect(changed.get(2)).toBe('邻长更换：朱建国 → 罗秀英');
    expect(changed.get(5)).toBe('邻长姓名更正：何建国 → 何健国');
    expect(changed.get(6)).toBe('楼栋单元：3栋1单元 → 3栋1单元、3栋门面；组长更换：杨建国 → 韦凤英');
    expect(changed.get(7)).toBe('组长更换：杨建国 → 韦凤英');

    // u1: the old 邻长 is history, the new one is on the card; the old one's role is revoked.
    const u1 = await node('u1');
    expect(u1.lead).toMatchObject({ name: '罗秀英', phone: '13900002001', openid: null });
    const [old, current] = await leadsOf('u1');
    expect(old).toMatchObject({ _id: u1Before.lead?.id, name: '朱建国', status: 'replaced', reason: '名册导入', openid: 'demo-neighbour-lead' });
    expect(old.until).toEqual(expect.any(Number));
    expect(current).toMatchObject({ _id: u1.lead?.id, name: '罗秀英', status: 'active' });
    const user = (await rt.store.collection('users').doc('demo-neighbour-lead').get()) as UserDoc;
    expect(user.grants.some((g) => g.nodeId === 'u1')).toBe(false);

    // u4: same person, name corrected in place.
    const u4 = await node('u4');
    expect(u4.lead).toMatchObject({ id: u4Before.lead?.id, name: '何健国', phone: u4Before.lead?.phone });
    expect(await leadsOf('u4')).toEqual([expect.objectContaining({ _id: u4Before.lead?.id, name: '何健国', status: 'active' })]);

    // g2: new 组长 on the 组 and on the card of every 邻 under it.
    expect((await node('g2')).lead).toMatchObject({ name: '韦凤英', phone: '13900002002' });
    expect((await leadsOf('g2'))[0]).toMatchObject({ _id: g2Before.lead?.id, status: 'replaced' });
    for (const id of ['u5', 'u6', 'u7', 'u8']) {
      expect((await node(id)).chain?.group.lead).toEqual({ name: '韦凤英', phone: '13900002002' });
    }
    expect((await node('u9')).chain?.group.lead).toEqual({ name: '黄建国', phone: '13900000006' });
    expect((await node('u5')).buildings).toEqual(['3栋1单元', '3栋门面']);
    // u1 succession: replace old (1) + revoke role (1 tx write) + add (1) + node (1) = 4;
    // u4 correction: lead (1) + node (1); g2: replace + add + node + cards (4); u5 buildings (1).
    expect(writes).toBe(4 + 2 + 4 + 1);

    // The same file again: nothing left to do.
    const again = await run(await upload(rows));
    expect(again.report.summary).toMatchObject({ changed: 0, unchanged: 30 });
    expect(again.writes).toBe(0);
  });

  it('rejects 社区 outside the admin’s scope or unknown; a 镇街 admin reaches every 社区 of the 镇街', async () => {
    await rt.store.collection('nodes').add({
      _id: 'c2',
      level: 'community',
      name: '光明社区',
      parentId: 's1',
      at: { district: 'yt', street: 's1', community: 'c2' },
      order: 2,
      hotline: '0731-58000002',
      stats: { households: 0, bound: 0, visited: 0 },
    });
    const rows = [
      ...demoRosterRows(),
      row({ street: '示范街道', community: '光明社区', area: '第一片', group: '第一组', unit: '1栋1单元邻', unitLeadName: '柳青青', unitLeadPhone: '13900003001' }),
      row({ community: '不存在社区', area: '第一片', group: '第一组', unit: '1栋1单元邻', unitLeadName: '柳红红', unitLeadPhone: '13900003002' }),
    ];
    const fileId = await upload(rows);
    const { report, writes } = await run(fileId);
    expect(report.summary).toMatchObject({ unchanged: 30, rejected: 2 });
    expect(rejected(report)).toEqual([
      { row: 32, status: 'rejected', unit: '1栋1单元邻', reason: '社区“光明社区”不在您的管理范围内（幸福里社区）' },
      { row: 33, status: 'rejected', unit: '1栋1单元邻', reason: '系统中没有“不存在社区”这个社区，请核对名称' },
    ]);
    expect(writes).toBe(0);

    const street: RoleGrantT = { role: 'admin', nodeId: 's1', nodeName: '示范街道', level: 'street' };
    const asStreet = await run(fileId, { scope: street });
    expect(asStreet.report.summary).toMatchObject({ unchanged: 30, added: 1, rejected: 1 });
    const [unit] = (await rt.store.collection('nodes').where({ 'at.community': 'c2', level: 'unit' }).get()) as NodeDoc[];
    expect(unit).toMatchObject({ name: '1栋1单元邻', chain: { community: { id: 'c2', name: '光明社区', hotline: '0731-58000002' } } });

    await expect(importRoster(ctx, { role: 'admin', nodeId: 'p1', nodeName: '商家', level: 'partner' }, fileId, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('names every other kind of fault, and accepts what is only written differently', async () => {
    const demo = demoRosterRows();
    const rows = [
      ...demo.slice(1), // rows 2–30: the demo without 1栋1单元邻 (u1)
      // 31: a 邻 stored under another 组
      { ...demo[0], group: '第二组', groupLeadName: '', groupLeadPhone: '' },
      // 32: a phone that belongs to another, stored 三长 (u1's 朱建国)
      row({ community: '幸福里社区', area: '第一片', group: '第一组', unit: '2栋5单元邻', unitLeadName: '王小明', unitLeadPhone: '13900000013' }),
      // 33: the same 邻 twice
      demo[5],
      // 34: 组长 differs from the first row of the 组
      { ...demo[6], unit: '3栋5单元邻', unitLeadPhone: '13900004001', groupLeadName: '蒋丽华' },
      // 35: missing 组, missing 邻长 name; 片长 name without phone
      row({ community: '幸福里社区', area: '第一片', areaLeadName: '李建国', unit: '5栋5单元邻', unitLeadPhone: '13900004002' }),
      // 36: no 邻 and no 邻长 at all
      row({ community: '幸福里社区', area: '第一片', group: '第一组' }),
      // 37: a 镇街 without that 社区
      row({ street: '别的街道', community: '幸福里社区', area: '第一片', group: '第一组', unit: '2栋6单元邻', unitLeadName: '董小飞', unitLeadPhone: '13900004003' }),
      // 38: two people of one row with one phone
      row({ community: '幸福里社区', area: '第五片', areaLeadName: '甲', areaLeadPhone: '13900004004', group: '第一组', unit: '30栋1单元邻', unitLeadName: '乙', unitLeadPhone: '13900004004' }),
      // 39: written differently but fine: +86 and dashes, full-width digits, spaces in names,
      // the same person as 组长 and 邻长
      row({
        community: ' 幸福里社区 ',
        area: '第 五片',
        group: '第一组',
        groupLeadName: '钱 多多',
        groupLeadPhone: '+86 139-0000-4005',
        unit: '３０栋２单元邻',
        unitLeadName: '钱多多',
        unitLeadPhone: '１３９００００４００５',
        buildings: '30栋2单元 30栋3单元、30栋2单元',
      }),
    ];
    const { report } = await run(await upload(rows));
    const reasons = Object.fromEntries(rejected(report).map((r) => [r.row, r.reason]));
    expect(reasons).toEqual({
      31: '邻“1栋1单元邻”在系统中属于第一片第一组，导入不调整邻的归属；如需调到第一片第二组，请在组织体系图中操作',
      32: '邻长电话13900000013已登记为朱建国（1栋1单元邻邻长），同一手机号不能属于不同的人',
      33: '邻“3栋2单元邻”重复：第6行已填写过这个邻',
      34: '组长与第5行不一致（第5行：杨建国（13900000005），本行：蒋丽华（13900000005）），同一个组以第一次填写的为准',
      35: '缺少组的名称；缺少片长电话；缺少邻长姓名',
      36: '缺少邻的名称；缺少邻长姓名和电话',
      37: '镇街“别的街道”下没有“幸福里社区”，请核对镇街名称',
      38: '片长甲与邻长乙的手机号相同（13900004004），同一手机号不能属于不同的人',
    });
    expect(report.summary).toEqual({ rows: 38, added: 1, changed: 0, unchanged: 29, rejected: 8 });
    const [unit] = await nodesNamed('30栋2单元邻');
    expect(unit).toMatchObject({ buildings: ['30栋2单元', '30栋3单元'], lead: { name: '钱多多', phone: '13900004005' } });
    expect(unit.chain?.group.lead).toEqual({ name: '钱多多', phone: '13900004005' });
    expect(unit.chain?.area).toMatchObject({ name: '第五片', lead: null });
    expect((await nodesNamed('第五片'))[0].lead).toBeNull();

  });

  it('lists the 邻 left out of the file in the report and removes nothing', async () => {
    const { report, writes } = await run(await upload(demoRosterRows().filter((r) => r.unit !== '1栋2单元邻')));
    expect(report.summary).toEqual({ rows: 29, added: 0, changed: 0, unchanged: 29, rejected: 0 });
    expect(writes).toBe(0);
    const absent = await readXlsx(reportFile(report), '名册中未出现的邻');
    expect(absent[1]).toEqual(['幸福里社区', '第一片', '第一组', '1栋2单元邻', '胡建国']);
    expect(absent).toHaveLength(3); // header, the one 邻, the note
    expect(absent[2][0]).toMatch(/导入不会删除/);
    expect(await node('u2')).toMatchObject({ name: '1栋2单元邻', lead: { name: '胡建国' } });
  });

  it('reads a sheet with a title line, merged 片 cells, 片长 given once, and phones as numbers', async () => {
    const rows = demoRosterRows({ leadsOnce: true, noStreet: true });
    const { report, writes } = await run(await upload(rows, { title: '幸福里社区三长名册（2026年11月）', mergeAreas: true, phonesAsNumbers: true }));
    expect(report.summary).toEqual({ rows: 30, added: 0, changed: 0, unchanged: 30, rejected: 0 });
    expect(writes).toBe(0);
  });

  it('refuses a file that is not a roster', async () => {
    const notXlsx = await rt.ports.files.put('uploads/notes.xlsx', Buffer.from('不是表格'), XLSX_TYPE);
    await expect(importRoster(ctx, ADMIN, notXlsx, false)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/无法读取/) });
    const wrongHeaders = await upload(demoRosterRows(), { headers: COLUMNS.map((c) => (c.key === 'unit' ? '单元' : c.header)) });
    await expect(importRoster(ctx, ADMIN, wrongHeaders, false)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '表头缺少：邻。请使用导入模板的表头' });
    const empty = await upload([]);
    await expect(importRoster(ctx, ADMIN, empty, false)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '名册里没有数据行' });
  });
});
