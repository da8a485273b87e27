// 我的信息 (个人信息保护法) and the 管理员's 操作记录, in Chromium: the resident sees what is held
// about them (phones masked), exports it as .xlsx (read back here), deletes the account with a
// confirmation; the 管理员 then finds that deletion, and a 动态调整, in the audit log.
import type { Browser } from 'playwright-core';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { confirmModal, expectText, openRoute, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(120_000);

describeE2E('我的信息 and 操作记录 (H5)', () => {
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // A 动态调整 by the 管理员, so the log holds more than the resident's deletion.
    const away = await app.runtime.call('roster', { action: 'markAway', nodeId: 'u3', status: 'away', reason: '外出务工两个月' }, 'demo-admin');
    expect(away.ok).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the resident sees everything held about them, phones masked, in normal and large text', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/pages/me/index', 'me');
    await page.click('#me-open-mydata');
    await page.waitForSelector('#page-account-mydata #mydata-sections');
    await expectText(page, '#mydata-name', '居民王阿姨');
    await expectText(page, '#mydata-phone', '139****9999');
    await expectText(page, '#mydata-address', '1栋1单元101');
    await expectText(page, '#mydata-sections', '我的反映');
    expect(await page.locator('#page-account-mydata').textContent()).not.toContain('13900009999');
    await shotAll(page, 'mydata-view');
    await context.close();

    const large = await phone(browser);
    await useLargeText(large.context);
    await signInAs(large.context, app, 'resident');
    await openRoute(app, large.page, '/account/mydata', 'account-mydata');
    await large.page.waitForSelector('#page-account-mydata.lzt-shell--large #mydata-name');
    await shotAll(large.page, 'mydata-view-large');
    await large.context.close();
  });

  test('导出: a .xlsx with every kind of record, their own phone in full, downloadable by them alone', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/account/mydata', 'account-mydata');
    await page.waitForSelector('#mydata-export');
    // The file opens in a new tab, which Chromium turns into a download: that tab's URL may never
    // commit (it reads "" when the download wins the race), so the test watches the request instead.
    const requested = context.waitForEvent('request', (r) => /\/files\/reports\/.+\.xlsx$/.test(r.url()));
    await page.click('#mydata-export');
    const url = (await requested).url();
    await expectText(page, '#mydata-exported', '我的信息-');
    const res = await context.request.get(url);
    expect(res.status()).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['账号', '住户', '走访', '反映', '投票', '核销', '申请', '消息']);
    const text = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).flat().map(String).join('|');
    expect(text('账号')).toContain('13900009999');
    expect(text('住户')).toContain('1栋1单元101');
    // Nobody else gets the file: another signed-in user, and no one at all.
    const other = await phone(browser);
    await signInAs(other.context, app, 'admin');
    expect((await other.context.request.get(url)).status()).toBe(404);
    await other.context.close();
    await shotAll(page, 'mydata-exported');
    await context.close();
  });

  test('注销: a confirmation that says what goes, then the account is gone', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/account/mydata', 'account-mydata');
    await page.waitForSelector('#mydata-erase');
    await page.click('#mydata-erase');
    await page.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' });
    await shotAll(page, 'mydata-erase-confirm');
    await confirmModal(page, '不能撤销');
    await page.waitForSelector('#mydata-erased');
    await shotAll(page, 'mydata-erased');
    expect(await app.runtime.store.collection('users').doc('demo-resident').get()).toBeNull();
    const problems = await app.runtime.store.collection('problems').where({ reporterName: '居民王阿姨' }).count();
    expect(problems).toBe(0);
    await context.close();
  });

  test('the 管理员 reads the audit log: the deletion by an account without a name, and filters by who', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await openRoute(app, page, '/pages/home/index', 'home');
    await page.click('#home-work-audit');
    await page.waitForSelector('#page-audit #audit-list');
    await expectText(page, '#audit-list', '注销账号并删除个人信息');
    await expectText(page, '#audit-list', '已注销用户');
    await expectText(page, '#audit-list', '标记外出或不能履职');
    await shotAll(page, 'audit-list');
    // Tap the 管理员's own name (社区工作人员小周): only their entries stay.
    await page.locator('.audit-entry__name', { hasText: '社区工作人员小周' }).first().click();
    await page.waitForSelector('#audit-filter-who');
    await expectText(page, '#audit-list', '标记外出或不能履职');
    expect(await page.locator('#audit-list').textContent()).not.toContain('注销账号并删除个人信息');
    await shotAll(page, 'audit-list-by-admin');
    await context.close();

    const lead = await phone(browser);
    await signInAs(lead.context, app, 'neighbourLead');
    await openRoute(app, lead.page, '/audit/index', 'audit');
    await lead.page.waitForSelector('#page-audit .lzt-error, #page-audit .lzt-state');
    expect(await lead.page.locator('#page-audit').textContent()).toContain('权限');
    await lead.context.close();
  });
});
