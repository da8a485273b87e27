// Starts the real local server (demo data in a temp folder) and a headless Chromium at
// phone size. Pages are driven as a user would; API calls go through the same server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Clock } from '../../server/core/ports';
import { createDevServer } from '../../server/dev/server';
import { createLocalRuntime, type LocalRuntime } from '../../server/runtime/local';
import { seedDemoIfEmpty } from '../../server/seed/demo';
import { auditState } from './a11y/audit';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from './chromium';

export const describeE2E: jest.Describe = HAS_CHROMIUM ? describe : describe.skip;

export interface App {
  url: string;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The runtime's clock (e.g. manualClock, to move past a campaign's end); the demo is seeded at its now. */
  clock?: Clock;
}

export async function startApp(opts: StartOptions = {}): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-e2e-'));
  const runtime = createLocalRuntime({ dbFile: path.join(dir, 'lzt.sqlite'), clock: opts.clock });
  await seedDemoIfEmpty(runtime.store, opts.clock?.now() ?? Date.now());
  const app = await createDevServer({
    runtime,
    secret: 'e2e-secret-e2e-secret-e2e-secret',
    staticDir: path.resolve(__dirname, '../../dist-h5'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    close: async () => {
      await app.close();
      runtime.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh phone-sized context (its own cookies) and page. */
export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  return { context, page };
}

/** Signs the context in as a demo user through the dev sign-in endpoint (cookies are shared with the page). */
export async function signInAs(context: BrowserContext, app: App, key: string): Promise<void> {
  const res = await context.request.post(`${app.url}/__dev/signin`, { data: { key } });
  if (!res.ok()) throw new Error(`sign-in as ${key} failed: ${res.status()}`);
}

export const SHOTS_DIR = path.resolve(__dirname, '__screenshots__');
/** A screenshot of the page as it is; the same state then goes through the 适老化 check. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await auditState(page, `shot ${name}`);
  return file;
}

const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});
/** A temporary folder for files a test hands to the page (removed when the test process ends). */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lzt-${prefix}-`));
  scratch.push(dir);
  return dir;
}
