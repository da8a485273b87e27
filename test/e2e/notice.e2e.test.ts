// 通知公告, as users do it: the 管理员 publishes a notice with a picture to 第一片 from 首页; a
// resident of 第一片 sees it on 首页 and opens it; a resident of another 片 does not see it; the
// 管理员's 我发布的 and the notice itself show the read count going up.
import type { Browser } from 'playwright-core';
import type { HouseholdDoc, NodeDoc } from '../../server/domain/docs';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { api, chooseFile, expectText, fillField, openRoute, pngFile, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(120_000);

const TITLE = '本周六上午第一片停水检修';
const BODY = '各位居民：本周六 9:00—12:00 第一片各楼栋停水检修，请提前储水。如有困难请联系邻长。';

describeE2E('通知公告 (H5)', () => {
  let app: App;
  let browser: Browser;
  let areaHouseholds = 0;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    areaHouseholds = ((await app.runtime.store.collection('nodes').doc('a1').get()) as NodeDoc).stats.households;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a 管理员 publishes to 第一片; its resident sees it on 首页, a resident of 第二片 does not; the read count goes up', async () => {
    // The 管理员 publishes from 首页 › 发布通知.
    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    await openRoute(app, admin.page, '/pages/home/index', 'home');
    await admin.page.click('#home-notice-publish');
    await admin.page.waitForSelector('#page-notice-publish #notice-form');
    await admin.page.click('#notice-scope-choices .lzt-choice:has-text("第一片（")');
    await expectText(admin.page, '#notice-scope .lzt-field__hint', `范围内的 ${areaHouseholds} 户`);
    await admin.page.click('#notice-submit');
    await expectText(admin.page, '#page-notice-publish .lzt-form-error', '请填写通知标题');
    await fillField(admin.page, 'notice-title', TITLE);
    await fillField(admin.page, 'notice-body', BODY);
    await chooseFile(admin.page, () => admin.page.click('#notice-image-picker .photo-picker__add'), pngFile('notice-photo'));
    await admin.page.waitForSelector('#notice-image-picker .photo-picker__item');
    await admin.page.click('#notice-pinned');
    await shotAll(admin.page, 'notice-publish-form');
    await admin.page.click('#notice-submit');
    await admin.page.waitForSelector('#page-notice-detail #notice-detail');
    await expectText(admin.page, '#notice-detail-title', TITLE);
    await expectText(admin.page, '#notice-read-count', `已读 0 / 范围内 ${areaHouseholds} 户`);

    // A resident of 第一片 (1栋1单元101) sees it on 首页, pinned, and opens it.
    const resident = await phone(browser);
    await signInAs(resident.context, app, 'resident');
    await openRoute(app, resident.page, '/pages/home/index', 'home');
    await expectText(resident.page, '#home-notices', TITLE);
    await expectText(resident.page, '#home-notices .notice-row__pin', '置顶');
    await shotAll(resident.page, 'notice-home-feed');
    await resident.page.click(`#home-notices .notice-row:has-text("${TITLE}")`);
    await resident.page.waitForSelector('#page-notice-detail #notice-detail');
    await expectText(resident.page, '#notice-detail-body', '请提前储水');
    await resident.page.waitForSelector('#notice-detail .notice-detail__image');
    expect(await resident.page.locator('#notice-read-count').count()).toBe(0); // a resident sees no counts
    await shotAll(resident.page, 'notice-detail');

    // A newcomer binds a door of 第二片 (as the card page does) and sees no such notice on 首页.
    const far = await phone(browser);
    await signInAs(far.context, app, 'newcomer');
    const [unit] = (await app.runtime.store.collection('nodes').where({ level: 'unit', 'at.area': 'a2' }).limit(1).get()) as NodeDoc[];
    const bound = await api(far.context, app, 'card', { action: 'bind', unitId: unit._id, building: unit.buildings![0], room: '901', people: 2 });
    expect(bound.ok).toBe(true);
    await openRoute(app, far.page, '/pages/home/index', 'home');
    await far.page.waitForSelector('#home-notices-empty');
    expect(await far.page.textContent('#home-notices')).not.toContain(TITLE);
    await openRoute(app, far.page, '/notice/index', 'notice-list');
    await far.page.waitForSelector('#notice-list-empty');

    // The 管理员 sees 已读 1 in 我发布的 and on the notice.
    await openRoute(app, admin.page, '/notice/published', 'notice-published');
    await expectText(admin.page, '#published-list', TITLE);
    await expectText(admin.page, '#published-list .published-row__reads', `已读 1 / 范围内 ${areaHouseholds} 户`);
    await shotAll(admin.page, 'notice-published');
    await admin.page.click(`#published-list .published-row:has-text("${TITLE}")`);
    await expectText(admin.page, '#notice-read-count', `已读 1 / 范围内 ${areaHouseholds} 户`);

    // Opened again by the same household: still one.
    const again = await api(resident.context, app, 'notice', { action: 'published' });
    expect(again.ok).toBe(false); // a resident has no publisher's list
    const stored = (await app.runtime.store.collection('notices').where({ title: TITLE }).get())[0] as unknown as { reads: number };
    expect(stored.reads).toBe(1);
    const home = (await app.runtime.store.collection('households').where({ unitId: unit._id, room: '901' }).get())[0] as HouseholdDoc;
    expect(home.members).toHaveLength(1);
    await Promise.all([admin.context.close(), resident.context.close(), far.context.close()]);
  });

  test('in 大字模式 the 首页 notices and the list read well; a resident without a household is told how, then reads the scanned card’s notices', async () => {
    const large = await phone(browser);
    await useLargeText(large.context);
    await signInAs(large.context, app, 'resident');
    await openRoute(app, large.page, '/notice/index', 'notice-list');
    await expectText(large.page, '#notice-list', TITLE);
    await expectText(large.page, '#notice-list-scope', '1栋1单元邻');
    await shotAll(large.page, 'notice-list-large');
    await openRoute(app, large.page, '/pages/home/index', 'home');
    await expectText(large.page, '#home-notices', TITLE);
    await shotAll(large.page, 'notice-home-large');
    await large.context.close();

    // A 组长 has no household of their own (and scanned no card): told how notices appear.
    const visitor = await phone(browser);
    await signInAs(visitor.context, app, 'groupLead');
    await openRoute(app, visitor.page, '/pages/home/index', 'home');
    await expectText(visitor.page, '#home-notices-bind', '绑定住户后查看通知');
    await openRoute(app, visitor.page, '/notice/index', 'notice-list');
    await expectText(visitor.page, '#notice-list-unbound', '扫描门上的邻长联系卡');
    // Once they open a card of 第一片 (the scan page), its notices are theirs to read, there and on 首页.
    await openRoute(app, visitor.page, '/scan/index?scene=u1', 'scan');
    await visitor.page.click('#scan-notices');
    await visitor.page.waitForSelector('#page-notice-list');
    await expectText(visitor.page, '#notice-list-scope', '您扫描的联系卡');
    await expectText(visitor.page, '#notice-list', TITLE);
    await openRoute(app, visitor.page, '/pages/home/index', 'home');
    await expectText(visitor.page, '#home-notices', TITLE);
    await visitor.page.click(`#home-notices .notice-row:has-text("${TITLE}")`);
    await expectText(visitor.page, '#notice-detail-body', '请提前储水');
    await visitor.context.close();
  });
});
