// Issue 13, the 民情 loop on the H5 build, as people would do it with visible text: a resident
// reports a problem with a photo (a text on the word list is refused first, nothing written);
// the 邻长 accepts it and classifies it 小事; the 片长 schedules a 民情恳谈会 (the 小事 joins its
// agenda), records the decision and publishes the minutes; the problem resolves; the resident
// sees every step in the timeline and in 消息 (with the unread badge on 我的), reads the minutes,
// rates it 2 stars and it reopens one level up, with the 社区. Then each handler reads their
// 响应率 / 按期办结率 / 满意率 on 办理统计, and the overseers read them per 片 and per handler.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { chooseFile, pngFile, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(240_000);

const DESCRIPTION = '1栋1单元三楼楼道灯坏了一个星期，晚上上下楼看不清台阶';
const DECISION = '物业本周内更换楼道灯，组长跟进回访';

describeE2E('民情: from 反映问题 to a rated answer (H5)', () => {
  let app: App;
  let browser: Browser;
  let problemId = '';

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  // Taro H5 keeps earlier pages in the DOM (hidden): act on the shown one.
  const shown = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
  const tap = (page: Page, selector: string) => shown(page, selector).click();
  async function expectText(page: Page, selector: string, text: string) {
    let got: string | null = null;
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(100)) {
      got = await shown(page, selector)
        .textContent({ timeout: 10_000 })
        .catch(() => null);
      if (got?.includes(text)) break;
    }
    expect(got).toContain(text);
  }
  const open = async (page: Page, route: string, name: string) => {
    await page.goto(`${app.url}/#${route}`);
    await shown(page, `#page-${name}`).waitFor();
  };
  const fill = (page: Page, id: string, value: string) => shown(page, `#${id} input, #${id} textarea`).fill(value);
  async function snap(page: Page, name: string) {
    await page.waitForTimeout(1600); // transitions and toasts settle
    await shotAll(page, name);
  }
  /** Taro H5 slides a new page in from the right: wait until every shown page sits at x = 0. */
  const settled = (page: Page) =>
    page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.lzt-shell'))
        .map((e) => e.getBoundingClientRect())
        .every((r) => r.width === 0 || Math.abs(r.x) < 1),
    );
  const problemCount = () => app.runtime.store.collection('problems').count();
  async function as(key: string): Promise<{ context: BrowserContext; page: Page }> {
    const p = await phone(browser);
    await signInAs(p.context, app, key);
    return p;
  }

  test('a resident reports a problem with a photo from 首页; a text on the word list is refused and nothing is written', async () => {
    const { context, page } = await as('resident');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-report');
    await shown(page, '#page-minqing-report #report-category-chips').waitFor();
    await expectText(page, '#report-target', '1栋1单元101');
    // The fixed categories, and the place prefilled with the household's building and unit.
    for (const label of ['环境卫生', '设施维修', '邻里纠纷', '安全隐患', '政策咨询', '其他']) await expectText(page, '#report-category-chips', label);
    expect(await shown(page, '#report-place input').inputValue()).toContain('1栋1单元');

    // Nothing chosen: the form says what is missing.
    await tap(page, '#report-submit');
    await expectText(page, '.lzt-form-error', '请选择问题类别');

    await tap(page, '#report-category-repair');
    await fill(page, 'report-description', '楼下有人赌博，吵得睡不着');
    await tap(page, '#report-submit');
    await expectText(page, '.lzt-form-error', '不适宜');
    expect(await problemCount()).toBe(0);

    await fill(page, 'report-description', DESCRIPTION);
    await chooseFile(page, () => tap(page, '#report-photo-picker .photo-picker__add'), pngFile('minqing-lamp'));
    await shown(page, '#report-photo-picker .photo-picker__img').waitFor();
    await tap(page, '#report-contact');
    await snap(page, 'minqing-report-form');

    await tap(page, '#report-submit');
    await expectText(page, '#report-sent', '反映编号');
    expect(await problemCount()).toBe(1);
    const [doc] = (await app.runtime.store.collection('problems').where({}).limit(1).get()) as { _id: string; photos: string[] }[];
    problemId = doc._id;
    expect(doc.photos).toHaveLength(1);

    await tap(page, '#report-open-detail');
    await expectText(page, '#page-minqing-detail #problem-status', '待受理');
    await expectText(page, '#problem-timeline', '提交反映');
    await context.close();
  });

  test('the report form in 大字模式', async () => {
    const p = await phone(browser);
    await useLargeText(p.context);
    await signInAs(p.context, app, 'resident');
    await open(p.page, '/minqing/report', 'minqing-report');
    await shown(p.page, '#report-category-chips .mq-chip').waitFor();
    expect(await shown(p.page, '#page-minqing-report').getAttribute('class')).toContain('lzt-shell--large');
    await snap(p.page, 'minqing-report-form-large');
    await p.context.close();
  });

  test('the 邻长 sees it on 首页 and in 待处理, accepts it and classifies it 小事: it goes to the 片长', async () => {
    const { context, page } = await as('neighbourLead');
    await open(page, '/pages/home/index', 'home');
    await expectText(page, '#home-todo', '待处理 1');
    await tap(page, '#home-todo');
    await expectText(page, '#page-minqing-todo #todo-tab-pending', '1');
    await tap(page, `#problem-${problemId}`);
    await expectText(page, '#page-minqing-detail #problem-description', DESCRIPTION);
    // The reporter agreed to be called: the holder sees the phone.
    await expectText(page, '#problem-reporter', '电话');
    // And the reporter's photo opens for the 邻长 (an upload is its uploader's only: a granted address).
    const img = shown(page, '#problem-photos img');
    await img.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('#problem-photos img')].some((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
    expect(await img.getAttribute('src')).toMatch(/\?grant=/);

    await tap(page, '#action-accept');
    await fill(page, 'accept-note', '已联系物业，先去看看');
    await tap(page, '#accept-submit');
    await expectText(page, '#problem-status', '办理中');

    await tap(page, '#action-classify');
    await expectText(page, '#sheet-classify', '转片长，列入民情恳谈会议题');
    await tap(page, '#classify-class-minor');
    await tap(page, '#classify-submit');
    await expectText(page, '#problem-class', '小事');
    await expectText(page, '#problem-handler', '片长');
    await expectText(page, '#problem-timeline', '分类：小事');
    await context.close();
  });

  test('the 片长 schedules a 民情恳谈会 (the 小事 joins its agenda), records the decision and publishes the minutes', async () => {
    const { context, page } = await as('areaLead');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-meetings');
    await tap(page, '#page-minqing-meetings #meetings-schedule');
    await fill(page, 'meeting-place', '社区党群服务中心二楼会议室');
    await fill(page, 'meeting-invitees', '王组长、李邻长、张大爷');
    await tap(page, '#meeting-schedule-submit');
    await shown(page, '#page-minqing-meeting #meeting-agenda').waitFor();
    await expectText(page, '#meeting-agenda', DESCRIPTION.slice(0, 10));
    await expectText(page, '#meeting-status', '待召开');

    await tap(page, `#agenda-${problemId}-minutes`);
    await fill(page, `agenda-${problemId}-text`, DECISION);
    await expectText(page, `#agenda-${problemId}-outcomes`, '议定办结');
    await tap(page, `#agenda-${problemId}-save`);
    await expectText(page, `#agenda-${problemId}-decision`, DECISION);

    await fill(page, 'meeting-summary', '到会8人，议定1件事。');
    await tap(page, '#meeting-publish-submit');
    await expectText(page, '#meeting-status', '纪要已公布');
    await snap(page, 'minqing-meeting-minutes');
    await context.close();
  });

  test('the resident sees every step in 消息 (badge on 我的) and the timeline, reads the minutes, rates 2 stars: it reopens with the 社区', async () => {
    const { context, page } = await as('resident');
    await open(page, '/pages/me/index', 'me');
    // The unread count on the 我的 row and on the tab itself.
    await expectText(page, '#me-unread', '');
    const unread = Number(await shown(page, '#me-unread').textContent());
    expect(unread).toBeGreaterThanOrEqual(4);
    await expectText(page, '.taro-tabbar-badge', String(unread));

    await tap(page, '#me-open-inbox');
    await expectText(page, '#page-minqing-inbox #inbox-unread', `${unread} 条未读`);
    for (const text of ['已受理', '分为小事', '民情恳谈会', DECISION]) await expectText(page, '#inbox-list', text);
    await snap(page, 'minqing-inbox');

    // Reading the list marks it read: back on 我的 the badge is gone.
    await open(page, '/pages/me/index', 'me');
    await page.waitForFunction(() => !document.querySelector('#me-unread'), undefined, { timeout: 10_000 });
    expect(await page.locator('.taro-tabbar-badge').filter({ visible: true }).count()).toBe(0);

    await tap(page, '#me-open-minqing');
    await tap(page, `#page-minqing-mine #problem-${problemId}`);
    await expectText(page, '#page-minqing-detail #problem-status', '待评价');
    for (const step of ['提交反映', '已受理', '分类：小事', '列入民情恳谈会', '恳谈会议定', '已办结']) await expectText(page, '#problem-timeline', step);
    await expectText(page, '#problem-timeline', DECISION);
    await snap(page, 'minqing-timeline');

    // The published minutes of the meeting that took up the resident's problem.
    await tap(page, '#problem-meeting');
    await expectText(page, '#page-minqing-meeting #meeting-status', '纪要已公布');
    await expectText(page, `#agenda-${problemId}-decision`, DECISION);
    // Back only once the page has slid in (a back during Taro's transition can leave no page shown).
    await settled(page);
    await page.goBack();
    await shown(page, '#page-minqing-detail #sheet-rate').waitFor();

    await tap(page, '#rate-star-2');
    await expectText(page, '#rate-label', '2星 不满意');
    await expectText(page, '#rate-reopen-hint', '上一级');
    await fill(page, 'rate-comment', '灯还是不亮');
    await tap(page, '#rate-submit');
    await expectText(page, '#problem-timeline', '居民评价：2星');
    await expectText(page, '#problem-timeline', '重新办理');
    await expectText(page, '#problem-handler', '社区');
    await expectText(page, '#problem-status', '待受理');
    await context.close();
  });

  test('办理统计: the 邻长, the 片长 and the 管理员 read 响应率, 按期办结率 and 满意率 for themselves, each 片 and each handler', async () => {
    // The loop above: the 邻长 accepted in time; the meeting resolved it in time for the 片长; 2 stars
    // (not satisfied) sent it to the 社区, where it counts as received again for the 片 and the 社区.
    const unit = (await app.runtime.store.collection('nodes').doc('u1').get()) as { parentId: string; at: { area: string } };
    const groupId = unit.parentId;
    const areaId = unit.at.area;

    const lead = await as('neighbourLead');
    await open(lead.page, '/pages/home/index', 'home');
    await tap(lead.page, '#home-todo');
    await expectText(lead.page, '#page-minqing-todo #todo-stats', '响应 100% · 按期 — · 满意 —');
    await snap(lead.page, 'minqing-todo');
    await tap(lead.page, '#todo-stats');
    await expectText(lead.page, '#page-minqing-stats #stats-node', '本人办理的反映');
    await expectText(lead.page, '#stats-node .mq-rate-fig--response', '100%');
    await expectText(lead.page, '#stats-node .mq-rate-fig--response', '按时受理 1 件收到 1 件');
    await expectText(lead.page, '#stats-node .mq-rate-fig--onTime', '还没有办结的');
    await expectText(lead.page, '#stats-node .mq-rate-fig--satisfaction', '还没有居民评价');
    expect(await lead.page.locator('#stats-areas, #stats-handlers').filter({ visible: true }).count()).toBe(0);
    await snap(lead.page, 'minqing-stats-neighbour-lead');
    await lead.context.close();

    // The 片长 reads them in 大字模式: three big figures still side by side.
    const area = await as('areaLead');
    await useLargeText(area.context);
    await open(area.page, '/minqing/todo', 'minqing-todo');
    await tap(area.page, '#todo-stats');
    await expectText(area.page, '#page-minqing-stats #stats-node', '全片的反映');
    // The reopened one is waiting at the 社区: received again, not accepted yet.
    await expectText(area.page, '#stats-node .mq-rate-fig--response', '按时受理 1 件收到 2 件1 件未受理');
    await expectText(area.page, '#stats-node .mq-rate-fig--response', '50%');
    await expectText(area.page, '#stats-node .mq-rate-fig--onTime', '按期办结 1 件办结 1 件');
    await expectText(area.page, '#stats-node .mq-rate-fig--satisfaction', '满意 0 件评价 1 件');
    // The 片长's own row (the meeting resolved it) and the 组 of the 邻长 who accepted it.
    await expectText(area.page, `#stats-handler-${areaId}`, '片长');
    await expectText(area.page, `#stats-handler-${areaId}`, '按期 100% · 满意 0%');
    await snap(area.page, 'minqing-stats-area-lead-large');
    // Down to the 组: its 邻长 of 1栋1单元 with the accepted one.
    await tap(area.page, `#stats-handler-${groupId}`);
    await expectText(area.page, '#page-minqing-stats #stats-node', '本人办理的反映');
    await expectText(area.page, '#stats-handler-u1', '响应 100%');
    await area.context.close();

    const admin = await as('admin');
    await open(admin.page, '/pages/home/index', 'home');
    await tap(admin.page, '#home-minqing-list');
    await expectText(admin.page, '#page-minqing-list #list-stats', '响应 50% · 按期 100% · 满意 0%');
    await tap(admin.page, '#list-stats');
    await expectText(admin.page, '#page-minqing-stats #stats-node', '全社区的反映');
    await expectText(admin.page, `#stats-area-${areaId}`, '响应 50% · 按期 100% · 满意 0%');
    await expectText(admin.page, `#stats-area-${areaId}`, '收到 2 件 · 办结 1 件 · 评价 1 件');
    await snap(admin.page, 'minqing-stats-admin');
    await tap(admin.page, `#stats-area-${areaId}`);
    await expectText(admin.page, '#page-minqing-stats #stats-node', '全片的反映');
    await admin.context.close();
  });
});
