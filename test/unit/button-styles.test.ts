// The pressed state of every button variant (hoverClass 'lzt-btn--active') keeps its text
// readable: the compiled ui.scss gives each variant a pressed background of its own, and the
// text on it meets the 工信部 4.5:1. A pressed 次要按钮 once fell through to the primary's dark
// green under its own green text, because its rule was nested as a descendant selector.
import path from 'node:path';
import postcss, { type Rule } from 'postcss';
import * as sass from 'sass';

const css = sass.compile(path.join(__dirname, '../../src/components/ui.scss')).css;
const rules: Rule[] = [];
postcss.parse(css).walkRules((r) => void rules.push(r));

/** The last value `prop` gets from a rule whose selector list holds exactly `selector`. */
function declared(selector: string, prop: string): string | undefined {
  let value: string | undefined;
  for (const r of rules) {
    if (!r.selectors.map((s) => s.trim()).includes(selector)) continue;
    r.walkDecls(prop, (d) => void (value = d.value));
  }
  return value;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('pressed buttons', () => {
  test('the primary button darkens and its white text stays readable', () => {
    const pressed = declared('.lzt-btn--active', 'background');
    expect(pressed).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrast(declared('.lzt-btn', 'color')!, pressed!)).toBeGreaterThanOrEqual(4.5);
  });

  test.each(['default', 'warn'])('a pressed %s button has its own background, and its text reads on it', (variant) => {
    const pressed = declared(`.lzt-btn--${variant}.lzt-btn--active`, 'background');
    expect(pressed).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrast(declared(`.lzt-btn--${variant}`, 'color')!, pressed!)).toBeGreaterThanOrEqual(4.5);
  });

  test('no button rule reaches into another by a descendant selector', () => {
    const nested = rules.flatMap((r) => r.selectors).filter((s) => /\.lzt-btn--\w+[^,]*\s+\.lzt-(btn|shell)/.test(s));
    expect(nested).toEqual([]);
  });
});
