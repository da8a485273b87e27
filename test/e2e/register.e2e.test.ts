// 个人自荐 and 群众推荐 from a 联系卡, the applicant's results, and 输入绑定码 for a 三长.
import type { Browser } from 'playwright-core';
import type { NodeDoc } from '../../server/domain/docs';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { api, expectText, fillField, openRoute, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(90_000);

describeE2E('邻长报名 and 绑定码 (H5)', () => {
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

  test('个人自荐 from the card: checked first, then 待审核; a rejection shows the reason', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'newcomer');
    await openRoute(app, page, '/scan/index?scene=u4', 'scan');
    await page.click('#scan-apply-self');
    await page.waitForSelector('#page-register-apply #apply-form');
    await expectText(page, '#apply-title', '我想当邻长');
    await page.click('#apply-submit');
    await expectText(page, '#page-register-apply .lzt-form-error', '请填写您的姓名');
    await fillField(page, 'apply-name', '赵热心');
    await page.click('#apply-submit');
    await expectText(page, '#page-register-apply .lzt-form-error', '请填写您的手机号');
    await fillField(page, 'apply-phone', '13711112222');
    await fillField(page, 'apply-story', '在这栋楼住了二十年，退休在家，愿意为邻居跑腿办事。');
    await shotAll(page, 'register-apply');
    await page.click('#apply-submit');
    await page.waitForSelector('#apply-sent');
    await expectText(page, '#apply-sent', '已提交，等待社区审核');
    await page.click('#apply-open-mine');
    await page.waitForSelector('#page-register-mine .application');
    await expectText(page, '#page-register-mine .application__status', '待审核');

    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    const pending = await api<{ items: { id: string; name: string }[] }>(admin.context, app, 'register', { action: 'pending' });
    const mine = pending.ok ? pending.data.items.find((a) => a.name === '赵热心') : undefined;
    expect(mine).toBeDefined();
    const review = await api(admin.context, app, 'register', { action: 'review', id: mine!.id, approve: false, reason: '本邻已有邻长，欢迎先当楼栋志愿者' });
    expect(review.ok).toBe(true);
    await admin.context.close();

    await page.reload();
    await expectText(page, '#page-register-mine .application__status', '未通过');
    await expectText(page, '#page-register-mine .application__note--reason', '本邻已有邻长');
    await shotAll(page, 'register-mine');
    await context.close();
  });

  test('群众推荐 may leave the phone out', async () => {
    const { context, page } = await phone(browser);
    await useLargeText(context);
    await signInAs(context, app, 'resident');
    await openRoute(app, page, `/register/apply?unitId=u1&kind=recommend&unitName=${encodeURIComponent('1栋1单元邻')}`, 'register-apply');
    await expectText(page, '#apply-title', '推荐邻长');
    await fillField(page, 'apply-name', '钱大姐');
    await fillField(page, 'apply-story', '平时总帮邻居收快递、照看老人。');
    await shotAll(page, 'register-recommend-large');
    await page.click('#apply-submit');
    await page.waitForSelector('#apply-sent');
    await context.close();
  });

  test('自荐 with a sitting 邻长’s phone from another WeChat: the 管理员 sees the clash; approval waits for 用微信手机号验证', async () => {
    const lead = ((await app.runtime.store.collection('nodes').doc('u1').get()) as NodeDoc).lead!;
    const { context, page } = await phone(browser);
    const signed = await context.request.post(`${app.url}/__dev/signin`, { data: { openid: 'e2e-other-wechat' } });
    expect(signed.ok()).toBe(true);
    await openRoute(app, page, `/register/apply?unitId=u1&kind=self&unitName=${encodeURIComponent('1栋1单元邻')}`, 'register-apply');
    await fillField(page, 'apply-name', lead.name);
    await fillField(page, 'apply-phone', lead.phone);
    await fillField(page, 'apply-story', '我换了新手机和新微信，想继续当这个邻的邻长。');
    await page.click('#apply-submit');
    await page.waitForSelector('#apply-sent');
    await page.click('#apply-open-mine');
    await page.waitForSelector('#page-register-mine [id^="phone-check-"]');
    const appId = (await page.getAttribute('#page-register-mine [id^="phone-check-"]', 'id'))!.slice('phone-check-'.length);

    // The 管理员's review list says it plainly, and 通过 is refused.
    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    await openRoute(app, admin.page, '/roster/admin?tab=review', 'roster-admin');
    await expectText(admin.page, `#application-clash-${appId}`, `同一手机号已是在任邻长 ${lead.name}，申请来自另一个微信号`);
    await expectText(admin.page, `#application-clash-${appId}`, '还没有用微信验证');
    await admin.page.click(`#application-${appId} .review-approve`);
    await expectText(admin.page, `#review-error-${appId}`, '用微信手机号验证');
    await shotAll(admin.page, 'register-review-clash');

    // The applicant's WeChat holds another number: refused. Then the right one: confirmed.
    await page.click(`#phone-check-${appId} .phone-check__button`);
    await fillField(page, 'dev-phone-number', '13911110000');
    await page.click('#dev-phone-allow');
    await expectText(page, `#phone-check-${appId} .lzt-form-error`, '不一致');
    await page.click(`#phone-check-${appId} .phone-check__button`);
    await fillField(page, 'dev-phone-number', lead.phone);
    await page.click('#dev-phone-allow');
    await expectText(page, '#page-register-mine .application__confirmed', '手机号已用微信验证');
    expect(await page.locator(`#phone-check-${appId}`).count()).toBe(0);
    await shotAll(page, 'register-mine-confirmed');

    await admin.page.reload();
    await expectText(admin.page, `#application-clash-${appId}`, '申请人已用微信验证');
    await admin.page.click(`#application-${appId} .review-approve`);
    await expectText(admin.page, `#application-${appId} .application__result`, '已通过');
    await admin.context.close();
    await context.close();
  });

  test('a 三长 enters the 8-digit 绑定码 and gets the role', async () => {
    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    const appointed = await api<{ application: { invite?: { code: string } } }>(admin.context, app, 'register', {
      action: 'appoint',
      unitId: 'u5',
      name: '孙新任',
      phone: '13722223333',
    });
    const code = appointed.ok ? appointed.data.application.invite?.code : undefined;
    expect(code).toMatch(/^\d{8}$/);
    await admin.context.close();

    const { context, page } = await phone(browser);
    await signInAs(context, app, 'newcomer');
    await openRoute(app, page, '/pages/me/index', 'me');
    await page.click('#me-open-claim');
    await page.waitForSelector('#page-account-claim #claim-code');
    await fillField(page, 'claim-code', '1234');
    await page.click('#claim-submit');
    await expectText(page, '#page-account-claim .lzt-form-error', '绑定码是8位数字');
    await fillField(page, 'claim-code', code!);
    await page.click('#claim-submit');
    await page.waitForSelector('#claim-done');
    await expectText(page, '#claim-done .claim-grant--neighbourLead', '邻长');
    await shotAll(page, 'account-claim-done');
    await page.click('#claim-back');
    await page.waitForSelector('#page-me');
    await expectText(page, '#whoami-roles', '邻长');
    await context.close();
  });
});
