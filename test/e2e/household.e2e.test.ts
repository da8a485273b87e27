// A resident sees what is held about their household (with the 邻长's 五个一 visits),
// corrects it, deletes the phone, then deletes the household record; the 邻长's
// 居民信息账 no longer lists it.
import type { Browser } from 'playwright-core';
import type { UserDoc } from '../../server/domain/users';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { api, confirmModal, expectText, fillField, openRoute, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(90_000);

describeE2E('我家登记的信息 (H5)', () => {
  let app: App;
  let browser: Browser;
  let householdId: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const resident = (await app.runtime.store.collection('users').doc('demo-resident').get()) as UserDoc;
    householdId = resident.household!.id;
    // The 邻长 records a 五个一 visit, through the same API the ledger page uses.
    const lead = await phone(browser);
    await signInAs(lead.context, app, 'neighbourLead');
    const visit = await api(lead.context, app, 'ledger', {
      action: 'visit',
      householdId,
      met: true,
      chatted: true,
      registered: true,
      noticeGiven: false,
      problemsCollected: true,
      problems: '楼道灯坏了，晚上看不清台阶',
    });
    expect(visit.ok).toBe(true);
    await lead.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the resident sees the address, people, own phone unmasked and the visit, in normal and large text', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/pages/me/index', 'me');
    await page.click('#me-open-household');
    await page.waitForSelector('#page-account-household');
    await expectText(page, '#household-address', '1栋1单元101');
    await expectText(page, '#household-phone', '13900009999');
    await expectText(page, '.household-visits', '楼道灯坏了，晚上看不清台阶');
    await expectText(page, '.household-visits .visit__item--done', '见一次面');
    expect(await page.locator('.household-visits .visit__item--done').count()).toBe(4);
    await shotAll(page, 'household-view');
    await context.close();

    const large = await phone(browser);
    await useLargeText(large.context);
    await signInAs(large.context, app, 'resident');
    await openRoute(app, large.page, '/account/household', 'account-household');
    await large.page.waitForSelector('#page-account-household.lzt-shell--large #household-address');
    await shotAll(large.page, 'household-view-large');
    await large.context.close();
  });

  test('修改: people and a new phone (consent required), 删除手机号, then 删除我家的登记', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/account/household', 'account-household');
    await page.waitForSelector('#household-people');
    const before = Number(((await page.textContent('#household-people .lzt-cell__value')) ?? '').replace(/\D/g, ''));

    await page.click('#household-edit-open');
    await page.waitForSelector('#household-edit');
    await page.click('#edit-people .lzt-stepper__plus');
    await fillField(page, 'edit-phone', '1380000');
    await page.click('#edit-save');
    await expectText(page, '#page-account-household .lzt-form-error', '手机号应为11位数字');
    await fillField(page, 'edit-phone', '13800001234');
    await page.click('#edit-save');
    await expectText(page, '#page-account-household .lzt-form-error', '同意邻长查看我的手机号');
    await page.click('#edit-consent');
    await shotAll(page, 'household-edit');
    await page.click('#edit-save');
    await expectText(page, '#household-phone', '13800001234');
    await expectText(page, '#household-people', `${before + 1}人`);

    await page.click('#household-clear-phone');
    await confirmModal(page, '邻长将看不到您的手机号');
    await expectText(page, '#household-phone', '未留');

    await page.click('#household-remove');
    await confirmModal(page, '走访记录都会一并删除');
    await page.waitForSelector('#household-removed');
    await shotAll(page, 'household-removed');

    await openRoute(app, page, '/pages/me/index', 'me');
    await expectText(page, '#me-household', '还没有绑定住户');
    await context.close();

    // Gone from the 邻长's 居民信息账 too (the last member took the household with them).
    const lead = await phone(browser);
    await signInAs(lead.context, app, 'neighbourLead');
    const rows = await api<{ items: { id: string }[] }>(lead.context, app, 'ledger', { action: 'households', unitId: 'u1', pageSize: 50 });
    expect(rows.ok && rows.data.items.some((r) => r.id === householdId)).toBe(false);
    await lead.context.close();
  });

  test('a caller without a household is told how to bind one', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'newcomer');
    await openRoute(app, page, '/account/household', 'account-household');
    await expectText(page, '#household-unbound', '还没有绑定住户');
    await context.close();
  });
});
