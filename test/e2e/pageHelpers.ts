// Small page helpers shared by the e2e tests.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditRoute } from './a11y/audit';
import { scratchDir, shot, type App } from './harness';

export async function openRoute(app: App, page: Page, route: string, pageName: string): Promise<void> {
  await page.goto(`${app.url}/#${route}`);
  await page.waitForSelector(`#page-${pageName}`);
  await auditRoute(page, route);
}

/** Waits until the element's text contains `text`, then asserts it (so a failure prints what was there). */
export async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page
    .waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
      [selector, text] as const,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  expect((await page.locator(selector).first().textContent()) ?? '').toContain(text);
}

/** Types into a Taro Input / Textarea found by its field id. */
export async function fillField(page: Page, fieldId: string, value: string): Promise<void> {
  await page.fill(`#${fieldId} input, #${fieldId} textarea`, value);
}

/** Turns 长辈版 (once 大字模式) on for every page the context opens (the switch is remembered in storage). */
export async function useLargeText(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => localStorage.setItem('lzt:largeText', JSON.stringify({ data: true })));
}

/** Calls a cloud function from the test with the context's cookies (the caller's identity). */
export async function api<T = unknown>(context: BrowserContext, app: App, fn: string, body: Record<string, unknown>) {
  const res = await context.request.post(`${app.url}/api/${fn}`, { data: body });
  return (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
}

/** Confirms the H5 showModal (Taro renders it as .taro__modal). */
export async function confirmModal(page: Page, expectContent?: string): Promise<void> {
  await page.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' });
  if (expectContent) expect(await page.textContent('.taro__modal .taro-modal__text')).toContain(expectContent);
  await page.click('.taro__modal .taro-model__confirm');
}

/** A screenshot of the whole page: Taro H5 scrolls inside its page element, so the
 *  viewport is stretched to the content's height for the shot, then restored. */
export async function shotAll(page: Page, name: string): Promise<string> {
  // Let H5 page transitions finish: a new page slides in from the right.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.lzt-shell'))
      .map((e) => e.getBoundingClientRect())
      .every((r) => r.width === 0 || Math.abs(r.x) < 1),
  );
  await page.waitForTimeout(100);
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('.taro_page, .lzt-shell'), (e) => e.scrollHeight)),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, height), 6000) });
  const file = await shot(page, name);
  await page.setViewportSize(viewport);
  return file;
}

/** A 1×1 PNG in a scratch folder, for photo and logo uploads. */
export function pngFile(name: string): string {
  const file = path.join(scratchDir(name), `${name}.png`);
  fs.writeFileSync(file, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  return file;
}

/**
 * Does what opens the page's file chooser (its hidden <input type="file">) and gives it `file`.
 * Catching the chooser keeps headless Chromium from cancelling it.
 */
export async function chooseFile(page: Page, open: () => Promise<unknown>, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await open();
  await (await chooser).setFiles(file);
}
