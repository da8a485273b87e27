// What an .xlsx may hold before any workbook library sees it. A few KB of zip can declare a
// structure far larger than its bytes (a merged range over the rest of the sheet, a dimension of
// a million rows, a zip entry that inflates a thousandfold); exceljs would build all of it in
// memory. So the zip's own directory and the sheet XML are inspected first, within bounded
// memory (every entry is inflated with a cap on its output) and time, and a file over any of
// these limits is refused with a Chinese message that names the limit. The README lists them.
import zlib from 'node:zlib';
import { AppError } from './errors';

export const XLSX_LIMITS = {
  /** Entries in the zip. */
  entries: 1000,
  /** Uncompressed bytes of one entry, and of all entries together. */
  entryBytes: 40 * 1024 * 1024,
  totalBytes: 80 * 1024 * 1024,
  sheets: 20,
  /** Rows of one sheet (as stored), and the highest row number a cell may sit on. */
  rows: 60_000,
  /** The highest column a cell may sit in (CV = 100). */
  columns: 100,
  /** Cells of all sheets together. */
  cells: 2_000_000,
  /** Merged ranges of one sheet, and the cells they cover together. */
  mergedRanges: 2_000,
  mergedCells: 100_000,
  /** Entries of the shared string table. */
  sharedStrings: 1_000_000,
} as const;

/**
 * Rows and file size of each import (the README lists them), and how its messages name the
 * sheet and what to do with one that is too long; spread into Sheets.read's options.
 */
export const IMPORT_LIMITS = {
  roster: { maxRows: 30_000, maxBytes: 20 * 1024 * 1024, noun: '名册', splitHint: '请分社区导入' },
  perk: { maxRows: 2_000, maxBytes: 10 * 1024 * 1024, noun: '表格', splitHint: '请分批导入' },
} as const;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const bad = (detail: string) => new AppError('INVALID_INPUT', `这个表格的结构超出导入限制（${detail}），请另存为普通的 .xlsx 后再试，或分开导入`);
const unreadable = () => new AppError('INVALID_INPUT', '无法读取这个文件，请上传 .xlsx 格式的表格（可先下载导入模板）');

