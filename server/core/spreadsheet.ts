// .xlsx imports, shared by every feature that takes a 管理员's Excel sheet (roster,
// partners and perks): reading rows under a recognised header, and the row-by-row report.
import ExcelJS from 'exceljs';
import { AppError } from './errors';
import { inspectXlsx } from './xlsx-limits';
import type { Sheets } from './ports';
import { timeSlices } from './time-slices';
import { formatBeijing } from './time';

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  aliases: string[];
  required?: boolean;
}

export type SheetRow<K extends string> = { row: number } & Record<K, string>;

/** A header cell as compared: full-width folded, notes in brackets and marks (*, ：) dropped. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  // A date cell: Excel dates have no zone and exceljs reads them as UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return '';
}

export interface ReadSheetOptions<K extends string> {
  columns: SheetColumn<K>[];
  maxRows: number;
  maxBytes: number;
  /** What the sheet is, in the messages: 名册, 表格 … */
  noun: string;
  /** How to split a file that is too long: 请分社区导入 … */
  splitHint: string;
  /** Column names to quote when no header is found. */
  headerExample: string;
}

/** The rows of the first sheet whose header row (one of its first 5 rows) names the required columns. */
export async function readSheet<K extends string>(data: Buffer, opts: ReadSheetOptions<K>): Promise<SheetRow<K>[]> {
  if (data.length > opts.maxBytes) {
    throw new AppError('INVALID_INPUT', `文件太大（最多${Math.round(opts.maxBytes / 1024 / 1024)}MB），${opts.splitHint}`);
  }
  // The structure first (zip directory, dimensions, merges, cells, strings), within bounded memory:
  // a workbook over XLSX_LIMITS never reaches exceljs. Then a turn of the event loop, so other
  // callers are answered between the inspection and the parse.
  inspectXlsx(data);
  await new Promise((resolve) => setImmediate(resolve));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('INVALID_INPUT', `无法读取这个文件，请上传 .xlsx 格式的${opts.noun}（可先下载导入模板）`);
  }
  const keys = new Map<string, K>();
  for (const c of opts.columns) for (const h of [c.header, ...c.aliases]) keys.set(normalizeHeader(h), c.key);

  let bestMissing: string[] | null = null;
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
      const cols = new Map<K, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const key = keys.get(normalizeHeader(cellText(cell.value)));
        if (key && !cols.has(key)) cols.set(key, col);
      });
      const missing = opts.columns.filter((c) => c.required && !cols.has(c.key)).map((c) => c.header);
      if (cols.size > 0 && (!bestMissing || missing.length < bestMissing.length)) bestMissing = missing;
      if (missing.length > 0) continue;
      const rows: SheetRow<K>[] = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        if (n <= r) return;
        const raw = { row: n } as SheetRow<K>;
        let any = false;
        for (const c of opts.columns) {
          const col = cols.get(c.key);
          const text = col ? cellText(row.getCell(col).value).trim() : '';
          (raw as Record<K, string>)[c.key] = text;
          if (text) any = true;
        }
        if (any) rows.push(raw);
      });
      if (rows.length > opts.maxRows) {
        throw new AppError('INVALID_INPUT', `${opts.noun}有 ${rows.length} 行，一次最多导入 ${opts.maxRows} 行，${opts.splitHint}`);
      }
      return rows;
    }
  }
  if (bestMissing) throw new AppError('INVALID_INPUT', `表头缺少：${bestMissing.join('、')}。请使用导入模板的表头`);
  throw new AppError('INVALID_INPUT', `没有找到${opts.noun}的表头（${opts.headerExample}……），请使用导入模板`);
}

// ---- the report ----

export type ImportStatus = 'added' | 'changed' | 'unchanged' | 'rejected';
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  added: '新增',
  changed: '变更',
  unchanged: '未变',
  rejected: '未导入',
};
const STATUS_FILL: Partial<Record<ImportStatus, string>> = { added: 'FFE3F6E8', changed: 'FFFFF4D6', rejected: 'FFFDE2E1' };

