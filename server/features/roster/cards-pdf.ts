// The printable 邻长联系卡: an A4 PDF of a 组's, 片's or 社区's cards, four to a page
// (A6 each, dashed cut lines), Chinese font embedded (subset). Each card's QR names the
// 邻, not the person, so a printed card keeps working after a succession. QR images are
// made once per 邻 (wxacode.getUnlimited in the cloud allows 5,000 a minute), stored, and
// their file id kept on the 邻 (`card.qrFileId`) for every later print.
import type PDFKitDocument from 'pdfkit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { putPrivateFile } from '../../domain/uploads';
import { DEFAULT_PROMISE, type NodeDoc } from '../../domain/docs';
import { readAll } from '../../domain/nodes';
import { inPool } from '../../core/pool';
import { workDeadline } from '../../core/budget';
import { fontData } from '../../core/fonts';

// pdfkit is loaded with require(): a bundler then takes its CommonJS build (js/pdfkit.js).
// An `import` would make esbuild take the ES module build, whose `import.meta.url` is empty
// in a CommonJS bundle and throws as the module loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument: typeof PDFKitDocument = require('pdfkit');

export const SCAN_PAGE = 'scan/index';
const QR_CONCURRENCY = 8;
const PRINTABLE_LEVELS = ['community', 'area', 'group', 'unit'];

// ---------------------------------------------------------------- which cards

/** The 邻 under `root` in the order of the tree (片 by order, then 组, then 邻). */
export function unitsInOrder(docs: NodeDoc[], root: NodeDoc): NodeDoc[] {
  if (root.level === 'unit') return [root];
  const children = new Map<string, NodeDoc[]>();
  for (const d of docs) {
    if (d._id === root._id || !d.parentId) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  const out: NodeDoc[] = [];
  const walk = (id: string) => {
    const kids = (children.get(id) ?? []).sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a._id.localeCompare(b._id));
    for (const k of kids) {
      if (k.level === 'unit') out.push(k);
      else walk(k._id);
    }
  };
  walk(root._id);
  return out;
}

const storedQr = (unit: NodeDoc) => (unit.card as { qrFileId?: string } | undefined)?.qrFileId;

/** The unit's QR: the stored one, or a new one (made, stored and recorded on the unit). */
async function qrOf(ctx: Ctx, unit: NodeDoc): Promise<Buffer> {
  const stored = storedQr(unit);
  if (stored) {
    try {
      return await ctx.files.get(stored);
    } catch {
      // gone from storage: make it again
    }
  }
  return makeQr(ctx, unit);
}

async function makeQr(ctx: Ctx, unit: NodeDoc): Promise<Buffer> {
  const png = await ctx.qr.make({ scene: unit._id, page: SCAN_PAGE });
  const fileId = await ctx.files.put(`qr/${unit._id}.png`, png, 'image/png');
  await ctx.store.collection('nodes').doc(unit._id).update({ 'card.qrFileId': fileId });
  return png;
}

// ---------------------------------------------------------------- drawing

const A4 = { w: 595.28, h: 841.89 };
const CARD = { w: A4.w / 2, h: A4.h / 2 };
/** White space between the cut line and the card's border (printers cannot print to the edge). */
const INSET = 14;
const PAD = 14;
const GREEN = '#06AE56';
const DARK = '#111111';
const SUB = '#4C4C4C';
const FAINT = '#8A8A8A';
const LINE = '#D9D9D9';

/** 13900000001 → 139 0000 0001, easier to read and dial. */
export function spacedPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

type Doc = PDFKit.PDFDocument;

