// desk.report: the month's, quarter's and half-year's report carry the dashboard's figures —
// read back from the .xlsx with exceljs — and the PDF is a real, printable document.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { manualClock } from '../../../server/runtime/local-ports';
import { demoRuntime, T0 } from '../runtime';

const ADMIN = 'demo-admin';
const RESIDENT = 'demo-resident';
const LEAD = 'demo-neighbour-lead';
const DAY = 24 * 3600_000;
type Data = Record<string, any>;

function setup() {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  const ok = async (openid: string, fn: string, action: string, input: Record<string, unknown> = {}): Promise<Data> => {
    const r = await rt.call(fn, { action, ...input }, openid);
    if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.code} ${r.error.message}`);
    return r.data as Data;
  };
  const file = (url: string) => fs.readFileSync(path.join(rt.filesDir, url.replace(/^\/files\//, '')));
  return { rt, clock, ok, file };
}

async function sheets(data: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out.set(ws.name, rows);
  });
  return out;
}
const valueOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label)?.[1];

describe('desk.report', () => {
  it('writes the month’s .xlsx with the dashboard’s figures, one sheet per section', async () => {
    const { ok, file, clock } = setup();
    const a = (await ok(RESIDENT, 'minqing', 'submit', { category: 'repair', description: '楼道灯坏了' })).problem.id;
    await ok(RESIDENT, 'minqing', 'submit', { category: 'environment', description: '垃圾没人清' });
    await ok(LEAD, 'minqing', 'accept', { id: a });
    await ok(LEAD, 'minqing', 'classify', { id: a, class: 'personal' });
    clock.advance(3600_000);
    await ok(LEAD, 'minqing', 'resolve', { id: a, note: '已修好' });
    await ok(RESIDENT, 'minqing', 'rate', { id: a, stars: 4 });
    const s = await ok(ADMIN, 'desk', 'summary');
    const r = await ok(ADMIN, 'desk', 'report', { format: 'xlsx' });
    expect(r).toMatchObject({ title: '幸福里社区2026年11月月调度', name: '幸福里社区2026年11月月调度.xlsx' });
    const book = await sheets(file(r.url));
    expect([...book.keys()]).toEqual(['封面', '民情办理', '分类与类别', '覆盖与走访', '三长', '按片', '近12个月', '恳谈会·优惠·评选']);
    const mq = book.get('民情办理')!;
    expect(valueOf(mq, '收到反映')).toBe(String(s.problems.received));
    expect(valueOf(mq, '已办结')).toBe(String(s.problems.resolved));
    expect(valueOf(mq, '当前办理中')).toBe(String(s.problems.open));
    expect(valueOf(mq, '满意率')).toBe('100%');
    expect(valueOf(book.get('覆盖与走访')!, '居民信息账户数')).toBe('400');
    expect(book.get('三长')!.find((x) => x[0] === '邻长')).toEqual(['邻长', '30', '30', '0', '0']);
    expect(book.get('按片')!.slice(2).map((x) => x[0])).toEqual(s.children.map((c: Data) => c.name));
  });

  it('sums a quarter and a half-year from their months, and makes a PDF that renders', async () => {
    const { ok, file, clock } = setup();
    await ok(RESIDENT, 'minqing', 'submit', { category: 'repair', description: '十一月的反映' });
    clock.advance(20 * DAY); // into December, the same quarter and half-year
    await ok(RESIDENT, 'minqing', 'submit', { category: 'repair', description: '十二月的反映' });
    const month = await ok(ADMIN, 'desk', 'summary');
    expect(month.problems.received).toBe(1);
    const q = await ok(ADMIN, 'desk', 'report', { kind: 'quarter', format: 'xlsx' });
    expect(q.title).toBe('幸福里社区2026年第四季度季总结');
    expect(valueOf((await sheets(file(q.url))).get('民情办理')!, '收到反映')).toBe('2');
    const h = await ok(ADMIN, 'desk', 'report', { kind: 'halfYear', month: '202607', format: 'pdf' });
    expect(h.title).toBe('幸福里社区2026年下半年半年通报');
    const pdf = file(h.url);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansSC');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pdf-'));
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', path.join(dir, 'r.pdf'), path.join(dir, 'p')]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('p') && f.endsWith('.png'))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is the caller’s alone: another 管理员’s subtree is refused', async () => {
    const { rt } = setup();
    expect(await rt.call('desk', { action: 'report', nodeId: 'a1', format: 'pdf' }, 'demo-area-lead')).toMatchObject({ ok: true });
    expect(await rt.call('desk', { action: 'report', nodeId: 'c1', format: 'pdf' }, 'demo-area-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