export interface ReportSummary {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

/** A sheet as plain data (what crosses to the sheets worker): the header row is bold. */
export interface SheetSpec {
  name: string;
  columns: { header: string; key: string; width: number }[];
  rows: Record<string, string | number>[];
  /** The header row stays in view while scrolling. */
  freezeHeader?: boolean;
  /** A filter on the header row. */
  autoFilter?: boolean;
  /** Solid fills: [index into rows, column (1 = A), ARGB]. */
  fills?: [number, number, string][];
}

/** An .xlsx as plain data; `Sheets.write` (server/core/ports.ts) makes the file. */
export interface WorkbookSpec {
  created: number;
  sheets: SheetSpec[];
}

/** The .xlsx of a spec (exceljs). */
export async function renderWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻长通';
  wb.created = new Date(spec.created);
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, s.freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    ws.columns = s.columns;
    ws.getRow(1).font = { bold: true };
    ws.addRows(s.rows);
    for (const [i, col, argb] of s.fills ?? []) {
      ws.getRow(i + 2).getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
    if (s.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reading and writing in this process: the cloud's (an instance serves one call at a time, so a
 * long parse delays no other caller) and the sheets worker's own (server/runtime/local-sheets.ts).
 */
export const inProcessSheets: Sheets = { read: readSheet, write: renderWorkbook };

/**
 * A workbook with the sheet 导入结果 (one line per row: row number, status, the row's own
 * columns, the reason) and 汇总, as plain data: a feature can add sheets of its own before
 * `Sheets.write` makes the file. Yields to other callers while it builds a long report.
 */
export async function importReportWorkbook<R extends { row: number; status: ImportStatus; reason?: string }>(opts: {
  now: number;
  dryRun: boolean;
  scopeLabel: [string, string];
  columns: { header: string; width: number; value: (r: R) => string }[];
  rows: R[];
  summary: ReportSummary;
  extraSummary?: [string, string | number][];
}): Promise<WorkbookSpec> {
  const pause = timeSlices();
  const rows: SheetSpec['rows'] = [];
  const fills: [number, number, string][] = [];
  for (const r of opts.rows) {
    await pause();
    const values: Record<string, string | number> = { row: r.row, status: IMPORT_STATUS_LABELS[r.status], reason: r.reason ?? '' };
    opts.columns.forEach((c, i) => (values[`c${i}`] = c.value(r)));
    const fill = STATUS_FILL[r.status];
    if (fill) fills.push([rows.length, 2, fill]);
    rows.push(values);
  }
  const results: SheetSpec = {
    name: '导入结果',
    freezeHeader: true,
    autoFilter: true,
    columns: [
      { header: '行号', key: 'row', width: 7 },
      { header: '结果', key: 'status', width: 9 },
      ...opts.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width })),
      { header: '说明', key: 'reason', width: 70 },
    ],
    rows,
    fills,
  };
  const summary: SheetSpec = {
    name: '汇总',
    columns: [
      { header: '项目', key: 'k', width: 16 },
      { header: '内容', key: 'v', width: 40 },
    ],
    rows: [
      { k: '导入时间', v: `${formatBeijing(opts.now, 'YYYY-MM-DD HH:mm:ss')}（北京时间）` },
      { k: '方式', v: opts.dryRun ? '试导入（只检查，未写入）' : '正式导入' },
      { k: opts.scopeLabel[0], v: opts.scopeLabel[1] },
      { k: '数据行', v: opts.summary.rows },
      { k: '新增', v: opts.summary.added },
      { k: '变更', v: opts.summary.changed },
      { k: '未变', v: opts.summary.unchanged },
      { k: '未导入', v: opts.summary.rejected },
      ...(opts.extraSummary ?? []).map(([k, v]) => ({ k, v })),
    ],
  };
  return { created: opts.now, sheets: [results, summary] };
}
