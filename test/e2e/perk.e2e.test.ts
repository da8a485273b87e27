// Issue 4, 专属优惠, on the H5 build: a 邻长 finds a 餐饮 perk of 湘味小厨 (p1) and opens its
// pass; 湘味小厨's clerk types the short code — 核销成功 once, then 已使用, and the same token
// sent to perk.verify is refused as used. The pass refreshes itself before it expires; a perk
// the caller cannot use shows why and no pass button; 离我最近 with and without location;
// the 管理员 edits a perk, issues a clerk code, imports a sheet, reads the stats, and
// suspends p1 — its perks leave the list.
// Over 400 lines on purpose: one story on one server and one browser, each step starting from
// the state the step before left; split, each part would re-seed and replay the earlier steps.
import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { describeE2E, launchBrowser, phone, scratchDir, signInAs, startApp, type App } from './harness';
import { api, chooseFile, confirmModal, pngFile, shotAll, useLargeText } from './pageHelpers';


jest.setTimeout(120_000);

interface PassData {
  token: string;
  shortCode: string;
  expiresAt: number;
  refreshInMs: number;
  holder: { name: string; roleLabel: string };
}

describeE2E('专属优惠: browse, pass, 核销, management (H5)', () => {
  let app: App;
  let browser: Browser;
  let leadName: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    leadName = ((await app.runtime.store.collection('users').doc('demo-neighbour-lead').get()) as unknown as { name: string }).name;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (page: Page, route: string, pageName: string) => {
    await page.goto(`${app.url}/#${route}`);
    await page.waitForSelector(`#page-${pageName}`);
  };

  /** The element on the page being shown (Taro H5 keeps earlier pages in the DOM, hidden). */
  const shown = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
  const tap = (page: Page, selector: string) => shown(page, selector).click();

  /** Waits until the shown element's text contains `text`, then asserts it. */
  const expectText = async (page: Page, selector: string, text: string) => {
    const el = shown(page, selector);
    let got: string | null = null;
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(100)) {
      got = await el.textContent({ timeout: 10_000 }).catch(() => null);
      if (got?.includes(text)) break;
    }
    expect(got).toContain(text);
  };

  const fill = (page: Page, id: string, value: string) => shown(page, `#${id} input, #${id} textarea`).fill(value);

  const isPassCall = (r: Response) => r.url().endsWith('/api/perk') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('"action":"pass"');

  /** A screenshot once toasts and transitions have settled. */
  const snap = async (page: Page, name: string, settle = 600) => {
    await page.waitForTimeout(settle);
    await shotAll(page, name);
  };

  const signedIn = async (key: string, options: { large?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const p = await phone(browser);
    if (options.large) await useLargeText(p.context);
    await signInAs(p.context, app, key);
    return p;
  };

  test('a 邻长 opens a 餐饮 pass of 湘味小厨; its clerk verifies it once; the same code and token are refused as used', async () => {
    const lead = await signedIn('neighbourLead');
    await open(lead.page, '/pages/home/index', 'home');
    await tap(lead.page, '#home-work-perks');
    await lead.page.waitForSelector('#page-perk-index #perk-list .perk-row');
    await expectText(lead.page, '#perk-cat-dining', '餐饮');
    await snap(lead.page, 'perk-index');

    await tap(lead.page, '#perk-cat-dining');
    await expectText(lead.page, '.perk-list-title', '餐饮优惠');
    await lead.page.waitForSelector('#perk-row-p1k1');
    const categories = await lead.page.locator('#perk-list .perk-row__category').allTextContents();
    expect(categories.length).toBeGreaterThan(1);
    for (const c of categories) expect(c).toBe('餐饮');
    await expectText(lead.page, '#perk-row-p1k1 .perk-row__partner-name', '湘味小厨');
    // 片长工作餐 is not for a 邻长: greyed, with the reason.
    expect(await lead.page.getAttribute('#perk-row-p1k2', 'class')).toContain('perk-row--off');
    await expectText(lead.page, '#perk-row-p1k2 .perk-row__reason', '仅限片长');
    await snap(lead.page, 'perk-index-dining');

    await tap(lead.page, '#perk-row-p1k1');
    await lead.page.waitForSelector('#page-perk-detail #perk-title');
    await expectText(lead.page, '#perk-title', '堂食九折');
    await expectText(lead.page, '#perk-partner-name', '湘味小厨');
    await expectText(lead.page, '#perk-hours', '每天 10:00-21:00');
    await expectText(lead.page, '#perk-phone', '0731-58100001');
    await expectText(lead.page, '#perk-address', '岳塘区示范路18号');
    await expectText(lead.page, '#perk-usage', '本月已用 0 次');
    await snap(lead.page, 'perk-detail');

    const passReply = lead.page.waitForResponse(isPassCall);
    await tap(lead.page, '#perk-open-pass');
    const pass = ((await (await passReply).json()) as { data: PassData }).data;
    expect(pass.shortCode).toMatch(/^\d{8}$/);
    await lead.page.waitForSelector('#page-perk-pass #pass-qr-image');
    await lead.page.waitForFunction(() => {
      const img = document.querySelector('#pass-qr-image img') as HTMLImageElement | null;
      return !!img && img.src.startsWith('data:image/gif;base64,') && img.naturalWidth > 200 && img.getBoundingClientRect().width > 200;
    });
    expect(await lead.page.getAttribute('#pass-code', 'data-code')).toBe(pass.shortCode);
    await expectText(lead.page, '#pass-code', `${pass.shortCode.slice(0, 4)} ${pass.shortCode.slice(4)}`);
    await expectText(lead.page, '#pass-holder-name', leadName);
    await expectText(lead.page, '#pass-holder-role', '邻长');
    await expectText(lead.page, '#pass-perk-title', '堂食九折');
    await expectText(lead.page, '#pass-timer', '秒后自动更新');
    await snap(lead.page, 'perk-pass');

    // 湘味小厨's clerk types the code: 核销成功, once.
    const clerk = await signedIn('clerk');
    await open(clerk.page, '/pages/home/index', 'home');
    await tap(clerk.page, '#home-work-verify');
    await clerk.page.waitForSelector('#page-perk-verify #verify-code-input');
    await expectText(clerk.page, '#verify-shop', '湘味小厨');
    expect(await clerk.page.locator('#verify-scan').count()).toBe(0); // no scanCode on H5
    await fill(clerk.page, 'verify-code-input', '1234');
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verify-error', '优惠码是8位数字');
    await snap(clerk.page, 'perk-verify');

    await fill(clerk.page, 'verify-code-input', pass.shortCode);
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verdict-word', '核销成功');
    expect(await clerk.page.getAttribute('#verdict', 'class')).toContain('verdict--ok');
    await expectText(clerk.page, '#verdict-holder', leadName);
    await expectText(clerk.page, '#verdict-perk', '堂食九折');
    await snap(clerk.page, 'perk-verify-valid');

    // The same code again: 已使用.
    await tap(clerk.page, '#verify-next');
    await fill(clerk.page, 'verify-code-input', pass.shortCode);
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verdict-word', '已使用');
    // The clerk who just consumed it is told it went through (their first answer might have been lost).
    await expectText(clerk.page, '#verdict-detail', '您刚才');
    expect(await clerk.page.getAttribute('#verdict', 'class')).toContain('verdict--bad');
    await snap(clerk.page, 'perk-verify-used');

    // The same token, as a scan would send it: refused as used, and still one redemption.
    const byToken = await clerk.context.request.post(`${app.url}/api/perk`, { data: { action: 'verify', token: pass.token } });
    const verdict = (await byToken.json()) as { ok: boolean; data: { verdict: string; word: string } };
    expect(verdict.ok).toBe(true);
    expect(verdict.data.verdict).toBe('used');
    expect(await app.runtime.store.collection('redemptions').where({ perkId: 'p1k1' }).count()).toBe(1);

    await tap(clerk.page, '#verify-open-records');
    await clerk.page.waitForSelector('#page-perk-records #records-head');
    await expectText(clerk.page, '#records-head .records-today', '1');
    await expectText(clerk.page, '#records-head .records-month', '1');
    await expectText(clerk.page, '#records-list .record-row', '堂食九折');
    // The clerk's list masks the name.
    expect(await shown(clerk.page, '#records-list').textContent()).not.toContain(leadName);
    await snap(clerk.page, 'perk-records');

    // The 邻长's monthly use is spent: a new pass is refused with the reason, and the record is in 我的.
    await open(lead.page, '/perk/pass?id=p1k1', 'perk-pass');
    await expectText(lead.page, '#page-perk-pass .lzt-error__message', '次数已用完');
    expect(await lead.page.locator('#page-perk-pass #pass-qr-image').count()).toBe(0);
    await open(lead.page, '/pages/me/index', 'me');
    await tap(lead.page, '#me-open-perk-redemptions');
    await lead.page.waitForSelector('#page-perk-mine #mine-list');
    await expectText(lead.page, '#mine-list', '堂食九折');
    await expectText(lead.page, '#mine-list', '湘味小厨');
    await snap(lead.page, 'perk-mine');

    // The clerk redeemed it in error: 撤销 with a reason, confirmed; the row says 已撤销 and why,
    // the day's count goes back, and the 邻长 may use the perk again this month.
    const [row] = await app.runtime.store.collection('redemptions').where({ perkId: 'p1k1' }).get();
    await tap(clerk.page, `#record-undo-${row._id}`);
    await fill(clerk.page, `record-undo-reason-${row._id}`, '误');
    await tap(clerk.page, `#record-undo-submit-${row._id}`);
    await expectText(clerk.page, `#record-undo-form-${row._id}`, '至少2个字');
    await fill(clerk.page, `record-undo-reason-${row._id}`, '扫错了优惠码');
    await snap(clerk.page, 'perk-records-undo');
    await tap(clerk.page, `#record-undo-submit-${row._id}`);
    await confirmModal(clerk.page, '记入操作记录');
    await expectText(clerk.page, `#record-reversed-${row._id}`, '已撤销');
    await expectText(clerk.page, `#record-reversed-${row._id}`, '扫错了优惠码');
    await expectText(clerk.page, '#records-head .records-today', '0');
    expect(await clerk.page.locator(`#record-undo-${row._id}`).filter({ visible: true }).count()).toBe(0);
    await snap(clerk.page, 'perk-records-reversed');
    await open(lead.page, '/perk/pass?id=p1k1', 'perk-pass');
    await expectText(lead.page, '#pass-usage', '本月已用 0 次');
    await open(lead.page, '/perk/mine', 'perk-mine');
    await expectText(lead.page, `#mine-${row._id}`, '已撤销');
    await lead.context.close();
    await clerk.context.close();
  });

  test('the pass renews itself before it expires, and shows 已过期 when it cannot', async () => {
    const { context, page } = await signedIn('neighbourLead');
    await page.clock.install();
    const first = page.waitForResponse(isPassCall);
    await open(page, '/perk/pass?id=p2k1', 'perk-pass');
    const a = ((await (await first).json()) as { data: PassData }).data;
    await page.waitForSelector('#pass-code');
    expect(a.refreshInMs).toBeLessThan(a.expiresAt - Date.now());

    // Just after refreshInMs: a new pass with a new code, before the old one expired.
    const second = page.waitForResponse(isPassCall);
    await page.clock.fastForward(a.refreshInMs + 500);
    const b = ((await (await second).json()) as { data: PassData }).data;
    expect(b.shortCode).not.toBe(a.shortCode);
    await page.waitForFunction((code) => document.querySelector('#pass-code')?.getAttribute('data-code') === code, b.shortCode);

    // Offline: the refresh fails, and once the code's minute is over the QR is covered.
    await context.setOffline(true);
    await page.clock.fastForward(62_000);
    await page.waitForSelector('#pass-expired');
    await expectText(page, '#pass-expired', '已过期');
    await snap(page, 'perk-pass-expired');
    await context.setOffline(false);
    await context.close();
  });

  test('a 邻长 sees why a perk is not for them; a resident is told perks are for the 三长', async () => {
    const lead = await signedIn('neighbourLead');
    await open(lead.page, '/perk/detail?id=p1k2', 'perk-detail');
    await expectText(lead.page, '#perk-reason', '仅限片长');
    expect(await lead.page.locator('#perk-open-pass').count()).toBe(0);
    await snap(lead.page, 'perk-detail-ineligible');
    await lead.context.close();

    const resident = await signedIn('resident');
    await open(resident.page, '/perk/index', 'perk-index');
    await expectText(resident.page, '#perk-leads-only', '专属优惠仅限三长使用');
    expect(await resident.page.locator('#perk-list').count()).toBe(0);
    await snap(resident.page, 'perk-resident');
    await open(resident.page, '/perk/detail?id=p2k1', 'perk-detail');
    await expectText(resident.page, '#page-perk-detail #perk-leads-only', '仅限三长');
    expect(await resident.page.locator('#perk-open-pass').count()).toBe(0);
    // Nor can the API be asked directly.
    const refused = await api(resident.context, app, 'perk', { action: 'pass', perkId: 'p2k1' });
    expect(refused.ok).toBe(false);
    await resident.context.close();
  });

  test('离我最近: sorted by distance with the location; refused, a message and the default order', async () => {
    const near = await signedIn('groupLead');
    await near.context.grantPermissions(['geolocation'], { origin: app.url });
    await near.context.setGeolocation({ latitude: 27.8625, longitude: 112.9485 });
    await open(near.page, '/perk/index', 'perk-index');
    await near.page.waitForSelector('#perk-list .perk-row');
    expect(await near.page.locator('#perk-list .perk-row__distance').count()).toBe(0);
    await tap(near.page, '#perk-sort-distance');
    await near.page.waitForSelector('#perk-list .perk-row__distance');
    await expectText(near.page, '.perk-list-title', '由近到远');
    const metres = (await near.page.locator('#perk-list .perk-row__distance').allTextContents()).map((t) =>
      t.endsWith('公里') ? parseFloat(t) * 1000 : parseFloat(t),
    );
    expect(metres.length).toBeGreaterThan(3);
    for (let i = 1; i < metres.length; i++) expect(metres[i]).toBeGreaterThanOrEqual(metres[i - 1]);
    await snap(near.page, 'perk-index-nearby');
    await near.context.close();

    const refused = await signedIn('areaLead');
    await open(refused.page, '/perk/index', 'perk-index');
    await refused.page.waitForSelector('#perk-list .perk-row');
    await tap(refused.page, '#perk-sort-distance');
    await expectText(refused.page, '#perk-location-failed', '已按默认顺序排列');
    expect(await refused.page.getAttribute('#perk-sort-default', 'class')).toContain('lzt-tabs__item--on');
    expect(await refused.page.locator('#perk-list .perk-row__distance').count()).toBe(0);
    await snap(refused.page, 'perk-index-location-refused');
    await refused.context.close();
  });

  test('large text: the list, the details, the pass and the clerk’s verdict', async () => {
    const lead = await signedIn('areaLead', { large: true });
    await open(lead.page, '/perk/index', 'perk-index');
    await lead.page.waitForSelector('#page-perk-index.lzt-shell--large #perk-list .perk-row');
    await snap(lead.page, 'perk-index-large');
    await open(lead.page, '/perk/detail?id=p1k2', 'perk-detail');
    await lead.page.waitForSelector('#page-perk-detail.lzt-shell--large #perk-open-pass');
    await snap(lead.page, 'perk-detail-large');
    const passReply = lead.page.waitForResponse(isPassCall);
    await tap(lead.page, '#perk-open-pass');
    const pass = ((await (await passReply).json()) as { data: PassData }).data;
    await lead.page.waitForSelector('#page-perk-pass.lzt-shell--large #pass-qr-image');
    await expectText(lead.page, '#pass-holder-role', '片长');
    await snap(lead.page, 'perk-pass-large');

    const clerk = await signedIn('clerk', { large: true });
    await open(clerk.page, '/perk/verify?shop=%E6%B9%98%E5%91%B3%E5%B0%8F%E5%8E%A8', 'perk-verify');
    await snap(clerk.page, 'perk-verify-large');
    await fill(clerk.page, 'verify-code-input', pass.shortCode);
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verdict-word', '核销成功');
    await snap(clerk.page, 'perk-verify-valid-large');
    await lead.context.close();
    await clerk.context.close();
  });

  test('the clerk is told 非本店优惠 for another partner’s pass, in red', async () => {
    const lead = await signedIn('neighbourLead');
    const other = await api<PassData>(lead.context, app, 'perk', { action: 'pass', perkId: 'p2k2' });
    if (!other.ok) throw new Error(other.error.message);
    const clerk = await signedIn('clerk');
    await open(clerk.page, '/perk/verify', 'perk-verify');
    await fill(clerk.page, 'verify-code-input', other.data.shortCode);
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verdict-word', '非本店优惠');
    await expectText(clerk.page, '#verdict-detail', '康宁社区诊所');
    expect(await clerk.page.getAttribute('#verdict', 'class')).toContain('verdict--bad');
    await snap(clerk.page, 'perk-verify-wrong-partner');
    await lead.context.close();
    await clerk.context.close();
  });

  test('the 管理员 edits a perk, issues a clerk code, imports a sheet, reads the stats, and suspends 湘味小厨', async () => {
    const admin = await signedIn('admin');
    const { page } = admin;
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-perk-admin');
    await page.waitForSelector('#page-perk-admin #partner-list #partner-p1');
    await expectText(page, '#partner-p1', '湘味小厨');
    await expectText(page, '#partner-p1 .partner-row__status', '合作中');
    await snap(page, 'perk-admin-partners');

    // A perk of 康宁社区诊所: change its title.
    await tap(page, '#partner-p2');
    await page.waitForSelector('#page-perk-partner #partner-perk-p2k1');
    await tap(page, '#partner-perk-p2k1');
    await page.waitForSelector('#page-perk-edit #perk-form');
    await fill(page, 'perk-title', '');
    await tap(page, '#perk-save');
    await expectText(page, '#perk-form-error', '请填写优惠名称');
    await fill(page, 'perk-title', '免费测血压、血糖');
    await snap(page, 'perk-admin-edit');
    await tap(page, '#perk-save');
    await page.waitForSelector('#page-perk-partner #partner-perk-p2k1');
    await expectText(page, '#partner-perk-p2k1', '免费测血压、血糖');

    // A clerk code for 康宁社区诊所, for a named 店员: it waits in the list until used.
    await expectText(page, '#clerk-list-empty', '还没有核销员');
    await fill(page, 'clerk-invite-label', '药师小王');
    await tap(page, '#clerk-invite-create');
    await page.waitForSelector('#clerk-invite-code');
    const code = (await page.getAttribute('#clerk-invite-code', 'data-code')) as string;
    expect(code).toMatch(/^\d{8}$/);
    await expectText(page, `#clerk-${code}`, '药师小王');
    await expectText(page, `#clerk-${code}`, '待使用');
    await shown(page, '#partner-invite').scrollIntoViewIfNeeded();
    await snap(page, 'perk-admin-partner', 1800);
    // Withdrawn, it can no longer bind anyone.
    await tap(page, `#clerk-remove-${code}`);
    await confirmModal(page, '不能再使用');
    await page.waitForSelector('#clerk-list-empty');
    const claimed = await app.runtime.call('account', { action: 'claim', code }, 'e2e-new-clerk');
    expect(claimed).toMatchObject({ ok: false, error: { code: 'CLOSED' } });

    // A new partner: the coordinates swapped are refused with the server's own words.
    await open(page, '/perk/partner', 'perk-partner');
    await page.waitForSelector('#partner-form');
    await fill(page, 'partner-name', '邻家烘焙坊');
    await tap(page, '#partner-category-chips-dining');
    await fill(page, 'partner-address', '岳塘区幸福路30号');
    await fill(page, 'partner-lat', '112.9500');
    await fill(page, 'partner-lng', '27.8600');
    await fill(page, 'partner-hours', '每天 07:00-20:00');
    await fill(page, 'partner-phone', '0731-58100099');
    await tap(page, '#partner-save');
    await expectText(page, '#partner-error', '经纬度是否填反了');
    await snap(page, 'perk-admin-partner-new');
    await fill(page, 'partner-lat', '27.8600');
    await fill(page, 'partner-lng', '112.9500');
    // A storefront photo: uploaded with the form, kept when the partner is saved again.
    await chooseFile(page, () => tap(page, '#partner-logo-upload'), pngFile('logo'));
    await page.waitForSelector('#partner-logo .partner-logo__img');
    await snap(page, 'perk-admin-partner-logo');
    await tap(page, '#partner-save');
    await page.waitForSelector('#page-perk-partner #partner-head');
    await expectText(page, '#partner-head', '邻家烘焙坊');
    const [bakery] = (await app.runtime.store.collection('partners').where({ name: '邻家烘焙坊' }).get()) as unknown as { logo?: string }[];
    // What others see is the function's published copy in pub/, not the upload itself.
    expect(bakery.logo).toMatch(/^local:pub\/photo\//);

    // Import: a good row and a bad one; the dry run says which, then the good one goes in.
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('支持单位与优惠');
    sheet.addRow(['商家名称', '类别', '地址', '纬度', '经度', '营业时间', '电话', '优惠名称', '优惠内容', '适用对象', '开始日期', '结束日期', '使用限制']);
    sheet.addRow(['乐龄茶馆', '文体', '岳塘区和美街33号', 27.858, 112.957, '每天 09:00-22:00', '0731-58100088', '茶位八折', '三长品茶茶位八折', '三长', '2025-01-01', '2035-12-31', '每月2次']);
    sheet.addRow(['便民理发店', '生活服务', '岳塘区幸福路8号', 27.862, 112.951, '每天 08:00-20:00', '12345', '理发八折', '理发八折', '三长', '2025-01-01', '2035-12-31', '每月1次']);
    const file = path.join(scratchDir('perk'), '支持单位.xlsx');
    await book.xlsx.writeFile(file);
    await open(page, '/perk/admin?tab=import', 'perk-admin');
    await tap(page, '#perk-admin-tab-import');
    await chooseFile(page, () => tap(page, '#perk-import-choose'), file);
    await page.waitForSelector('#perk-import-report', { timeout: 20_000 });
    await expectText(page, '#perk-import-report', '预检结果');
    await expectText(page, '#perk-import-report .import-count--rejected .lzt-stats__num', '1');
    await expectText(page, '#perk-import-rows .import-row--rejected', '第 3 行');
    await snap(page, 'perk-admin-import-report');
    await tap(page, '#perk-import-commit');
    await expectText(page, '#perk-import-report', '导入完成');
    await snap(page, 'perk-admin-import-done', 1800);

    // Stats: this month's redemptions of 湘味小厨 (the tests above made some).
    await tap(page, '#perk-admin-tab-stats');
    await page.waitForSelector('#stats-total');
    await expectText(page, '#stats-p1', '湘味小厨');
    await snap(page, 'perk-admin-stats');

    // A 组长's pass taken just before 湘味小厨 is suspended…
    const groupLead = await signedIn('groupLead');
    const early = await api<PassData>(groupLead.context, app, 'perk', { action: 'pass', perkId: 'p1k1' });
    if (!early.ok) throw new Error(early.error.message);
    await groupLead.context.close();

    // Suspend 湘味小厨: its perks leave the 三长's list at once.
    await open(page, '/perk/partner?id=p1', 'perk-partner');
    await page.waitForSelector('#partner-suspend');
    await tap(page, '#partner-suspend');
    await fill(page, 'partner-suspend-reason', '店面装修，暂停一个月');
    await tap(page, '#partner-suspend-confirm');
    await expectText(page, '#partner-status', '已暂停');
    await expectText(page, '#partner-suspended-note', '店面装修');
    await snap(page, 'perk-admin-suspended', 1800);

    const lead = await signedIn('neighbourLead');
    await open(lead.page, '/perk/index', 'perk-index');
    await tap(lead.page, '#perk-cat-dining');
    await lead.page.waitForSelector('#perk-row-p9k1');
    expect(await lead.page.locator('#perk-row-p1k1, #perk-row-p1k2, #perk-row-p1k3').count()).toBe(0);
    expect(await shown(lead.page, '#perk-list').textContent()).not.toContain('湘味小厨');
    await snap(lead.page, 'perk-index-after-suspend');
    await lead.context.close();

    // …is refused at the counter: the shop's perks are suspended.
    const clerk = await signedIn('clerk');
    await open(clerk.page, '/perk/verify', 'perk-verify');
    await fill(clerk.page, 'verify-code-input', early.data.shortCode);
    await tap(clerk.page, '#verify-submit');
    await expectText(clerk.page, '#verdict-word', '已暂停');
    expect(await clerk.page.getAttribute('#verdict', 'class')).toContain('verdict--bad');
    await snap(clerk.page, 'perk-verify-suspended');
    await clerk.context.close();

    // Resumed: back in the list.
    await tap(page, '#partner-resume');
    await expectText(page, '#partner-status', '合作中');
    const back = await api(admin.context, app, 'perk', { action: 'list', category: 'dining' });
    expect(back.ok && JSON.stringify(back.data)).toContain('p1k1');
    await admin.context.close();
  });

  test('a clerk of two shops switches between their records', async () => {
    const invite = await app.runtime.call('perk', { action: 'clerkInvite', partnerId: 'p9' }, 'demo-admin');
    expect(invite.ok).toBe(true);
    const code = (invite as { data: { code: string } }).data.code;
    expect((await app.runtime.call('account', { action: 'claim', code }, 'demo-clerk')).ok).toBe(true);
    const clerk = await signedIn('clerk');
    await open(clerk.page, '/perk/records', 'perk-records');
    await clerk.page.waitForSelector('#records-shop-switch');
    await expectText(clerk.page, '#records-head', '湘味小厨');
    await tap(clerk.page, '#records-shop-p9');
    await expectText(clerk.page, '#records-head', '老街米粉');
    await snap(clerk.page, 'perk-records-two-shops');
    await clerk.context.close();
  });
});
