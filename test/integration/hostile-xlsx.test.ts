// Hostile workbooks, generated: a few KB of zip declaring far more than its bytes (merged ranges
// over the rest of the sheet, huge dimensions, many sheets, a shared-string table of millions,
// an entry that lies about its size). Every import refuses or reports each one with a Chinese
// message within a time and memory bound, and another caller is answered meanwhile.
import fc from 'fast-check';
import zlib from 'node:zlib';
import { XLSX_LIMITS, inspectXlsx } from '../../server/core/xlsx-limits';
import { demoRosterRows, rosterXlsx } from '../fixtures/roster-xlsx';
import { demoRuntime, uploadAs } from './runtime';

jest.setTimeout(300_000);

const TIME_BOUND_MS = 4000;
const HEAP_BOUND_MB = 300;

/** A stored zip of `files` (deflated), optionally declaring a smaller uncompressed size than the truth. */
function zip(files: { name: string; text: string; lieAboutSize?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = Buffer.from(f.text, 'utf8');
    const body = zlib.deflateRawSync(raw);
    const name = Buffer.from(f.name, 'utf8');
    const size = f.lieAboutSize ? Math.max(1, Math.floor(raw.length / 1000)) : raw.length;
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

interface Shape {
  sheets: number;
  dimension: string;
  rows: number;
  colsPerRow: number;
  merges: string[];
  sharedStrings: number;
  farCell: string | null;
  lie: boolean;
}

const colName = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function workbook(s: Shape): Buffer {
  const header = ['片', '组', '邻', '邻长姓名', '邻长电话'];
  const sheetXml = (i: number) => {
    const rows: string[] = [];
    rows.push(`<row r="1">${header.map((h, c) => `<c r="${colName(c + 1)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`);
    for (let r = 2; r <= s.rows + 1; r++) {
      rows.push(`<row r="${r}">${Array.from({ length: s.colsPerRow }, (_, c) => `<c r="${colName(c + 1)}${r}" t="s"><v>${(r * 7 + c) % Math.max(1, s.sharedStrings)}</v></c>`).join('')}</row>`);
    }
    if (s.farCell && i === 1) rows.push(`<row r="${/\d+/.exec(s.farCell)![0]}"><c r="${s.farCell}"><v>1</v></c></row>`);
    const merges = s.merges.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${s.dimension}"/><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
  };
  const sheetIds = Array.from({ length: s.sheets }, (_, i) => i + 1);
  const files = [
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetIds.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetIds.map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetIds.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    ...sheetIds.map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, text: sheetXml(i), lieAboutSize: s.lie && i === 1 })),
    {
      name: 'xl/sharedStrings.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${s.sharedStrings}" uniqueCount="${s.sharedStrings}">${'<si><t>第一片</t></si>'.repeat(s.sharedStrings)}</sst>`,
    },
  ];
  return zip(files);
}

const ref = fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => `${colName(c)}${r}`);
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  sheets: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 15, max: 40 })),
  dimension: fc.oneof(fc.constant('A1:E20'), ref.map((r) => `A1:${r}`)),
  rows: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1000, max: 3000 })),
  colsPerRow: fc.integer({ min: 1, max: 5 }),
  merges: fc.oneof(
    fc.constant([] as string[]),
    fc.array(fc.tuple(ref, ref).map(([a, b]) => `${a}:${b}`), { maxLength: 4 }),
    fc.constant<string[]>(['A2:XFD1048576']),
    fc.integer({ min: 2001, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `A${i + 2}:B${i + 2}`)),
  ),
  sharedStrings: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1_000_001, max: 1_500_000 })),
  farCell: fc.option(ref, { nil: null }),
  lie: fc.boolean(),
});

describe('hostile workbooks', () => {
  it('states its limits', () => {
    expect(XLSX_LIMITS).toMatchObject({ sheets: 20, rows: 60_000, columns: 100, mergedRanges: 2000, mergedCells: 100_000 });
  });

  it('every generated workbook is refused or reported, with a Chinese message, in bounded time and memory, while others are answered', async () => {
    const rt = demoRuntime();
    let worstMs = 0;
    let worstHeapMb = 0;
    let worstLagMs = 0;
    let refused = 0;
    try {
      await fc.assert(
        fc.asyncProperty(shapeArb, fc.constantFrom('roster', 'perk'), async (shape, fn) => {
          const data = workbook(shape);
          const fileId = await uploadAs(rt, 'demo-admin', 'sheet', data);
          global.gc?.();
          const heap0 = process.memoryUsage().heapUsed;
          let peak = heap0;
          const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
          const t0 = Date.now();
          const importing = rt.call(fn, { action: 'import', fileId, dryRun: true }, 'demo-admin');
          // Another caller during the import: answered without waiting for it.
          const t1 = Date.now();
          const other = await rt.call('account', { action: 'whoami' }, 'demo-resident');
          const lag = Date.now() - t1;
          const reply = await importing;
          const ms = Date.now() - t0;
          clearInterval(sampler);
          peak = Math.max(peak, process.memoryUsage().heapUsed);
          expect(other).toMatchObject({ ok: true });
          if (!reply.ok) {
            expect(reply.error.code).toBe('INVALID_INPUT');
            expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/);
            refused++;
          }
          worstMs = Math.max(worstMs, ms);
          worstLagMs = Math.max(worstLagMs, lag);
          worstHeapMb = Math.max(worstHeapMb, (peak - heap0) / 1024 / 1024);
          expect(ms).toBeLessThan(TIME_BOUND_MS);
          expect((peak - heap0) / 1024 / 1024).toBeLessThan(HEAP_BOUND_MB);
        }),
        { numRuns: 40 },
      );
    } finally {
      console.log(`hostile xlsx: worst ${worstMs} ms, heap +${worstHeapMb.toFixed(0)} MB, other caller waited ≤ ${worstLagMs} ms; ${refused}/40 refused`);
      rt.close();
    }
  });

  it('refuses the merged range that spans the rest of the sheet before any workbook is built', () => {
    const data = workbook({ sheets: 1, dimension: 'A1:E3', rows: 2, colsPerRow: 5, merges: ['A2:XFD1048576'], sharedStrings: 3, farCell: null, lie: false });
    expect(data.length).toBeLessThan(4096);
    expect(() => inspectXlsx(data)).toThrow(/合并单元格/);
  });

  it('passes a real roster through (the limits do not touch ordinary files)', async () => {
    const shape = inspectXlsx(await rosterXlsx(demoRosterRows(), { mergeAreas: true }));
    expect(shape.sheets).toBeGreaterThanOrEqual(1);
    expect(shape.rows).toBeGreaterThan(30);
  });
});
