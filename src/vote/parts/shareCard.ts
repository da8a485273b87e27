// The picture a shared candidate travels with: drawn on the device (a 2D offscreen canvas in
// the mini program, a canvas element in H5), 5:4 as WeChat shows share pictures, so a
// candidate without an approved photo still shares as a card with their 编号, name, 邻 and
// the first lines of their story. Drawing only (no Taro): useShareCard.ts makes the picture.
export interface ShareCardData {
  campaignTitle: string;
  no: number;
  name: string;
  unitName: string;
  story: string;
  /** null while the ranking is hidden. */
  votes: number | null;
}

export const SHARE_CARD = { width: 500, height: 400 } as const;

const GREEN = '#06703a';
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** The 2D-context calls the card needs (the browser's and the mini program's canvases have them). */
export interface CardContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
}

/** Lines of at most `width` (Chinese wraps anywhere), the last one ending in … when cut short. */
export function wrapText(ctx: Pick<CardContext, 'measureText'>, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < chars.length; i++) {
    const next = line + chars[i];
    if (ctx.measureText(next).width <= width) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      while (line && ctx.measureText(`${line}…`).width > width) line = line.slice(0, -1);
      lines.push(`${line}…`);
      return lines;
    }
    lines.push(line);
    line = chars[i];
  }
  if (line) lines.push(line);
  return lines;
}

function roundRect(ctx: CardContext, x: number, y: number, w: number, h: number, r: number): void {
  ctx.fillRect(x + r, y, w - 2 * r, h);
  ctx.fillRect(x, y + r, w, h - 2 * r);
  for (const [cx, cy] of [
    [x + r, y + r],
    [x + w - r, y + r],
    [x + r, y + h - r],
    [x + w - r, y + h - r],
  ]) {
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function drawShareCard(ctx: CardContext, d: ShareCardData): void {
  const { width: W, height: H } = SHARE_CARD;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  // The campaign, on a green band.
  ctx.fillStyle = GREEN;
  ctx.fillRect(0, 0, W, 84);
  ctx.fillStyle = '#ffffff';
  // A long title steps down a size before it is cut short.
  ctx.font = `bold 28px ${FONT}`;
  if (ctx.measureText(d.campaignTitle).width > W - 56) ctx.font = `bold 22px ${FONT}`;
  ctx.fillText(wrapText(ctx, d.campaignTitle, W - 56, 1)[0] ?? '', 28, ctx.font.includes('22px') ? 30 : 26);
  // 编号 badge, name and 邻.
  ctx.fillStyle = '#e8f8ef';
  roundRect(ctx, 28, 112, 104, 104, 16);
  ctx.fillStyle = GREEN;
  ctx.textAlign = 'center';
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillText(String(d.no), 80, 130);
  ctx.font = `24px ${FONT}`;
  ctx.fillText('号', 80, 180);
  ctx.textAlign = 'left';
  ctx.fillStyle = '#111111';
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillText(wrapText(ctx, d.name, W - 180, 1)[0] ?? '', 156, 110);
  ctx.fillStyle = '#666666';
  ctx.font = `24px ${FONT}`;
  ctx.fillText(wrapText(ctx, d.unitName, W - 180, 1)[0] ?? '', 156, 162);
  if (d.votes !== null) {
    ctx.fillStyle = GREEN;
    ctx.fillText(`已得 ${d.votes} 票`, 156, 194);
  }
  // The first lines of the story.
  ctx.fillStyle = '#333333';
  ctx.font = `26px ${FONT}`;
  wrapText(ctx, d.story, W - 56, 2).forEach((line, i) => ctx.fillText(line, 28, 242 + i * 38));
  // The ask, in plain words under a thin rule: no button drawn (a picture of a button does
  // nothing when tapped), and the candidate's name rather than "TA".
  ctx.fillStyle = GREEN;
  ctx.fillRect(28, 326, W - 56, 2);
  ctx.font = `bold 30px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(askText(ctx, d.name, W - 56), W / 2, 344);
}

/** 请为朱建国投上一票; a name too long for the line becomes 这位邻长. */
export function askText(ctx: Pick<CardContext, 'measureText'>, name: string, width: number): string {
  const ask = `请为${name.trim()}投上一票`;
  return name.trim() && ctx.measureText(ask).width <= width ? ask : '请为这位邻长投上一票';
}
