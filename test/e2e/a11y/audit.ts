// The automated 适老化 check (工信部《移动互联网应用（APP）适老化通用设计规范》): every page state an
// e2e test visits (each screenshot, each opened route) is checked in both modes (标准版 and
// 长辈版) at 320 and 375 px width, then put back as it was. Failures are collected per test
// file and fail it at the end, listed in full (test/e2e/a11y/setup.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkInPage, type InPageFailure } from './inPage';

/**
 * What a main control is: the WeUI button (.lzt-btn, src/components/ui.scss). In 长辈版 it
 * is at least 60 × 60 px; every other tap target at least 44 × 44 in both modes.
 */
export const MAIN_CONTROL_SELECTOR = '.lzt-btn';
export const MAIN_MIN_PX = 60;
export const OTHER_MIN_PX = 44;
export const WIDTHS = [320, 375] as const;

/** The classes 长辈版 sets (src/settings/largeText.ts): on each page's shell, and on <html> for the H5 tab bar. */
const SHELL_CLASS = 'lzt-shell--large';
const ROOT_CLASS = 'lzt-elder';

export interface Failure extends InPageFailure {
  state: string;
  mode: '标准版' | '长辈版';
  width: number;
  test: string;
}

const failures: Failure[] = [];
const keys = new Set<string>();

export function auditFailures(): readonly Failure[] {
  return failures;
}

async function setMode(page: Page, elder: boolean | null): Promise<boolean> {
  return page.evaluate(
    ([on, shellClass, rootClass]) => {
      const root = document.documentElement;
      const was = root.classList.contains(rootClass) || document.querySelector(`.${shellClass}`) !== null;
      if (on !== null) {
        root.classList.toggle(rootClass, on);
        document.querySelectorAll('.lzt-shell').forEach((e) => e.classList.toggle(shellClass, on));
      }
      return was;
    },
    [elder, SHELL_CLASS, ROOT_CLASS] as const,
  );
}

/**
 * Two frames (the viewport's resize, Taro's rem on <html> and the class change are laid out),
 * then the finite animations and transitions (a toast fading in) run to their end.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((done) => setTimeout(done, 1000))]);
  });
}

/** Checks the page as it is now, in both modes at each width, and puts it back. */
export async function auditState(page: Page, state: string): Promise<void> {
  if (page.isClosed()) return;
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  const test = expect.getState().currentTestName ?? '';
  // A page still sliding in (H5 page transitions) is not a state: wait until it is in place.
  await page
    .waitForFunction(() => Array.from(document.querySelectorAll('.lzt-shell'), (e) => e.getBoundingClientRect()).every((r) => r.width === 0 || Math.abs(r.x) < 1), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const wasElder = await setMode(page, null);
  try {
    for (const elder of [false, true]) {
      await setMode(page, elder);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: viewport.height });
        await settle(page);
        const found = await page.evaluate(checkInPage, { mainSelector: MAIN_CONTROL_SELECTOR, elder, mainMin: MAIN_MIN_PX, otherMin: OTHER_MIN_PX });
        const mode = elder ? '长辈版' : '标准版';
        for (const f of found) {
          const key = `${mode}|${width}|${f.kind}|${f.where}`;
          if (keys.has(key)) continue;
          keys.add(key);
          failures.push({ ...f, state, mode, width, test });
        }
      }
    }
  } finally {
    await setMode(page, wasElder);
    await page.setViewportSize(viewport);
    await settle(page);
  }
}

/** After opening a route: waits for its first load to end (spinner gone), then checks it. */
export async function auditRoute(page: Page, route: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.lzt-shell .lzt-loading'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await auditState(page, `route ${route}`);
}

export function formatFailures(list: readonly Failure[]): string {
  const byState = new Map<string, Failure[]>();
  for (const f of list) {
    const k = `${f.test} › ${f.state}`;
    byState.set(k, [...(byState.get(k) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [k, fs] of byState) {
    lines.push(k);
    for (const f of fs) lines.push(`  [${f.mode} ${f.width}px] ${f.kind}: ${f.where} — ${f.detail}`);
  }
  return lines.join('\n');
}

/** Where each test file leaves its list (read when several files ran, e.g. by a human). */
export const REPORT_DIR = path.resolve(__dirname, '../__screenshots__/a11y');

export function writeReport(testPath: string): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, `${path.basename(testPath, '.ts')}.txt`);
  fs.writeFileSync(file, failures.length ? `${formatFailures(failures)}\n` : 'no failures\n');
}
