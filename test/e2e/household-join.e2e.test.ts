// Joining a household that has members waits for their consent (issue 14): a stranger who names
// the demo resident's door waits and sees nothing of it; the resident approves in 我的 (the
// newcomer then sees the family's phone masked and none of the earlier visits); the resident
// removes the wrong join; a second stranger is refused.
import type { Browser, BrowserContext } from 'playwright-core';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { api, confirmModal, expectText, fillField, openRoute, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(120_000);

const FAMILY_PHONE = '13900009999';
const NOTE = '老人腿脚不便，楼道扶手松了';

async function signInOpenid(context: BrowserContext, app: App, openid: string) {
  const res = await context.request.post(`${app.url}/__dev/signin`, { data: { openid } });
  expect(res.ok()).toBe(true);
}

describeE2E('加入已有家人的住户要家人同意 (H5)', () => {
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const lead = await phone(browser);
    await signInAs(lead.context, app, 'neighbourLead');
    const visit = await api(lead.context, app, 'ledger', {
      action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true, problems: NOTE,
    });
    expect(visit.ok).toBe(true);
    await lead.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The stranger fills the bind form for 1栋1单元101 and is told to wait. */
  async function strangerAsks(openid: string, shotName?: string) {
    const { context, page } = await phone(browser);
    await signInOpenid(context, app, openid);
    await openRoute(app, page, '/scan/bind?unitId=u1', 'scan-bind');
    await page.waitForSelector('#bind-form');
    await fillField(page, 'bind-room', '101');
    await page.click('#bind-people .lzt-stepper__plus');
    await page.click('#bind-submit');
    await page.waitForSelector('#bind-done');
    await expectText(page, '#bind-done', '已申请加入，等待家人确认');
    await expectText(page, '#bind-done-address', '1栋1单元101');
    if (shotName) await shotAll(page, shotName);
    return { context, page };
  }

  test('a stranger’s join waits: they see nothing of the household', async () => {
    const { context, page } = await strangerAsks('e2e-stranger', 'join-waits-bind');
    await openRoute(app, page, '/account/household', 'account-household');
    await expectText(page, '#household-pending', '等待家人确认');
    await expectText(page, '#household-pending', '1栋1单元101');
    const text = (await page.textContent('#page-account-household')) ?? '';
    for (const secret of [FAMILY_PHONE, '139****9999', NOTE, '走访']) expect(text).not.toContain(secret);
    await shotAll(page, 'join-waits-household');
    await openRoute(app, page, '/pages/me/index', 'me');
    await expectText(page, '#me-household', '还没有绑定住户');
    await context.close();
  });

  test('a member approves in 我的: the newcomer then sees the family phone masked and none of the earlier visits', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/pages/me/index', 'me');
    await page.click('#me-open-household');
    await page.waitForSelector('#household-requests');
    await expectText(page, '#household-requests', '申请加入我家（1）');
    await expectText(page, '#household-requests', '填的家庭人数：2人');
    await shotAll(page, 'join-request-member');
    await page.click('.household-request__approve');
    await page.waitForSelector('#household-requests', { state: 'detached' });
    await expectText(page, '#household-members', '2人');
    await expectText(page, '#household-member-list', '家人2');
    await shotAll(page, 'join-approved-member');
    await context.close();

    const newcomer = await phone(browser);
    await signInOpenid(newcomer.context, app, 'e2e-stranger');
    await openRoute(app, newcomer.page, '/account/household', 'account-household');
    await expectText(newcomer.page, '#household-phone', '139****9999');
    expect(await newcomer.page.textContent('#page-account-household')).not.toContain(NOTE);
    await newcomer.context.close();
  });

  test('a member removes a wrong join', async () => {
    const { context, page } = await phone(browser);
    await useLargeText(context);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/account/household', 'account-household');
    await page.waitForSelector('#page-account-household.lzt-shell--large #household-member-list');
    await shotAll(page, 'join-members-large');
    await page.click('#household-member-1 .household-member__remove');
    await confirmModal(page, '不再看到您家的信息');
    await page.waitForSelector('#household-member-list', { state: 'detached' });
    await expectText(page, '#household-members', '1人');
    await context.close();

    const removed = await phone(browser);
    await signInOpenid(removed.context, app, 'e2e-stranger');
    await openRoute(app, removed.page, '/account/household', 'account-household');
    await expectText(removed.page, '#household-unbound', '还没有绑定住户');
    await removed.context.close();
  });

  test('a member rejects a stranger, who stays unbound', async () => {
    const asked = await strangerAsks('e2e-stranger-2');
    await asked.context.close();
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, '/account/household', 'account-household');
    await page.click('.household-request__reject');
    await confirmModal(page, '对方不会看到您家的任何信息');
    await page.waitForSelector('#household-requests', { state: 'detached' });
    await context.close();
    const h1 = await app.runtime.store.collection('households').doc('h1').get();
    expect(h1).toMatchObject({ members: ['demo-resident'], requests: [] });
  });
});