/** The largest size ≤ max (down to min) at which `text` fits in `width` on one line. */
function fit(doc: Doc, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/**
 * 服务楼栋：A、B、C… packed whole into at most `lines` lines (a building is never split
 * across lines); what does not fit becomes “等N处”.
 */
export function servedLines(measure: (t: string) => number, buildings: string[], width: number, lines: number): string[] {
  const label = '服务楼栋：';
  if (buildings.length === 0) return [`${label}—`];
  const out: string[] = [];
  let line = label;
  let i = 0;
  while (i < buildings.length) {
    const sep = line === label || line === '' ? '' : '、';
    const rest = buildings.length - i - 1;
    const last = out.length === lines - 1;
    // On the last line, keep room for “等N处” unless this is the final building.
    const tail = last && rest > 0 ? ` 等${buildings.length}处` : '';
    if (measure(line + sep + buildings[i] + tail) <= width) {
      line += sep + buildings[i];
      i++;
      continue;
    }
    if (line === label || line === '') {
      line += buildings[i]; // a single building longer than the line: let it run
      i++;
      continue;
    }
    if (last) {
      out.push(`${line} 等${buildings.length}处`);
      return out;
    }
    out.push(line + '、');
    line = '';
  }
  out.push(line);
  return out;
}

export interface CardData {
  unitName: string;
  buildings: string[];
  lead: { name: string; phone: string } | null;
  group: { name: string; lead: { name: string; phone: string } | null };
  area: { name: string; lead: { name: string; phone: string } | null };
  community: { name: string; hotline: string };
  promise: string;
  qr: Buffer;
}

export function cardData(unit: NodeDoc, qr: Buffer): CardData {
  const chain = unit.chain;
  return {
    unitName: unit.name,
    buildings: unit.buildings ?? [],
    lead: unit.lead ? { name: unit.lead.name, phone: unit.lead.phone } : null,
    group: { name: chain?.group.name ?? '', lead: chain?.group.lead ?? null },
    area: { name: chain?.area.name ?? '', lead: chain?.area.lead ?? null },
    community: { name: chain?.community.name ?? '', hotline: chain?.community.hotline ?? '' },
    promise: unit.promise ?? DEFAULT_PROMISE,
    qr,
  };
}

function drawCard(doc: Doc, x0: number, y0: number, c: CardData): void {
  const x = x0 + INSET;
  const y = y0 + INSET;
  const w = CARD.w - 2 * INSET;
  const h = CARD.h - 2 * INSET;
  const inner = w - 2 * PAD;
  const left = x + PAD;
  const rule = (at: number) => doc.moveTo(left, at).lineTo(left + inner, at).lineWidth(0.6).strokeColor(LINE).stroke();

  // Frame and header band: title, 社区.
  const band = 48;
  doc.save();
  doc.roundedRect(x, y, w, h, 10).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.roundedRect(x, y, w, band, 10).fill(GREEN);
  doc.rect(x, y + band - 12, w, 12).fill(GREEN);
  doc.restore();
  doc.font('bold').fontSize(21).fillColor('#FFFFFF').text('邻长联系卡', left, y + 9, { lineBreak: false });
  const cw = inner - 118;
  doc
    .font('regular')
    .fontSize(fit(doc, 'regular', c.community.name, cw, 11, 7))
    .fillColor('#FFFFFF')
    .text(c.community.name, left + inner - cw, y + 17, { width: cw, align: 'right', lineBreak: false });

  // The 邻 and the buildings it serves.
  doc
    .font('bold')
    .fontSize(fit(doc, 'bold', c.unitName, inner, 15, 10))
    .fillColor(DARK)
    .text(c.unitName, left, y + band + 8, { lineBreak: false });
  doc.font('regular').fontSize(9).fillColor(SUB);
  servedLines((t) => doc.widthOfString(t), c.buildings, inner, 2).forEach((t, i) => {
    doc.text(t, left, y + band + 30 + i * 12.5, { lineBreak: false });
  });
  rule(y + 108);

  // The 邻长: the biggest thing on the card.
  const ly0 = y + 113;
  if (c.lead) {
    doc.font('regular').fontSize(9.5).fillColor(FAINT).text('我的邻长', left, ly0, { lineBreak: false });
    doc
      .font('bold')
      .fontSize(fit(doc, 'bold', c.lead.name, inner, 30, 16))
      .fillColor(DARK)
      .text(c.lead.name, left, ly0 + 11, { lineBreak: false });
    const phone = spacedPhone(c.lead.phone);
    doc
      .font('bold')
      .fontSize(fit(doc, 'bold', phone, inner, 26, 14))
      .fillColor(DARK)
      .text(phone, left, ly0 + 50, { lineBreak: false });
  } else {
    doc.font('bold').fontSize(26).fillColor(SUB).text('邻长暂缺', left, ly0 + 8, { lineBreak: false });
    doc.font('regular').fontSize(12).fillColor(DARK).text('请联系社区', left, ly0 + 54, { lineBreak: false });
    if (c.community.hotline) {
      doc
        .font('bold')
        .fontSize(fit(doc, 'bold', c.community.hotline, inner - 66, 16, 11))
        .fillColor(DARK)
        .text(c.community.hotline, left + 66, ly0 + 50, { lineBreak: false });
    }
  }
  rule(y + 202);

  // The chain upwards on the left, the QR on the right.
  const qrSize = 112;
  const qrX = left + inner - qrSize + 5;
  const qrY = y + 204;
  doc.image(c.qr, qrX, qrY, { fit: [qrSize, qrSize] });
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(SUB)
    .text('微信扫码 联系邻长', qrX, qrY + qrSize, { width: qrSize, align: 'center', lineBreak: false });

  const colW = inner - qrSize - 8;
  let cy = y + 210;
  const entry = (label: string, name: string, number: string | null) => {
    doc.font('regular').fontSize(8.5).fillColor(FAINT).text(label, left, cy + 2, { lineBreak: false });
    doc
      .font('bold')
      .fontSize(fit(doc, 'bold', name, colW - 26, 11, 7))
      .fillColor(DARK)
      .text(name, left + 26, cy, { lineBreak: false });
    if (number) {
      doc
        .font('regular')
        .fontSize(fit(doc, 'regular', number, colW - 26, 10.5, 7))
        .fillColor(DARK)
        .text(number, left + 26, cy + 15, { lineBreak: false });
    }
    cy += 35;
  };
  entry('组长', c.group.lead?.name ?? '暂缺', c.group.lead ? spacedPhone(c.group.lead.phone) : null);
  entry('片长', c.area.lead?.name ?? '暂缺', c.area.lead ? spacedPhone(c.area.lead.phone) : null);
  entry('社区', c.community.name, c.community.hotline || null);

  // The service promise and the footer.
  const py = y + h - 54;
  doc.roundedRect(left, py, inner, 34, 5).fill('#EAF7EF');
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor('#1F2329')
    .text(c.promise, left + 8, py + 4, { width: inner - 16, height: 28, ellipsis: true, lineGap: -0.5 });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(FAINT)
    .text('邻长如有变动，以扫码显示为准', left, y + h - 16, { width: inner, align: 'center', lineBreak: false });
}

function drawCutLines(doc: Doc): void {
  doc.save();
  doc.lineWidth(0.5).strokeColor('#9A9A9A').dash(4, { space: 3 });
  doc.moveTo(CARD.w, 0).lineTo(CARD.w, A4.h).stroke();
  doc.moveTo(0, CARD.h).lineTo(A4.w, CARD.h).stroke();
  doc.undash();
  doc.restore();
}

/** The PDF bytes of these cards, four to an A4 page. */
export async function cardsPdf(cards: CardData[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    // A font of our own from the start: pdfkit then never loads its built-in Helvetica
    // (whose metrics file a bundled function would not have).
    font: fontData('regular') as unknown as string,
    info: { Title: title, Author: '邻长通', Subject: '邻长联系卡' },
    lang: 'zh-CN',
  });
  doc.registerFont('regular', fontData('regular'));
  doc.registerFont('bold', fontData('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  cards.forEach((c, i) => {
    if (i % 4 === 0) {
      doc.addPage({ size: 'A4', margin: 0 });
      drawCutLines(doc);
    }
    const col = i % 2;
    const row = Math.floor((i % 4) / 2);
    drawCard(doc, col * CARD.w, row * CARD.h, c);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** How far a print got when its QR codes did not all fit in one call (the same print asked again goes on). */
export interface CardsProgress {
  done: number;
  total: number;
}

/**
 * The cards of a 社区, 片 or 组 as a PDF. Time (issue 12 item 7): the QR codes not made yet are
 * made first, each stored and recorded on its 邻 as it is made; a call stops starting them at
 * the roster function's work deadline (server/core/budget.ts) and answers `more` (no PDF yet),
 * and the page asks again, which goes on from the codes already stored. Once every code is
 * stored, the PDF is drawn (reading stored codes and drawing fit well inside the rest).
 */
export async function renderCards(
  ctx: Ctx,
  node: NodeDoc,
  budget: { deadline: number } = { deadline: performance.now() + (workDeadline('roster') - Date.now()) },
): Promise<{ url?: string; cards: number; pages: number; more?: CardsProgress }> {
  if (!PRINTABLE_LEVELS.includes(node.level)) throw new AppError('INVALID_INPUT', '请选择一个社区、片或组来打印联系卡');
  const docs =
    node.level === 'unit'
      ? [node]
      : await readAll<NodeDoc>(ctx.store.collection('nodes').where({ [`at.${node.level}`]: node._id }).orderBy('_id', 'asc'));
  const units = unitsInOrder(docs, node);
  if (units.length === 0) throw new AppError('NOT_FOUND', '这里还没有邻，请先导入名册');
  const sizes = { cards: units.length, pages: Math.ceil(units.length / 4) };

  const qrs: Buffer[] = new Array(units.length);
  const missing = units.map((u, i) => ({ u, i })).filter(({ u }) => !storedQr(u));
  let made = 0;
  await inPool(missing, QR_CONCURRENCY, async ({ u, i }) => {
    if (made > 0 && performance.now() >= budget.deadline) return;
    made++;
    qrs[i] = await makeQr(ctx, u);
  });
  if (made < missing.length) return { ...sizes, more: { done: units.length - missing.length + made, total: units.length } };
  await inPool(units, QR_CONCURRENCY, async (u, i) => {
    qrs[i] ??= await qrOf(ctx, u);
  });
  const pdf = await cardsPdf(
    units.map((u, i) => cardData(u, qrs[i])),
    `${node.name}邻长联系卡`,
  );
  const id = await putPrivateFile(ctx, 'cards', node._id, 'pdf', pdf);
  return { url: await ctx.files.url(id), ...sizes };
}
