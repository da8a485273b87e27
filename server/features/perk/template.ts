// The partner-and-perk import template: the header the import reads, example rows (one
// partner with two perks, so the repeated-partner convention is visible) and the help sheet.
import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context';
import { PERK_COLUMNS, type PerkColumnKey } from './columns';

/** Plainly fictitious businesses. */
export const PERK_TEMPLATE_EXAMPLES: Record<PerkColumnKey, string>[] = [
  {
    name: '湘味小厨（示例）',
    category: '餐饮',
    address: '岳塘区示范路1号',
    lat: '27.8612',
    lng: '112.9531',
    hours: '每天 10:00-21:00',
    phone: '0731-58000001',
    scope: '',
    intro: '家常湘菜，欢迎三长光临',
    title: '堂食九折',
    description: '凭邻长通优惠码堂食九折，酒水除外',
    eligibility: '三长',
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
    limit: '每月1次',
  },
  {
    name: '湘味小厨（示例）',
    category: '',
    address: '',
    lat: '',
    lng: '',
    hours: '',
    phone: '',
    scope: '',
    intro: '',
    title: '最美邻长免费套餐',
    description: '最美邻长每年可享一次双人套餐',
    eligibility: '最美邻长',
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
    limit: '共1次',
  },
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function perkTemplateBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻长通';
  const ws = wb.addWorksheet('支持单位与优惠', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = PERK_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell, col) => {
    const required = PERK_COLUMNS[col - 1].required;
    cell.font = { bold: true, color: { argb: required ? 'FFFFFFFF' : 'FF1F2329' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required ? 'FF07C160' : 'FFE7F7EE' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = PERK_COLUMNS[col - 1].help;
  });
  for (const example of PERK_TEMPLATE_EXAMPLES) ws.addRow(example);
  // Text cells, so Excel keeps phones, coordinates and dates as typed.
  for (const key of ['phone', 'lat', 'lng', 'validFrom', 'validTo'] as const) ws.getColumn(key).numFmt = '@';

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 12 },
    { header: '填写说明', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of PERK_COLUMNS) help.addRow({ header: c.header, help: c.help }).alignment = { wrapText: true, vertical: 'top' };
  help.addRow({});
  const notes = [
    '一、每项优惠占一行；同一商家的多项优惠写在连续几行，商家信息只需在第一行填写（多行填写时必须一致）。',
    '二、商家按名称识别，优惠按“商家＋优惠名称”识别：已有的会更新，没有的会新建；表格中没有的不会被删除或暂停（暂停请在商家页面操作）。',
    '三、日期按北京时间，开始日期当天起、结束日期当天止都可以使用。',
    '四、可以先“试导入”检查，确认报告无误后再正式导入；同一份表格重复导入不会产生变化。',
  ];
  for (const n of notes) {
    const row = help.addRow({ header: n });
    help.mergeCells(row.number, 1, row.number, 2);
    row.alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function perkTemplate(ctx: Ctx): Promise<string> {
  const id = await ctx.files.put('templates/perk-template.xlsx', await perkTemplateBuffer(), XLSX);
  return ctx.files.url(id);
}
