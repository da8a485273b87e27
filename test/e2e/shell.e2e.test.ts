// The mini program shell on the H5 build: tab pages, dev sign-in, 大字模式, the scan page,
// and the loading / error states every page shares.
import type { Browser, Page } from 'playwright-core';
import { describeE2E, launchBrowser, phone, shot, signInAs, startApp, type App } from './harness';

jest.setTimeout(60_000);

describeE2E('mini program shell (H5)', () => {
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

  const open = async (page: Page, route: string, pageName: string) => {
    await page.goto(`${app.url}/#${route}`);
    await page.waitForSelector(`#page-${pageName}`);
  };

  /** Waits until the element's text contains `text` (or equals it, with exact), then asserts it. */
  const expectText = async (page: Page, selector: string, text: string, exact = false) => {
    await page
      .waitForFunction(
        ([sel, want, whole]) => {
          const got = document.querySelector(sel)?.textContent?.trim();
          return got !== undefined && (whole ? got === want : got.includes(want));
        },
        [selector, text, exact] as const,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const got = (await page.locator(selector).first().textContent())?.trim();
    if (exact) expect(got).toBe(text);
    else expect(got).toContain(text);
  };

  const expectLarge = async (page: Page, pageName: string) => {
    await page.waitForSelector(`#page-${pageName}.lzt-shell--large`, { state: 'attached', timeout: 10_000 });
  };

  /** Font size in CSS px of the first element matching `selector`. */
  const fontSize = async (page: Page, selector: string) => {
    await page.waitForSelector(selector);
    return page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
  };

  test('a visitor sees the greeting, 三长制 and 未登录, with no scan button on H5', async () => {
    const { context, page } = await phone(browser);
    await open(page, '/pages/home/index', 'home');
    await expectText(page, '#home-greeting', '您好，欢迎使用邻长通', true);
    await expectText(page, '#page-home .home-about', '三事分流');
    expect(await page.locator('#home-scan').count()).toBe(0);
    expect(await page.locator('#page-home .home-work').count()).toBe(0);

    await open(page, '/pages/me/index', 'me');
    await expectText(page, '#whoami-name', '未登录', true);
    await expectText(page, '#whoami-roles .role-tag--anonymous', '访客', true);
    await context.close();
  });

  test('dev sign-in as a resident shows the bound household on every tab, and sign-out clears it', async () => {
    const { context, page } = await phone(browser);
    await open(page, '/pages/me/index', 'me');
    await page.click('.dev-user--resident');
    await page.waitForSelector('#whoami-roles .role-tag--resident');
    await expectText(page, '#whoami-roles .role-tag--resident', '居民', true);
    expect(await page.textContent('#whoami-name')).not.toBe('未登录');
    await expectText(page, '#me-household', '1栋1单元101');

    await open(page, '/pages/home/index', 'home');
    await expectText(page, '#home-household', '1栋1单元101');
    await expectText(page, '#home-my-lead', '我的邻长');

    await open(page, '/pages/card/index', 'card');
    await expectText(page, '#card-household', '1栋1单元101');
    expect(await page.getAttribute('#my-lead-card', 'data-unit-id')).toBeTruthy();
    await shot(page, 'shell-card-resident');

    await open(page, '/pages/me/index', 'me');
    await page.click('#dev-signout');
    await expectText(page, '#whoami-name', '未登录', true);
    await context.close();
  });

  test('a lead sees 我的工作 with the role label; an unbound caller gets the scan guidance on 联系卡', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'neighbourLead');
    await open(page, '/pages/home/index', 'home');
    await expectText(page, '#home-work-roles', '邻长');
    await shot(page, 'shell-home-neighbourLead');

    await signInAs(context, app, 'newcomer');
    await open(page, '/pages/card/index', 'card');
    await expectText(page, '#card-unbound', '扫描门上或楼栋群里的邻长联系卡，就能找到您的邻长');
    await context.close();
  });

  test('大字模式 makes text really larger on every page and is remembered', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await open(page, '/pages/home/index', 'home');
    const normal = await fontSize(page, '#home-household .lzt-cell__title');
    expect(normal).toBeGreaterThan(15);

    await open(page, '/pages/me/index', 'me');
    await page.click('#large-text-switch');
    await expectLarge(page, 'me');

    await page.reload();
    await open(page, '/pages/home/index', 'home');
    await expectLarge(page, 'home');
    const large = await fontSize(page, '#home-household .lzt-cell__title');
    expect(large).toBeGreaterThanOrEqual(20);
    expect(large / normal).toBeGreaterThanOrEqual(1.25);
    await shot(page, 'shell-home-large');
    await context.close();
  });

  test('the scan page shows the decoded card code, and a clear error for a bad one', async () => {
    const { context, page } = await phone(browser);
    await open(page, `/scan/index?scene=${encodeURIComponent('u1')}`, 'scan');
    await expectText(page, '#scan-unit-code', 'u1', true);

    await open(page, `/scan/index?scene=${encodeURIComponent('不是联系卡')}`, 'scan');
    await expectText(page, '#page-scan .lzt-error--INVALID_INPUT', '没有识别到联系卡编号');
    await context.close();
  });

  test('a network failure shows the Chinese message and 重试 recovers', async () => {
    const { context, page } = await phone(browser);
    let fail = true;
    await page.route('**/api/**', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
    await open(page, '/pages/home/index', 'home');
    await expectText(page, '#page-home .lzt-error__message', '网络不给力，请检查网络后重试', true);
    fail = false;
    await page.click('#page-home .lzt-error__retry');
    await page.waitForSelector('#home-greeting');
    await context.close();
  });
});
