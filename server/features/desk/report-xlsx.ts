// The report as .xlsx: a cover sheet, then one sheet per section, the dashboard's figures.
import ExcelJS from 'exceljs';
import type { SummaryT } from '../../../contracts/desk';
import { reportSections } from './report-rows';

export async function reportXlsx(s: SummaryT, title: string, madeAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻长通';
  const cover = wb.addWorksheet('封面');
  cover.columns = [{ width: 16 }, { width: 40 }];
  cover.addRows([['报表', title], ['范围', s.node.name], ['期间', s.period.title], ['月份', s.period.months.join('、')], ['导出时间', madeAt]]);
  cover.getColumn(1).font = { bold: true };
  for (const section of reportSections(s)) {
    const ws = wb.addWorksheet(section.name);
    ws.addRow([section.title]).font = { bold: true, size: 13 };
    ws.addRow(section.header).font = { bold: true };
    for (const r of section.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 12));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
