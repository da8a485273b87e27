// Partner-and-perk import from .xlsx: a row report like the roster's, each bad row refused
// with its reason, scope respected, and a second import of the same file changes nothing.
import ExcelJS from 'exceljs';
import { C, type PartnerDoc, type PerkDoc } from '../../server/features/perk/docs';
import { perkTemplateBuffer } from '../../server/features/perk/template';
import { dayEnd, dayStart, parseDate, parseEligibility, parseLimit } from '../../server/features/perk/import-parse';
import { ADMIN, NL, count, ok, perkCall, perkRuntime, uploadSheet } from './perk-helpers';
import { uploadAs } from './runtime';

const shop = {
  name: '向阳花店',
  category: '购物',
  address: '岳塘区向阳路10号',
  lat: '27.8591',
  lng: '112.9544',
  hours: '每天 08:00-20:00',
  phone: '0731-58109999',
};
const perkCols = (title: string) => ({
  title,
  description: `${title}，凭码使用`,
  eligibility: '三长',
  validFrom: '2026-11-01',
  validTo: '2027-10-31',
  limit: '每月1次',
});

const GOOD_ROWS = [
  { ...shop, ...perkCols('鲜花九折') }, // row 2: new partner, new perk
  { name: '向阳花店', ...perkCols('节日花束立减20元'), eligibility: '片长、最美邻长', limit: '共1次' }, // row 3: same partner, later row
  { name: '老街米粉店', ...perkCols('米粉加码免费'), description: '早餐米粉免费加一份码子', validFrom: '', validTo: '', limit: '' }, // row 4: rejected (dates, limit)
];

