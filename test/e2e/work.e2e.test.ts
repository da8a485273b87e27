// The 三长 and 管理员 side on the H5 build: 居民信息账 and the 五个一 visit, the 下级汇总
// drill-down, refusal for another 邻长, the 组织体系图 search, 动态调整 with the successor's
// binding code, and the roster import report.
// Over 400 lines on purpose: one story on one server and one browser, each step starting from
// the state the step before left; split, each part would re-seed and replay the earlier steps.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeE2E, launchBrowser, phone, shot as fullShot, scratchDir, signInAs, startApp, type App } from './harness';
import { chooseFile, pngFile } from './pageHelpers';

jest.setTimeout(90_000);

interface HouseholdRow {
  _id: string;
  unitId: string;
  building: string;
  room: string;
  lastVisit?: { complete: boolean } | null;
}

/** A screenshot once the page transition and toasts have settled. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(1800);
  await fullShot(page, name);
}

describeE2E('三长 and 管理员 work pages (H5)', () => {
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

  const largeText = async (page: Page, on: boolean) => {
    await page.evaluate((value) => localStorage.setItem('lzt:largeText', JSON.stringify({ data: value })), on);
    await page.reload();
  };

  /** Fills a Taro Input/Textarea (a custom element wrapping the native field). */
  const fill = (page: Page, id: string, value: string) => page.locator(`#${id} input, #${id} textarea`).first().fill(value);

  const householdsOf = async (unitId: string) =>
    (await app.runtime.store.collection('households').where({ unitId }).orderBy('building', 'asc').orderBy('room', 'asc').get()) as unknown as HouseholdRow[];

  const visitedOf = async (nodeId: string) =>
    ((await app.runtime.store.collection('nodes').doc(nodeId).get()) as unknown as { stats: { visited: number } }).stats.visited;

  test('a 邻长 sees the households of the 邻, records a 五个一 visit and sees it in the history and the list', async () => {
    const units = await householdsOf('u1');
    expect(units.length).toBeGreaterThan(10);
    const first = units[0];
    const address = `${first.building}${first.room}`;
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'neighbourLead');

    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-ledger');
    await page.waitForSelector('#page-ledger #ledger-list');
    await expectText(page, `#household-${first._id} .ledger-row__address`, address);
    await expectText(page, `#household-${first._id} .ledger-row__chip`, '未走访');
    await expectText(page, '#ledger-header .stat-households', String(units.length));
    // Paged: the first 10, then the rest.
    expect(await page.locator('.ledger-row').count()).toBe(10);
    await tap(page, '#ledger-list .lzt-paged__more');
    await page.waitForFunction((n) => document.querySelectorAll('.ledger-row').length === n, units.length);
    await expectText(page, '#ledger-list .lzt-paged__end', `已显示全部 ${units.length} 条`);
    await shown(page, '#ledger-header').scrollIntoViewIfNeeded();
    await shot(page, 'work-ledger-index');

    await tap(page, `#household-${first._id}`);
    await page.waitForSelector('#page-ledger-household #household-address');
    await expectText(page, '#household-address', address);
    await expectText(page, '#household-phone', '13900009999');
    await expectText(page, '#visit-history-empty', '还没有走访记录');

    // Nothing ticked: a clear message, nothing written.
    await tap(page, '#visit-submit');
    await expectText(page, '#visit-error', '请至少勾选一项');

    for (const key of ['met', 'chatted', 'registered', 'noticeGiven', 'problemsCollected']) await tap(page, `#visit-${key}`);
    await fill(page, 'visit-problems', '楼道灯坏了，想了解养老补贴');
    await shot(page, 'work-ledger-visit-form');
    await tap(page, '#visit-submit');
    await page.waitForSelector('#visit-history .visit-entry');
    await expectText(page, '#visit-history .visit-entry__problems', '楼道灯坏了，想了解养老补贴');
    expect(await page.locator('#visit-history .visit-entry .lzt-chip--done').count()).toBe(5);
    await shown(page, '#visit-history').scrollIntoViewIfNeeded();
    await shot(page, 'work-ledger-household');

    await page.goBack();
    await page.waitForSelector('#page-ledger #ledger-list');
    await expectText(page, `#household-${first._id} .ledger-row__chip`, '已走访');
    await expectText(page, '#ledger-header .stat-visited', '1');

    await tap(page, '#ledger-filter-unvisited');
    await page.waitForSelector('#ledger-list .ledger-row');
    expect(await page.locator(`#household-${first._id}`).count()).toBe(0);

    await largeText(page, true);
    await page.waitForSelector('#page-ledger.lzt-shell--large #ledger-list');
    await shot(page, 'work-ledger-index-large');
    await open(page, `/ledger/household?id=${first._id}`, 'ledger-household');
    await page.waitForSelector('#visit-form');
    await shot(page, 'work-ledger-household-large');
    await context.close();
  });

  test('a 片长 drills down 片 → 组 → 邻 and sees the visited count move', async () => {
    const target = (await householdsOf('u1')).find((h) => !h.lastVisit?.complete) as HouseholdRow;
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'areaLead');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-summary');
    await page.waitForSelector('#page-ledger-summary #summary-node');
    await expectText(page, '#summary-node .summary-name', '第一片');
    const before = await visitedOf('a1');
    await expectText(page, '#summary-node .stat-visited', String(before));

    // The 邻长 of u1 completes another visit meanwhile.
    const reply = await app.runtime.call(
      'ledger',
      { action: 'visit', householdId: target._id, met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true },
      'demo-neighbour-lead',
    );
    expect(reply.ok).toBe(true);
    await page.reload();
    await expectText(page, '#summary-node .stat-visited', String(before + 1));
    await shot(page, 'work-summary-area');

    await tap(page, '#summary-child-g1');
    await page.waitForSelector('#page-ledger-summary #summary-node.summary-node--group');
    await expectText(page, '#summary-node .summary-name', '第一组');
    await expectText(page, '#summary-child-u1 .stat-visited', String(await visitedOf('u1')));
    await tap(page, '#summary-child-u1');
    await page.waitForSelector('#page-ledger-summary #summary-node.summary-node--unit');
    await page.waitForSelector('#summary-households .ledger-row');
    await expectText(page, `#household-${target._id} .ledger-row__chip`, '已走访');
    // No personal details for anyone but the 邻长: no people count, no phone.
    const details = await page.locator('#summary-households .ledger-row__details').allTextContents();
    expect(details.join(' ')).not.toMatch(/\*\*\*\*|\d人/);
    await shot(page, 'work-summary-unit');
    await largeText(page, true);
    await page.waitForSelector('#page-ledger-summary.lzt-shell--large #summary-households');
    await shot(page, 'work-summary-unit-large');
    await context.close();
  });

  test('another 邻长 opening the household page is refused with the FORBIDDEN message', async () => {
    const [first] = await householdsOf('u1');
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'neighbourLead2');
    await open(page, `/ledger/household?id=${first._id}`, 'ledger-household');
    await expectText(page, '#page-ledger-household .lzt-error--FORBIDDEN .lzt-error__message', '只有本邻的邻长能查看住户详情');
    expect(await page.locator('#household-address').count()).toBe(0);
    await shot(page, 'work-ledger-forbidden');
    await context.close();
  });

  test('the 管理员 searches the 组织体系图 by building', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-tree');
    await page.waitForSelector('#page-roster-tree #tree-list');
    await expectText(page, '#tree-community', '幸福里社区');
    await expectText(page, '#tree-hotline', '0731-');
    await shot(page, 'work-tree');

    await fill(page, 'tree-search', '3栋');
    await page.waitForFunction(() => document.querySelectorAll('.tree-row--unit').length > 0);
    const units = await page.locator('.tree-row--unit .tree-row__meta').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    for (const text of units) expect(text).toContain('3栋');
    expect(await page.locator('.tree-row--area').count()).toBeGreaterThan(0); // the path to each match stays
    await shot(page, 'work-tree-search');

    await fill(page, 'tree-search', '不存在的楼');
    await expectText(page, '#tree-no-match', '没有找到');
    await largeText(page, true);
    await page.waitForSelector('#page-roster-tree.lzt-shell--large #tree-list');
    await shot(page, 'work-tree-large');
    await context.close();
  });

  test('the 管理员 marks u3’s 邻长 away, appoints a successor and sees the binding code', async () => {
    const before = (await app.runtime.store.collection('nodes').doc('u3').get()) as unknown as { lead: { name: string } };
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-admin');
    await page.waitForSelector('#page-roster-admin #admin-import');
    await shot(page, 'work-admin-import');

    await tap(page, '#admin-tab-adjust');
    await page.waitForSelector('#admin-inactive');
    await tap(page, '#inactive-find');
    await page.waitForSelector('#page-roster-tree #tree-list');
    await tap(page, '#tree-node-g1'); // open 第一组 to reach its 邻
    await tap(page, '#tree-node-u3');
    await page.waitForSelector('#page-roster-unit #unit-lead');
    await expectText(page, '#unit-lead', before.lead.name);
    await expectText(page, '#unit-lead-status', '在任');

    // The lead's photo: uploaded here, shown on the card by the door (and on their 优惠码).
    await expectText(page, '#lead-photo', '还没有照片');
    await chooseFile(page, () => tap(page, '#lead-photo-upload'), pngFile('lead'));
    await page.waitForSelector('#lead-photo .lzt-avatar--photo');
    await expectText(page, '#lead-photo-upload', '更换照片');
    const card = (await app.runtime.call('card', { action: 'get', unitId: 'u3' }, null)) as { ok: true; data: { lead: { photo?: string } } };
    // What others see is the function's published copy in pub/, not the upload itself.
    expect(card.data.lead.photo).toMatch(/^local:pub\/photo\//);
    await shot(page, 'work-unit-photo');

    await tap(page, '#mark-away-submit');
    await expectText(page, '#mark-away-error', '请选择一种情况');
    await tap(page, '#mark-away-away');
    await fill(page, 'mark-away-reason', '外出务工，预计半年后回来');
    await tap(page, '#mark-away-submit');
    await expectText(page, '#unit-lead-status', '外出');

    // The card on the door says so and points to the 组长.
    const door = await phone(browser);
    await door.page.goto(`${app.url}/#/scan/index?scene=u3`);
    await door.page.waitForSelector('#card-lead-away');
    expect(await door.page.textContent('#card-lead-away')).toContain('外出');
    await fullShot(door.page, 'card-lead-away');
    await door.context.close();

    // Back: 恢复在任, then away again for the succession below.
    await tap(page, '#mark-back-submit');
    await expectText(page, '#unit-lead-status', '在任');
    expect(((await app.runtime.call('card', { action: 'get', unitId: 'u3' }, null)) as { ok: true; data: { lead: { away?: unknown } } }).data.lead.away).toBeUndefined();
    await tap(page, '#mark-away-away');
    await fill(page, 'mark-away-reason', '外出务工，预计半年后回来');
    await tap(page, '#mark-away-submit');
    await expectText(page, '#unit-lead-status', '外出');

    await fill(page, 'succeed-name', '李新邻');
    await fill(page, 'succeed-phone', '1380000');
    await tap(page, '#succeed-submit');
    await expectText(page, '#succeed-error', '手机号应为11位数字');
    await fill(page, 'succeed-phone', '13800007777');
    await fill(page, 'succeed-reason', '原邻长外出务工，居民推选接替');
    await tap(page, '#succeed-submit');
    await page.waitForSelector('#succeed-invite .invite__code');
    const code = await page.getAttribute('#succeed-invite .invite__code', 'data-code');
    expect(code).toMatch(/^\d{8}$/);
    await expectText(page, '#unit-lead', '李新邻');
    await expectText(page, '#lead-history', before.lead.name);
    await expectText(page, '#lead-history .history-item--replaced', '已卸任');
    await shot(page, 'work-unit-succeeded');
    await largeText(page, true);
    await page.waitForSelector('#page-roster-unit.lzt-shell--large #unit-lead');
    await shot(page, 'work-unit-large');

    // The successor enters the code and becomes the 邻长 of u3.
    const claimed = await app.runtime.call('account', { action: 'claim', code }, 'demo-newcomer');
    expect(claimed.ok).toBe(true);
    await context.close();
  });

  test('the 管理员 reviews applications, appoints a 邻长 and prints a 组’s cards', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    // Two residents' applications wait for review: one to reject (a reason is required), one to approve.
    const submit = async (action: 'apply' | 'recommend', unitId: string, name: string, phoneNo: string) => {
      const r = await app.runtime.call('register', { action, unitId, name, phone: phoneNo, story: '热心肠，住了二十年，邻居都熟' }, 'demo-resident');
      expect(r.ok).toBe(true);
      return (r as { data: { application: { id: string } } }).data.application.id;
    };
    const rejectId = await submit('apply', 'u7', '王自荐', '13800006661');
    const approveId = await submit('recommend', 'u8', '赵推荐', '13800006662');

    await open(page, '/roster/admin?tab=review', 'roster-admin');
    await page.waitForSelector(`#application-${approveId}`);
    await shot(page, 'work-admin-review');
    await tap(page, `#application-${rejectId} .review-reject`);
    await tap(page, `#application-${rejectId} .review-reject-confirm`);
    await expectText(page, `#review-error-${rejectId}`, '不通过时请写明原因');
    await fill(page, `reject-reason-${rejectId}`, '本单元已有邻长人选');
    await tap(page, `#application-${rejectId} .review-reject-confirm`);
    await expectText(page, `#application-${rejectId} .application__result`, '未通过');
    await tap(page, `#application-${approveId} .review-approve`);
    await expectText(page, `#application-${approveId} .application__result`, '已通过');
    expect(await page.getAttribute(`#application-invite-${approveId} .invite__code`, 'data-code')).toMatch(/^\d{8}$/);
    await shot(page, 'work-admin-reviewed');

    await tap(page, '#admin-tab-appoint');
    await page.waitForSelector('#appoint-unit-search');
    await fill(page, 'appoint-unit-search', '5栋');
    // The search runs on the server: wait for its page, whose every 邻 serves a 5栋.
    await page.waitForFunction(() => {
      const options = Array.from(document.querySelectorAll('[id^="appoint-unit-option-"]'));
      return options.length > 0 && options.every((o) => o.textContent?.includes('5栋'));
    });
    await page.locator('[id^="appoint-unit-option-"]').first().click();
    await fill(page, 'appoint-name', '王指定');
    await fill(page, 'appoint-phone', '13800008888');
    await tap(page, '#appoint-submit');
    await page.waitForSelector('#appoint-invite .invite__code');
    expect(await page.getAttribute('#appoint-invite .invite__code', 'data-code')).toMatch(/^\d{8}$/);
    await shot(page, 'work-admin-appoint');

    await tap(page, '#admin-tab-cards');
    await page.waitForSelector('#cards-node-search');
    await tap(page, '#cards-node-option-g1');
    await shot(page, 'work-admin-cards');
    const pdf = context.waitForEvent('page');
    await tap(page, '#cards-generate');
    await expectText(page, '#cards-result', '第一组');
    expect((await pdf).url()).toMatch(/\.pdf($|\?)/);
    await shown(page, '#cards-result').scrollIntoViewIfNeeded();
    await shot(page, 'work-admin-cards-done');
    await context.close();
  });

  test('the 管理员 uploads a roster .xlsx, sees the dry-run report and imports it, here one node a call', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['社区', '片', '片长', '片长电话', '组', '组长', '组长电话', '邻', '邻长', '邻长电话', '楼栋单元']);
    sheet.addRow(['幸福里社区', '第四片', '赵片长', '13700000001', '第一组', '钱组长', '13700000002', '20栋1单元邻', '孙邻长', '13700000003', '20栋1单元']);
    sheet.addRow(['幸福里社区', '第四片', '', '', '第一组', '', '', '20栋2单元邻', '周邻长', '1370000', '20栋2单元']);
    const file = path.join(scratchDir('roster'), '名册.xlsx');
    await book.xlsx.writeFile(file);

    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await open(page, '/roster/admin?tab=import', 'roster-admin');
    await chooseFile(page, () => tap(page, '#import-choose'), file);
    expect(await page.locator('#lzt-file-input').count()).toBe(1);
    await page.waitForSelector('#import-report', { timeout: 20_000 });
    await expectText(page, '#import-report', '预检结果');
    await expectText(page, '.import-count--rejected .lzt-stats__num', '1');
    await expectText(page, '#import-rows .import-row--rejected', '第 3 行');
    await shot(page, 'work-admin-import-report');
    // One node a call: the page imports the file again until the new 片, 组 and 邻 are all in.
    process.env.LZT_IMPORT_STEPS_PER_CALL = '1';
    // Each reply held back a little, so the progress between calls can be seen.
    await page.route('**/api/roster', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 2500));
      await route.fulfill({ response });
    });
    try {
      await tap(page, '#import-commit');
      await page.getByText('正在分批导入名册：已写入 1 / 3 个片、组、邻').waitFor({ timeout: 10_000 });
      await shot(page, 'work-admin-import-progress');
      await expectText(page, '#import-report', '导入完成');
    } finally {
      delete process.env.LZT_IMPORT_STEPS_PER_CALL;
      await page.unroute('**/api/roster');
    }
    const unit = await app.runtime.store.collection('nodes').where({ level: 'unit', name: '20栋1单元邻' }).get();
    expect(unit).toHaveLength(1);
    const group = await app.runtime.store.collection('nodes').doc(unit[0].parentId as string).get();
    expect(group).toMatchObject({ name: '第一组', level: 'group' });
    await shot(page, 'work-admin-import-done');
    await context.close();
  });

  test('a 邻长 of two 邻 opens either from 首页 and switches between them in the 居民信息账', async () => {
    const invite = (await app.runtime.call('roster', { action: 'invite', nodeId: 'u2' }, 'demo-admin')) as { ok: true; data: { code: string } };
    expect((await app.runtime.call('account', { action: 'claim', code: invite.data.code }, 'demo-neighbour-lead')).ok).toBe(true);
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'neighbourLead');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-grant-u2');
    await page.waitForSelector('#page-ledger #ledger-unit-switch');
    await expectText(page, '#ledger-header', '1栋2单元');
    await tap(page, '#ledger-unit-u1');
    await expectText(page, '#ledger-header', '1栋1单元');
    await shot(page, 'work-ledger-two-units');
    await context.close();
  });

  test('a 镇街 管理员 switches the roster pages to another 社区, and it stays chosen', async () => {
    // A second 社区 in the same 街道, with one 片 → 组 → 邻 copied from the first.
    const nodes = app.runtime.store.collection('nodes');
    const c2At = (at: Record<string, string>) => ({ ...at, community: 'c2' });
    const c1 = (await nodes.doc('c1').get()) as unknown as { at: Record<string, string> } & Record<string, unknown>;
    await nodes.doc('c2').set({ ...c1, _id: undefined, name: '和平社区', at: c2At(c1.at) } as never);
    for (const [from, to, parent, name] of [['a1', 'c2a1', 'c2', '和平第一片'], ['g1', 'c2g1', 'c2a1', '和平第一组'], ['u1', 'c2u1', 'c2g1', '和平1栋邻']]) {
      const doc = (await nodes.doc(from).get()) as unknown as { at: Record<string, string> } & Record<string, unknown>;
      const at = { ...c2At(doc.at), area: 'c2a1', ...(doc.at.group ? { group: 'c2g1' } : {}), ...(doc.at.unit ? { unit: 'c2u1' } : {}) };
      await nodes.doc(to).set({ ...doc, _id: undefined, name, parentId: parent, at } as never);
    }
    await app.runtime.store.collection('users').doc('e2e-street-admin').set({
      name: '街道干部',
      grants: [{ role: 'admin', nodeId: 's1', nodeName: '示范街道', level: 'street' }],
      createdAt: 0,
    } as never);

    const { context, page } = await phone(browser);
    expect((await context.request.post(`${app.url}/__dev/signin`, { data: { openid: 'e2e-street-admin' } })).ok()).toBe(true);
    await open(page, '/roster/tree?manage=1', 'roster-tree');
    await expectText(page, '#tree-community', '幸福里社区');
    await tap(page, '#tree-community-c2');
    await expectText(page, '#tree-community', '和平社区');
    await shot(page, 'work-tree-communities');
    await tap(page, '#tree-node-c2g1');
    await tap(page, '#tree-node-c2u1');
    await page.waitForSelector('#page-roster-unit #unit-name');
    await expectText(page, '#unit-name', '和平1栋邻');
    // Chosen once, it stays: the tree opened afresh (a new page) is 和平社区's.
    const again = await context.newPage();
    await open(again, '/roster/tree?manage=1', 'roster-tree');
    await expectText(again, '#tree-community', '和平社区');
    await context.close();
  });
});
