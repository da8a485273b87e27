// The share card a candidate travels with: what it says, and that nothing runs off it.
import { drawShareCard, SHARE_CARD, wrapText, type CardContext } from '../../src/vote/parts/shareCard';

/** A 2D context that records the text drawn; every character is as wide as the font's px size. */
function recordingContext() {
  const texts: { text: string; x: number; y: number; width: number; align: string; px: number }[] = [];
  const shapes: { x: number; y: number; w: number; h: number }[] = [];
  const px = () => Number(/(\d+)px/.exec(ctx.font)?.[1] ?? 10);
  const ctx: CardContext = {
    fillStyle: '',
    font: '10px sans-serif',
    textBaseline: 'top',
    textAlign: 'left',
    fillRect: (x: number, y: number, w: number, h: number) => shapes.push({ x, y, w, h }),
    beginPath: () => undefined,
    arc: (x: number, y: number, r: number) => shapes.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }),
    fill: () => undefined,
    measureText: (t: string) => ({ width: Array.from(t).length * px() }),
    fillText: (text: string, x: number, y: number) => texts.push({ text, x, y, width: Array.from(text).length * px(), align: ctx.textAlign, px: px() }),
  };
  return { ctx, texts, shapes };
}

describe('wrapText', () => {
  const { ctx } = recordingContext();
  test('wraps Chinese anywhere and ends a cut-short last line with …', () => {
    expect(wrapText(ctx, '一二三四五六七八九十', 40, 2)).toEqual(['一二三四', '五六七…']);
    expect(wrapText(ctx, '一二三', 40, 2)).toEqual(['一二三']);
    expect(wrapText(ctx, '一二三  四\n五', 40, 3)).toEqual(['一二三 ', '四 五']);
    expect(wrapText(ctx, '', 40, 2)).toEqual([]);
  });
});

describe('drawShareCard', () => {
  const data = {
    campaignTitle: '2026年度岳塘区最美邻长评选',
    no: 12,
    name: '朱建国',
    unitName: '1栋1单元邻',
    story: '十年如一日为邻里服务，疫情期间挨家挨户送菜送药，楼道里的大事小情都记在他的小本子上。'.repeat(3),
    votes: 1234,
  };

  test('shows the campaign, the 编号, the name, the 邻 with the votes, the story and the ask', () => {
    const { ctx, texts } = recordingContext();
    drawShareCard(ctx, data);
    const all = texts.map((t) => t.text);
    expect(all).toEqual(expect.arrayContaining(['2026年度岳塘区最美邻长评选', '12', '号', '朱建国', '1栋1单元邻', '已得 1234 票', '请为朱建国投上一票']));
    const story = texts.filter((t) => data.story.startsWith(t.text.replace('…', '')) || data.story.includes(t.text.replace('…', '')));
    expect(story.length).toBeGreaterThanOrEqual(2);
    expect(all.some((t) => t.endsWith('…'))).toBe(true);
  });

  test('asks in plain words: no "TA", and no button drawn behind the ask (a picture of one does nothing)', () => {
    const { ctx, texts, shapes } = recordingContext();
    drawShareCard(ctx, data);
    expect(texts.some((t) => /TA/.test(t.text))).toBe(false);
    const ask = texts.find((t) => t.text === '请为朱建国投上一票')!;
    const box = { x: ask.x - ask.width / 2, y: ask.y, w: ask.width, h: ask.px };
    const under = shapes.filter((r) => !(r.w === SHARE_CARD.width && r.h === SHARE_CARD.height)).filter((r) => r.x < box.x + box.w && box.x < r.x + r.w && r.y < box.y + box.h && box.y < r.y + r.h);
    expect(under).toEqual([]);
    // A name too long for the line: the ask still reads whole.
    const long = recordingContext();
    drawShareCard(long.ctx, { ...data, name: '欧阳'.repeat(10) });
    expect(long.texts.map((t) => t.text)).toContain('请为这位邻长投上一票');
  });

  test('leaves the votes out while the ranking is hidden', () => {
    const { ctx, texts } = recordingContext();
    drawShareCard(ctx, { ...data, votes: null });
    expect(texts.map((t) => t.text)).toContain('1栋1单元邻');
    expect(texts.some((t) => t.text.includes('已得'))).toBe(false);
  });

  test('keeps every line inside the card, however long the title and name', () => {
    const { ctx, texts } = recordingContext();
    drawShareCard(ctx, { ...data, campaignTitle: '很长的评选标题'.repeat(10), name: '欧阳'.repeat(10) });
    for (const t of texts) {
      const left = t.align === 'center' ? t.x - t.width / 2 : t.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + t.width).toBeLessThanOrEqual(SHARE_CARD.width);
      expect(t.y).toBeLessThan(SHARE_CARD.height);
    }
  });
});