describe('perk import', () => {
  it('adds, changes, leaves unchanged and rejects row by row, with a reason for each rejection', async () => {
    const rt = perkRuntime();
    const fileId = await uploadSheet(rt, [
      ...GOOD_ROWS,
      { ...shop, name: '无名小店', category: '酒吧', ...perkCols('啤酒买一送一') }, // 5: unknown category
      { ...shop, name: '颠倒茶馆', lat: '112.95', lng: '27.86', ...perkCols('茶水免费') }, // 6: swapped coordinates
      { ...shop, name: '日期书店', ...perkCols('图书八折'), validFrom: '2026-13-01' }, // 7: bad date
      { ...shop, name: '反向书店', ...perkCols('图书九折'), validFrom: '2027-01-01', validTo: '2026-01-01' }, // 8: end before start
      { ...shop, name: '无题商店', description: '有内容没有标题', validFrom: '2026-11-01', validTo: '2027-10-31', limit: '每月1次' }, // 9: missing title
      { ...shop, name: '次数商店', ...perkCols('随便用'), limit: '无限次' }, // 10: bad limit
      { name: '仁和大药房（示范路店）', ...perkCols('常用药九五折') }, // 11: the 镇街's partner, out of scope
      { name: '新开小店', ...perkCols('开业大吉') }, // 12: a new partner without its details
      { ...shop, name: '广告商店', ...perkCols('兼职日结'), description: '加微信领红包' }, // 13: flagged text
      { name: '向阳花店', ...perkCols('鲜花九折') }, // 14: the same perk twice
      { name: '向阳花店', address: '岳塘区别处1号', ...perkCols('绿植八折') }, // 15: partner details that disagree with row 2
      { name: '湘味小厨', hours: '每天 10:00-22:00', ...perkCols('堂食九折'), description: '凭邻长通优惠码堂食九折，酒水除外' }, // 16: changed hours; perk dates changed
    ]);
    const report = ok(await perkCall(rt, 'import', { fileId }, ADMIN));
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    const reason = (row: number) => (byRow.get(row) as { reason?: string } | undefined)?.reason ?? '';
    expect(byRow.get(2)).toMatchObject({ status: 'added', partner: '向阳花店', perk: '鲜花九折' });
    expect(byRow.get(3)).toMatchObject({ status: 'added', perk: '节日花束立减20元' });
    expect(byRow.get(4)).toMatchObject({ status: 'rejected' });
    expect(reason(4)).toMatch(/缺少开始日期.*缺少结束日期.*缺少使用限制/);
    expect(reason(5)).toContain('类别“酒吧”不在8类之中');
    expect(reason(6)).toContain('经纬度填反了');
    expect(reason(7)).toContain('开始日期“2026-13-01”无法识别');
    expect(reason(8)).toContain('结束日期早于开始日期');
    expect(reason(9)).toContain('缺少优惠名称');
    expect(reason(10)).toContain('使用限制“无限次”无法识别');
    expect(reason(11)).toContain('不在您的管理范围内');
    expect(reason(12)).toMatch(/新商家缺少：类别、地址、经纬度、营业时间、电话/);
    expect(reason(13)).toContain('不适宜');
    expect(reason(14)).toContain('与第2行重复');
    expect(reason(15)).toContain('地址与第2行不一致');
    expect(byRow.get(16)).toMatchObject({ status: 'changed' });
    expect(reason(16)).toMatch(/营业时间：每天 10:00-21:00 → 每天 10:00-22:00.*有效期/);
    expect(report.summary).toEqual({ rows: 15, added: 2, changed: 1, unchanged: 0, rejected: 12 });
    expect(report.reportUrl).toMatch(/^\/files\/reports\/[0-9a-f]{24}\/perks-[0-9a-f]{32}\.xlsx$/);
    expect(report.dryRun).toBe(false);

    // What was written: the new partner at the admin's 社区 with its two perks, the changed hours.
    const [flower] = (await rt.store.collection(C.partners).where({ name: '向阳花店' }).get()) as PartnerDoc[];
    expect(flower).toMatchObject({ category: 'shopping', scopeId: 'c1', scopeName: '幸福里社区', location: { lat: 27.8591, lng: 112.9544 }, phone: '0731-58109999', status: 'active' });
    const perks = (await rt.store.collection(C.perks).where({ partnerId: flower._id }).orderBy('order', 'asc').get()) as PerkDoc[];
    expect(perks.map((k) => [k.title, k.eligibility, k.limit])).toEqual([
      ['鲜花九折', ['neighbourLead', 'groupLead', 'areaLead'], { count: 1, period: 'month' }],
      ['节日花束立减20元', ['areaLead', 'honoree'], { count: 1, period: 'total' }],
    ]);
    expect(perks[0].validFrom).toBe(dayStart('2026-11-01'));
    expect(perks[0].validTo).toBe(dayEnd('2027-10-31'));
    for (const name of ['无名小店', '颠倒茶馆', '日期书店', '广告商店', '新开小店']) expect(await count(rt, C.partners, { name })).toBe(0);
    expect(((await rt.store.collection(C.partners).doc('p1').get()) as PartnerDoc).hours).toBe('每天 10:00-22:00');
    // …and the list shows it straight away.
    expect(ok(await perkCall(rt, 'list', { keyword: '向阳' }, NL)).total).toBe(2);

    // The report file holds every row.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rt.ports.files.get(`local:${report.reportUrl.slice('/files/'.length)}`)) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('导入结果')!.rowCount).toBe(16);

    // A second import of the same file changes nothing and writes nothing.
    const writes = rt.store.stats().writes;
    const again = ok(await perkCall(rt, 'import', { fileId }, ADMIN));
    expect(again.summary).toEqual({ rows: 15, added: 0, changed: 0, unchanged: 3, rejected: 12 });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('a dry run reports without writing', async () => {
    const rt = perkRuntime();
    const fileId = await uploadSheet(rt, GOOD_ROWS);
    const writes = rt.store.stats().writes;
    const report = ok(await perkCall(rt, 'import', { fileId, dryRun: true }, ADMIN));
    expect(report).toMatchObject({ dryRun: true, summary: { added: 2, rejected: 1 } });
    expect(rt.store.stats().writes).toBe(writes);
    expect(await count(rt, C.partners, { name: '向阳花店' })).toBe(0);
    rt.close();
  });

  it('reads date cells, numbers and the template as written', async () => {
    const rt = perkRuntime();
    const fileId = await uploadSheet(rt, [
      { ...shop, lat: 27.8591, lng: 112.9544, phone: 13900001234, ...perkCols('日期单元格'), validFrom: new Date(Date.UTC(2026, 10, 1)), validTo: new Date(Date.UTC(2027, 9, 31)) },
    ]);
    const report = ok(await perkCall(rt, 'import', { fileId }, ADMIN));
    expect(report.summary).toMatchObject({ added: 1, rejected: 0 });
    const [k] = (await rt.store.collection(C.perks).where({ title: '日期单元格' }).get()) as PerkDoc[];
    expect([k.validFrom, k.validTo]).toEqual([dayStart('2026-11-01'), dayEnd('2027-10-31')]);

    // The template's own example rows import cleanly.
    const tpl = await uploadAs(rt, ADMIN, 'sheet', await perkTemplateBuffer());
    expect(ok(await perkCall(rt, 'import', { fileId: tpl, dryRun: true }, ADMIN)).summary).toMatchObject({ added: 2, rejected: 0 });
    const url = ok(await perkCall(rt, 'importTemplate', {}, ADMIN)).url;
    expect(url).toBe('/files/templates/perk-template.xlsx');
    rt.close();
  });

  it('refuses a file that is not a sheet of partners', async () => {
    const rt = perkRuntime();
    const junk = await uploadAs(rt, ADMIN, 'sheet', Buffer.from('not a workbook'));
    expect(await perkCall(rt, 'import', { fileId: junk }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['商家名称', '类别']);
    const partial = await uploadAs(rt, ADMIN, 'sheet', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await perkCall(rt, 'import', { fileId: partial }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('表头缺少：地址、纬度、经度、优惠名称') },
    });
    expect(await perkCall(rt, 'import', { fileId: 'local:uploads/missing.xlsx' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    rt.close();
  });

  it('parses what people type', () => {
    expect(parseDate('2026/12/1')).toBe('2026-12-01');
    expect(parseDate('2026年12月1日')).toBe('2026-12-01');
    expect(parseDate('20261201')).toBe('2026-12-01');
    expect(parseDate('46357')).toBe('2026-12-01'); // an Excel serial
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseLimit('每人每月1次')).toEqual({ count: 1, period: 'month' });
    expect(parseLimit('每周 2 次')).toEqual({ count: 2, period: 'week' });
    expect(parseLimit('1次/天')).toEqual({ count: 1, period: 'day' });
    expect(parseLimit('共3次')).toEqual({ count: 3, period: 'total' });
    expect(parseLimit('每月0次')).toBeNull();
    expect(parseEligibility('')).toEqual({ value: ['neighbourLead', 'groupLead', 'areaLead'] });
    expect(parseEligibility('邻长和组长')).toEqual({ value: ['neighbourLead', 'groupLead'] });
    expect(parseEligibility('楼长')).toEqual({ error: expect.stringContaining('楼长') });
  });
});
