// The printable 邻长联系卡 PDF: rendered for the demo 组 g1 on the local runtime, checked
// with poppler (pdftotext, pdftoppm) when it is installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../../server/core/context';
import type { QrMaker } from '../../server/core/ports';
import { makeCtx } from '../../server/core/router';
import type { NodeDoc } from '../../server/domain/docs';
import { assignLead } from '../../server/domain/leads';
import { getNode } from '../../server/domain/nodes';
import { SCAN_PAGE, renderCards, servedLines, spacedPhone, unitsInOrder } from '../../server/features/roster/cards-pdf';
import type { LocalRuntime } from '../../server/runtime/local';
import { buildDemo } from '../../server/seed/demo';
import { demoRuntime, T0 } from './runtime';

const has = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const POPPLER = has('pdftoppm') && has('pdftotext');
const withPoppler = POPPLER ? it : it.skip;

let rt: LocalRuntime;
let ctx: Ctx;
let made: { scene: string; page: string }[];
let tmp: string;

beforeEach(() => {
  rt = demoRuntime();
  made = [];
  const real = rt.ports.qr;
  const counting: QrMaker = {
    make: (opts) => {
      made.push({ scene: opts.scene, page: opts.page });
      return real.make(opts);
    },
  };
  ctx = makeCtx({ ...rt.ports, qr: counting }, { openid: 'demo-admin' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-cards-'));
});
afterEach(() => {
  rt.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pdfOf = (url: string | undefined) => fs.readFileSync(path.join(rt.filesDir, (url ?? '').replace(/^\/files\//, '')));
function text(pdf: Buffer): string {
  const file = path.join(tmp, `t-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('邻长联系卡 PDF', () => {
  withPoppler('prints the 组’s cards with the Chinese text embedded, a page that is not blank, and full phones', async () => {
    const g1 = await getNode(rt.store, 'g1');
    const result = await renderCards(ctx, g1);
    expect(result).toMatchObject({ cards: 4, pages: 1 });
    expect(result.url).toMatch(/^\/files\/cards\/[0-9a-f]{24}\/g1-[0-9a-f]{32}\.pdf$/);
    const pdf = pdfOf(result.url);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const words = text(pdf);
    expect(words).toContain('邻长联系卡');
    const u1 = await getNode(rt.store, 'u1');
    expect(words).toContain(u1.lead?.name as string); // 朱建国
    expect(words).toContain(spacedPhone(u1.lead?.phone as string)); // the full number, on the door
    expect(words).toContain('1栋1单元邻');
    expect(words).toContain('服务楼栋：1栋1单元');
    expect(words).toContain('陈建国'); // 组长 of g1
    expect(words).toContain('李建国'); // 片长 of a1
    expect(words).toContain('0731-58000001'); // 社区 hotline
    expect(words).toContain('有事找邻长');

    // Page 1 at 50 dpi in grey: a PGM whose body has a fair share of dark pixels (text, QR).
    const file = path.join(tmp, 'cards.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const pgm = fs.readFileSync(path.join(tmp, fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.pgm')) as string));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const [, width, height] = (header as RegExpExecArray).map(Number);
    const body = pgm.subarray(pgm.length - width * height);
    let dark = 0;
    for (const b of body) if (b < 128) dark++;
    const share = dark / body.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.5);
  }, 30_000);

  it('makes each 邻’s QR once, keeps it on the 邻 and reuses it; after a succession the same QR shows the new 邻长', async () => {
    const g1 = await getNode(rt.store, 'g1');
    await renderCards(ctx, g1);
    expect(made).toEqual(['u1', 'u2', 'u3', 'u4'].map((scene) => ({ scene, page: SCAN_PAGE })));
    for (const id of ['u1', 'u2', 'u3', 'u4']) {
      const unit = await getNode(rt.store, id);
      expect(unit.card).toEqual({ qrFileId: `local:qr/${id}.png` });
      expect(fs.existsSync(path.join(rt.filesDir, 'qr', `${id}.png`))).toBe(true);
    }

    const u1 = await getNode(rt.store, 'u1');
    await assignLead(ctx, u1, { name: '罗秀英', phone: '13900002001' }, '外出超过一个月');
    const before = rt.store.stats();
    const again = await renderCards(ctx, g1);
    const after = rt.store.stats();
    expect(made).toHaveLength(4); // no new QR
    expect(after.writes - before.writes).toBe(0);
    expect(after.reads - before.reads).toBe(1); // the 组's subtree, one page
    if (POPPLER) {
      const words = text(pdfOf(again.url));
      expect(words).toContain('罗秀英');
      expect(words).not.toContain('朱建国');
    }
  }, 30_000);

  it('makes the QR again when the stored image is gone', async () => {
    const u1 = await getNode(rt.store, 'u1');
    await renderCards(ctx, u1);
    fs.rmSync(path.join(rt.filesDir, 'qr', 'u1.png'));
    await renderCards(ctx, await getNode(rt.store, 'u1'));
    expect(made.map((m) => m.scene)).toEqual(['u1', 'u1']);
  }, 30_000);

  withPoppler('prints “邻长暂缺，请联系社区” for a vacant 邻', async () => {
    await rt.store.collection('nodes').doc('u1').update({ lead: null });
    const { url, cards } = await renderCards(ctx, await getNode(rt.store, 'u1'));
    expect(cards).toBe(1);
    const words = text(pdfOf(url));
    expect(words).toContain('邻长暂缺');
    expect(words).toContain('请联系社区');
  }, 30_000);

  it('refuses levels above the 社区 and nodes without 邻', async () => {
    await expect(renderCards(ctx, await getNode(rt.store, 's1'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await rt.store.collection('nodes').add({
      _id: 'gEmpty',
      level: 'group',
      name: '空组',
      parentId: 'a1',
      at: { district: 'yt', street: 's1', community: 'c1', area: 'a1', group: 'gEmpty' },
      order: 9,
      stats: { households: 0, bound: 0, visited: 0 },
    });
    await expect(renderCards(ctx, await getNode(rt.store, 'gEmpty'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('card layout helpers', () => {
  it('orders a 社区’s cards by 片, 组 and 邻', () => {
    const { nodes } = buildDemo(T0);
    const c1 = nodes.find((n) => n._id === 'c1') as NodeDoc;
    const shuffled = [...nodes].reverse();
    expect(unitsInOrder(shuffled, c1).map((u) => u._id)).toEqual(Array.from({ length: 30 }, (_, i) => `u${i + 1}`));
  });

  it('packs buildings whole into two lines and counts the rest', () => {
    const measure = (t: string) => [...t].length * 10;
    expect(servedLines(measure, [], 200, 2)).toEqual(['服务楼栋：—']);
    expect(servedLines(measure, ['1栋1单元', '1栋2单元'], 200, 2)).toEqual(['服务楼栋：1栋1单元、1栋2单元']);
    const many = Array.from({ length: 9 }, (_, i) => `${i + 1}栋1单元`);
    const lines = servedLines(measure, many, 200, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('服务楼栋：1栋1单元、2栋1单元、');
    expect(lines[1]).toMatch(/^3栋1单元、4栋1单元 等9处$/);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(200);
  });

  it('spaces a phone 3-4-4', () => {
    expect(spacedPhone('13900000013')).toBe('139 0000 0013');
    expect(spacedPhone('0731-58000001')).toBe('0731-58000001');
  });
});