/** The zip's central directory (what each entry declares), read from the end of the file. */
function entriesOf(data: Buffer): ZipEntry[] {
  const min = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = data.readUInt16LE(eocd + 10);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count > XLSX_LIMITS.entries) throw bad(`文件内含 ${count} 个部件，最多 ${XLSX_LIMITS.entries} 个`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw unreadable();
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    entries.push({
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
      name: data.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's bytes, never more than it declares (a zip whose entries lie about their size is refused). */
function inflate(data: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== 0x04034b50) throw unreadable();
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw unreadable();
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw bad('压缩内容与声明的大小不符');
    throw unreadable();
  }
}

/** Column letters to a number (A = 1). */
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const REF = /^([A-Z]{1,3})(\d{1,7})$/;

function rangeSize(ref: string): { rows: number; cols: number; maxRow: number; maxCol: number } | null {
  const [a, b = a] = ref.split(':');
  const ma = REF.exec(a);
  const mb = REF.exec(b);
  if (!ma || !mb) return null;
  const r1 = Number(ma[2]);
  const r2 = Number(mb[2]);
  const c1 = colNumber(ma[1]);
  const c2 = colNumber(mb[1]);
  return { rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1, maxRow: Math.max(r1, r2), maxCol: Math.max(c1, c2) };
}

const count = (text: string, re: RegExp) => {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
};

export interface XlsxShape {
  sheets: number;
  rows: number;
  cells: number;
  mergedRanges: number;
  sharedStrings: number;
}

/**
 * Refuses (INVALID_INPUT, naming the limit) any .xlsx over XLSX_LIMITS; returns what it counted.
 * Reads only the zip directory, the sheets and the shared strings, each inflated under a cap.
 */
export function inspectXlsx(data: Buffer): XlsxShape {
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) throw unreadable();
  const entries = entriesOf(data);
  let total = 0;
  for (const e of entries) {
    if (e.size > XLSX_LIMITS.entryBytes) throw bad(`部件 ${e.name.slice(0, 40)} 解压后超过 ${XLSX_LIMITS.entryBytes / 1024 / 1024}MB`);
    total += e.size;
  }
  if (total > XLSX_LIMITS.totalBytes) throw bad(`解压后共超过 ${XLSX_LIMITS.totalBytes / 1024 / 1024}MB`);

  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length === 0) throw unreadable();
  if (sheets.length > XLSX_LIMITS.sheets) throw bad(`有 ${sheets.length} 个工作表，最多 ${XLSX_LIMITS.sheets} 个`);

  let cells = 0;
  let rows = 0;
  let mergedRanges = 0;
  for (const e of sheets) {
    const xml = inflate(data, e).toString('utf8');
    const dim = /<dimension\b[^>]*\bref="([^"]+)"/.exec(xml);
    const size = dim ? rangeSize(dim[1]) : null;
    if (size && size.maxRow > XLSX_LIMITS.rows) throw bad(`工作表范围到第 ${size.maxRow} 行，最多 ${XLSX_LIMITS.rows} 行`);
    if (size && size.maxCol > XLSX_LIMITS.columns) throw bad(`工作表范围到第 ${size.maxCol} 列，最多 ${XLSX_LIMITS.columns} 列`);
    const sheetRows = count(xml, /<row\b/g);
    if (sheetRows > XLSX_LIMITS.rows) throw bad(`一个工作表有 ${sheetRows} 行，最多 ${XLSX_LIMITS.rows} 行`);
    rows = Math.max(rows, sheetRows);
    // Where cells sit: the highest row and column named by any cell or row.
    const refs = /<(?:c|row)\b[^>]*?\br="([A-Z]{0,3})(\d+)"/g;
    for (let m = refs.exec(xml); m; m = refs.exec(xml)) {
      if (Number(m[2]) > XLSX_LIMITS.rows) throw bad(`有内容在第 ${m[2]} 行，最多 ${XLSX_LIMITS.rows} 行`);
      if (m[1] && colNumber(m[1]) > XLSX_LIMITS.columns) throw bad(`有内容在第 ${colNumber(m[1])} 列，最多 ${XLSX_LIMITS.columns} 列`);
    }
    cells += count(xml, /<c\b/g);
    if (cells > XLSX_LIMITS.cells) throw bad(`单元格超过 ${XLSX_LIMITS.cells} 个`);
    const merges = xml.match(/<mergeCell\b[^>]*\bref="[^"]+"/g) ?? [];
    if (merges.length > XLSX_LIMITS.mergedRanges) throw bad(`一个工作表有 ${merges.length} 处合并单元格，最多 ${XLSX_LIMITS.mergedRanges} 处`);
    mergedRanges += merges.length;
    let covered = 0;
    for (const m of merges) {
      const r = rangeSize(/ref="([^"]+)"/.exec(m)![1]);
      if (!r) throw unreadable();
      if (r.maxRow > XLSX_LIMITS.rows || r.maxCol > XLSX_LIMITS.columns) throw bad(`合并单元格超出第 ${XLSX_LIMITS.rows} 行或第 ${XLSX_LIMITS.columns} 列`);
      covered += r.rows * r.cols;
      if (covered > XLSX_LIMITS.mergedCells) throw bad(`合并单元格共覆盖超过 ${XLSX_LIMITS.mergedCells} 格`);
    }
  }

  let sharedStrings = 0;
  const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (sst) {
    const xml = inflate(data, sst).toString('utf8');
    sharedStrings = count(xml, /<si\b/g);
    if (sharedStrings > XLSX_LIMITS.sharedStrings) throw bad(`共享字符串超过 ${XLSX_LIMITS.sharedStrings} 条`);
  }
  return { sheets: sheets.length, rows, cells, mergedRanges, sharedStrings };
}
