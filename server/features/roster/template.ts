// The roster template: the header row the import reads, two example rows and a sheet
// explaining each column.
import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context';
import { COLUMNS, type ColumnKey } from './columns';

/** Plainly fictitious people (139-0000 block), as in the seed. */
export const TEMPLATE_EXAMPLES: Record<ColumnKey, string>[] = [
  {
    street: '示范街道',
    community: '幸福里社区',
    area: '第九片',
    areaLeadName: '刘建国',
    areaLeadPhone: '13900000101',
    group: '第一组',
    groupLeadName: '陈秀英',
    groupLeadPhone: '13900000102',
    unit: '15栋1单元邻',
    unitLeadName: '王桂兰',
    unitLeadPhone: '13900000103',
    buildings: '15栋1单元、15栋2单元',
  },
  {
    street: '示范街道',
    community: '幸福里社区',
    area: '第九片',
    areaLeadName: '',
    areaLeadPhone: '',
    group: '第一组',
    groupLeadName: '',
    groupLeadPhone: '',
    unit: '16栋1单元邻',
    unitLeadName: '张志强',
    unitLeadPhone: '13900000104',
    buildings: '16栋1单元',
  },
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function rosterTemplateBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻长通';

  const ws = wb.addWorksheet('名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell, col) => {
    const required = COLUMNS[col - 1].required;
    cell.font = { bold: true, color: { argb: required ? 'FFFFFFFF' : 'FF1F2329' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required ? 'FF07C160' : 'FFE7F7EE' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = COLUMNS[col - 1].help;
  });
  for (const example of TEMPLATE_EXAMPLES) ws.addRow(example);
  // Phones as text, so Excel neither rounds them nor shows 1.39E+10.
  for (const c of COLUMNS) if (c.key.endsWith('Phone')) ws.getColumn(c.key).numFmt = '@';

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 12 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS) {
    help.addRow({ header: c.header, required: c.required ? '必填' : '选填', help: c.help }).alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow({});
  const notes = [
    '一、每个邻占一行；第一行是表头，请不要修改列名。绿色表头为必填列。第2、3行是示例（人名和号码均为虚构），填写前请删除。',
    '二、片、组、邻按名称识别：系统中已有的会更新三长和楼栋，没有的会新建；名册中没有出现的不会被删除。',
    '三、同一手机号只能属于一个人；换了手机号即视为换人，原三长会记入历任，联系卡自动显示新的三长。',
    '四、同一个片的片长、同一个组的组长只需填写一次；多行填写时必须一致。',
    '五、可以先“试导入”检查，确认报告无误后再正式导入；同一份名册重复导入不会产生变化。',
  ];
  for (const n of notes) {
    const row = help.addRow({ header: n });
    help.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function rosterTemplate(ctx: Ctx): Promise<string> {
  // One fixed path: the template never depends on who asks, so it is simply rewritten.
  const id = await ctx.files.put('templates/roster-template.xlsx', await rosterTemplateBuffer(), XLSX);
  return ctx.files.url(id);
}
