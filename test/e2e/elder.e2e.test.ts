// 长辈版 (适老化): it follows WeChat's font setting (emulated on H5 by a stored scale factor),
// can be switched on 首页 and in 我的, and reaches WeChat 关怀模式's sizes: body text ≥ 23.8 px
// at 375 px width, line spacing ≥ 1.3, a larger tab bar, main buttons ≥ 60 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { openRoute, shotAll } from './pageHelpers';

jest.setTimeout(90_000);

/** What WeChat reports when the resident enlarged its font (H5 reads this stored factor instead). */
async function wechatFontScale(context: BrowserContext, factor: number): Promise<void> {
  await context.addInitScript((f) => localStorage.setItem('lzt:h5FontScale', JSON.stringify({ data: f })), factor);
}

const style = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { fontSize: parseFloat(cs.fontSize), lineHeight: parseFloat(cs.lineHeight), width: r.width, height: r.height };
  });

describeE2E('长辈版 (H5)', () => {
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('an enlarged WeChat font turns 长辈版 on: 首页 body text ≥ 23.8 px at 375 px, line spacing ≥ 1.3, tab bar enlarged', async () => {
    const { context, page } = await phone(browser);
    await page.setViewportSize({ width: 375, height: 812 });
    await wechatFontScale(context, 1.4);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/pages/home/index', 'home');
    await page.waitForSelector('#page-home.lzt-shell--large #home-household');
    const body = await style(page, '#home-household .lzt-cell__title');
    expect(body.fontSize).toBeGreaterThanOrEqual(23.8);
    expect(body.lineHeight / body.fontSize).toBeGreaterThanOrEqual(1.3);
    const label = await style(page, '.weui-tabbar__label');
    expect(label.fontSize).toBeGreaterThanOrEqual(18);
    const icon = await style(page, '.weui-tabbar__icon');
    expect(icon.width).toBeGreaterThanOrEqual(32);
    expect(await page.textContent('#home-elder')).toContain('换回标准版');
    await shotAll(page, 'elder-home-375');

    await page.setViewportSize({ width: 320, height: 700 });
    await shotAll(page, 'elder-home-320');
    await context.close();
  });

  test('without an enlarged WeChat font it is off, and the 首页 entry switches it on (remembered); 我的 switches it off', async () => {
    const { context, page } = await phone(browser);
    await wechatFontScale(context, 1);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/pages/home/index', 'home');
    await page.waitForSelector('#home-elder');
    expect(await page.$('#page-home.lzt-shell--large')).toBeNull();
    const normal = await style(page, '#home-household .lzt-cell__title');
    expect(normal.fontSize).toBeLessThan(20);
    expect((await style(page, '.weui-tabbar__label')).fontSize).toBeLessThan(12);

    await page.click('#home-elder');
    await page.waitForSelector('#page-home.lzt-shell--large');
    expect((await style(page, '.weui-tabbar__label')).fontSize).toBeGreaterThanOrEqual(18);
    await page.reload();
    await page.waitForSelector('#page-home.lzt-shell--large #home-household');

    // The resident's own choice wins over WeChat's setting either way.
    await openRoute(app, page, '/pages/me/index', 'me');
    await page.click('#large-text-switch');
    await page.waitForSelector('#page-me:not(.lzt-shell--large)');
    await page.reload();
    await page.waitForSelector('#page-me:not(.lzt-shell--large) #large-text-switch');
    await context.close();
  });

  test('a form in 长辈版 at 375 and 320 px: main buttons at least 60 × 60 px', async () => {
    const { context, page } = await phone(browser);
    await wechatFontScale(context, 1.4);
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 760 });
      await openRoute(app, page, '/scan/index?scene=u1', 'scan');
      await page.waitForSelector('#page-scan.lzt-shell--large #scan-bind');
      await page.click('#scan-bind');
      await page.waitForSelector('#page-scan-bind.lzt-shell--large #bind-form');
      const submit = await style(page, '#bind-submit');
      expect(submit.height).toBeGreaterThanOrEqual(60);
      expect(submit.width).toBeGreaterThanOrEqual(60);
      const label = await style(page, '#bind-form .lzt-field__label');
      expect(label.fontSize).toBeGreaterThanOrEqual(width === 375 ? 23.8 : 20);
      await shotAll(page, `elder-bind-form-${width}`);
    }
    await context.close();
  });
});
