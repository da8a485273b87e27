// The 适老化 checks that run inside the page (handed to page.evaluate, so self-contained: no
// imports, no closures). Colours are the rendered ones (getComputedStyle), the background
// is composed from the element's ancestors, sizes are CSS px of the current viewport.

export interface InPageOptions {
  /** Tap targets matching this selector are main controls (≥ mainMin px in 长辈版). */
  mainSelector: string;
  elder: boolean;
  mainMin: number;
  otherMin: number;
}

export interface InPageFailure {
  kind: 'contrast' | 'target' | 'clipped' | 'overflow';
  /** A short, stable description of the element (tag, id, classes, text). */
  where: string;
  detail: string;
}

export function checkInPage(opts: InPageOptions): InPageFailure[] {
  const failures: InPageFailure[] = [];
  const vw = document.documentElement.clientWidth;

  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA | null => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: RGBA, under: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  const lum = (c: RGBA) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const la = lum(a);
    const lb = lum(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  };

  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = Array.from(el.classList)
      .filter((c) => !/^(taro|hydrated|lzt-btn--active|lzt-cell--active)/.test(c))
      .slice(0, 3)
      .map((c) => `.${c}`)
      .join('');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
    const page = el.closest('.lzt-shell')?.id ?? (el.closest('.taro-tabbar__tabbar') ? 'tabbar' : 'overlay');
    return `${page} ${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
  };

  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };

  /**
   * Colour behind `el`: its own and its ancestors' background colours over white. An opacity
   * fades a layer and everything inside it, so each layer's alpha is multiplied by the opacity
   * of the layer and of its ancestors.
   */
  const background = (el: Element): RGBA | null => {
    const chain: Element[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
    let colour: RGBA = [255, 255, 255, 1];
    let opacity = 1;
    for (const e of chain) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage !== 'none') return null; // a picture or gradient: not computable
      opacity *= Number(cs.opacity);
      const bg = parse(cs.backgroundColor);
      if (bg && bg[3] > 0) colour = over([bg[0], bg[1], bg[2], bg[3] * opacity], colour);
    }
    return colour;
  };
  const groupOpacity = (el: Element): number => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };

  // 1. Text contrast: every visible text node, against the colour composed behind it.
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !(n.textContent ?? '').trim()) continue;
    if (el.closest('script, style, noscript')) continue;
    seen.add(el);
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    const fg = parse(cs.color);
    const bg = background(el);
    if (!fg || !bg) continue;
    const seenFg = over([fg[0], fg[1], fg[2], fg[3] * groupOpacity(el)], bg);
    const size = parseFloat(cs.fontSize);
    const need = size >= 18 ? 3 : 4.5;
    const got = ratio(seenFg, bg);
    if (got + 1e-6 < need) {
      failures.push({ kind: 'contrast', where: describe(el), detail: `${got.toFixed(2)}:1 < ${need}:1 (${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}), ${size.toFixed(1)}px)` });
    }
  }

  // 2. Tap targets: native controls, and elements a component with an onClick renders (Taro's
  // React wrappers bind the handler themselves: it is on the wrapper's fiber, not the element).
  const clickable = (el: Element): boolean => {
    if (el.matches('button, a[href], input:not([type=hidden]), textarea, select, taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core, [role=button]')) return true;
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber'));
    if (!key) return false;
    type Fiber = { return: Fiber | null; stateNode: unknown; memoizedProps?: Record<string, unknown> };
    for (let f = (el as unknown as Record<string, Fiber>)[key].return; f && !(f.stateNode instanceof Element); f = f.return) {
      if (typeof f.memoizedProps?.onClick === 'function' || typeof f.memoizedProps?.onTap === 'function') return true;
    }
    return false;
  };
  const targets = Array.from(document.querySelectorAll('body *')).filter((el) => clickable(el) && visible(el));
  const targetSet = new Set(targets);
  for (const el of targets) {
    // The native element inside a Taro component (the <button> in taro-button-core) is the same target.
    const outer = el.parentElement?.closest('taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core');
    if (outer && targetSet.has(outer)) continue;
    if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label, taro-checkbox-core, taro-radio-core, taro-switch-core')) continue;
    const r = el.getBoundingClientRect();
    const main = el.matches(opts.mainSelector);
    const min = opts.elder && main ? opts.mainMin : opts.otherMin;
    if (r.width + 0.5 < min || r.height + 0.5 < min) {
      failures.push({ kind: 'target', where: describe(el), detail: `${r.width.toFixed(0)}×${r.height.toFixed(0)} px < ${min}×${min}${main ? ' (main control)' : ''}` });
    }
  }

  // 3. Clipped or overflowing text.
  const scrollsX = (cs: CSSStyleDeclaration) => cs.overflowX === 'auto' || cs.overflowX === 'scroll';
  for (const el of Array.from(seen)) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    const clipsX = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
    const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip' || cs.webkitLineClamp !== 'none';
    if (clipsX && el.scrollWidth > el.clientWidth + 1) {
      failures.push({ kind: 'clipped', where: describe(el), detail: `text cut off: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}` });
      continue;
    }
    if (clipsY && el.scrollHeight > el.clientHeight + 1) {
      failures.push({ kind: 'clipped', where: describe(el), detail: `text cut off: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}` });
      continue;
    }
    if (!scrollsX(cs) && el.scrollWidth > el.clientWidth + 1 && cs.display !== 'inline') {
      failures.push({ kind: 'overflow', where: describe(el), detail: `text runs out of its box: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}` });
      continue;
    }
    // Off the screen (and not inside a horizontal scroller) or cut by a clipping ancestor.
    const r = el.getBoundingClientRect();
    let inScroller = false;
    let clippedBy: Element | null = null;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const acs = getComputedStyle(a);
      if (scrollsX(acs)) {
        inScroller = true;
        break;
      }
      if (acs.overflowX === 'hidden' || acs.overflowX === 'clip') {
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 1 || r.right > ar.right + 1) clippedBy = a;
        break;
      }
    }
    if (inScroller) continue;
    if (clippedBy) failures.push({ kind: 'clipped', where: describe(el), detail: `text cut off by ${describe(clippedBy)}` });
    else if (r.left < -1 || r.right > vw + 1) failures.push({ kind: 'overflow', where: describe(el), detail: `text off the screen: ${r.left.toFixed(0)}–${r.right.toFixed(0)} px of ${vw}` });
  }

  // Placeholders are not text nodes: measure them with the input's own font.
  const canvas = document.createElement('canvas').getContext('2d');
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]'))) {
    if (!canvas || input.value || !visible(input) || input.tagName === 'TEXTAREA') continue;
    const cs = getComputedStyle(input);
    canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const width = canvas.measureText(input.placeholder).width;
    const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (width > room + 1) failures.push({ kind: 'clipped', where: describe(input), detail: `placeholder "${input.placeholder}" cut off: ${width.toFixed(0)} > ${room.toFixed(0)} px` });
  }
  return failures;
}
