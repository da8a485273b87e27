// The report as a printable A4 PDF: the charts of the 工作台 (bars by 片 or other child, the
// 12-month trend) drawn as vectors, then every section's table. Noto Sans SC embedded (subset).
import type PDFKitDocument from 'pdfkit';
import type { SummaryT } from '../../../contracts/desk';
import { LEVEL_LABELS, type Level } from '../../../contracts/roles';
import { fontData } from '../../core/fonts';
import { reportSections, type Section } from './report-rows';
import { shortMonth } from './period';

// pdfkit by require(): see server/features/roster/cards-pdf.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument: typeof PDFKitDocument = require('pdfkit');

type Doc = PDFKit.PDFDocument;
const MARGIN = 48;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN;
const GREEN = '#07c160';
const BLUE = '#576b95';
const GREY = '#888888';

interface Series {
  label: string;
  color: string;
  values: number[];
}

/** Grouped bars with a legend, labels under each group and the value above each bar. */
function bars(doc: Doc, title: string, labels: string[], series: Series[], height = 170): void {
  ensure(doc, height + 70);
  doc.font('bold').fontSize(12).fillColor('#000').text(title, MARGIN, doc.y);
  const top = doc.y + 22;
  let lx = MARGIN;
  for (const s of series) {
    doc.rect(lx, top - 14, 10, 10).fill(s.color);
    doc.font('regular').fontSize(9).fillColor('#333').text(s.label, lx + 14, top - 15, { lineBreak: false });
    lx += 24 + doc.widthOfString(s.label);
  }
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const base = top + height;
  doc.moveTo(MARGIN, base).lineTo(MARGIN + WIDTH, base).lineWidth(0.5).strokeColor(GREY).stroke();
  const group = WIDTH / Math.max(1, labels.length);
  const barW = Math.min(18, (group * 0.7) / series.length);
  labels.forEach((label, i) => {
    const x0 = MARGIN + i * group + (group - barW * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / max) * (height - 14);
      doc.rect(x0 + j * barW, base - h, barW - 1, h).fill(s.color);
      doc.font('regular').fontSize(7).fillColor('#333').text(String(v), x0 + j * barW - 4, base - h - 9, { width: barW + 8, align: 'center', lineBreak: false });
    });
    doc.font('regular').fontSize(8).fillColor('#333').text(label, MARGIN + i * group, base + 4, { width: group, align: 'center', height: 20, ellipsis: true });
  });
  doc.x = MARGIN;
  doc.y = base + 30;
}

function ensure(doc: Doc, space: number): void {
  if (doc.y + space > BOTTOM) doc.addPage();
}

function table(doc: Doc, section: Section): void {
  ensure(doc, 60);
  doc.font('bold').fontSize(12).fillColor('#000').text(section.title, MARGIN, doc.y + 6);
  doc.moveDown(0.3);
  const cols = section.header.length;
  const first = cols > 3 ? WIDTH * 0.22 : WIDTH * 0.45;
  const rest = (WIDTH - first) / Math.max(1, cols - 1);
  const widths = [first, ...Array.from({ length: cols - 1 }, () => rest)];
  const row = (cells: (string | number)[], bold: boolean) => {
    ensure(doc, 18);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(cols > 7 ? 7.5 : 9).fillColor('#222').text(String(c), x + 2, y + 3, { width: widths[i] - 4, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + 16).lineTo(MARGIN + WIDTH, y + 16).lineWidth(0.3).strokeColor('#cccccc').stroke();
    doc.x = MARGIN;
    doc.y = y + 17;
  };
  row(section.header, true);
  for (const r of section.rows) row(r, false);
  doc.moveDown(0.8);
}

export async function reportPdf(s: SummaryT, title: string, madeAt: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Author: '邻长通' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('regular', fontData('regular'));
  doc.registerFont('bold', fontData('bold'));

  doc.font('bold').fontSize(18).fillColor('#000').text(title, MARGIN, MARGIN);
  doc.font('regular').fontSize(10).fillColor(GREY).text(`${s.node.name} · ${s.period.title} · 导出于 ${madeAt}`);
  doc.moveDown(0.6);
  const p = s.problems;
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor('#222')
    .text(
      `收到反映 ${p.received} 件，按时受理 ${p.acceptedInTime} 件，办结 ${p.resolved} 件（按期 ${p.resolvedInTime}），满意率 ${pct(p.satisfactionRate)}；` +
        `当前办理中 ${p.open} 件、超时 ${p.overdue} 件。住户覆盖 ${pct(s.coverage.coverageRate)}（${s.coverage.bound}/${s.coverage.households} 户），` +
        `“五个一”走访 ${s.visits.visits} 次；民情恳谈会 ${s.meetings} 次；三长优惠核销 ${s.redeemed} 次。`,
      { width: WIDTH },
    );
  doc.moveDown(1);

  if (s.children.length) {
    const label = LEVEL_LABELS[s.children[0].level as Level] ?? '下级';
    const shown = s.children.slice(0, 16);
    if (shown[0].problems) {
      bars(doc, `按${label}：收到与办结`, shown.map((c) => c.name), [
        { label: '收到', color: BLUE, values: shown.map((c) => c.problems?.received ?? 0) },
        { label: '办结', color: GREEN, values: shown.map((c) => c.problems?.resolved ?? 0) },
      ]);
    }
    bars(doc, `按${label}：住户与已绑定`, shown.map((c) => c.name), [
      { label: '住户', color: '#b2b2b2', values: shown.map((c) => c.households) },
      { label: '已绑定', color: GREEN, values: shown.map((c) => c.bound) },
    ]);
  }
  bars(doc, '近12个月：收到反映、办结与走访', s.trend.map((t) => shortMonth(t.month)), [
    { label: '收到', color: BLUE, values: s.trend.map((t) => t.received) },
    { label: '办结', color: GREEN, values: s.trend.map((t) => t.resolved) },
    { label: '走访', color: '#fa9d3b', values: s.trend.map((t) => t.visits) },
  ]);

  for (const section of reportSections(s)) table(doc, section);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
