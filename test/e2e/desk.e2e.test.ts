// Issue 16, the 工作台 on the H5 build: a 管理员 opens it from 首页, reads the month's figures,
// taps the overdue count and lands on exactly those problems in 辖区民情.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { manualClock } from '../../server/runtime/local-ports';
import { describeE2E, launchBrowser, phone, SHOTS_DIR, signInAs, startApp, type App } from './harness';
import { shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(240_000);

const HOUR = 3600_000;

describeE2E('工作台 (H5)', () => {
  let app: App;
  let browser: Browser;
  let overdueIds: string[] = [];
  const clock = manualClock(Date.now() - 40 * HOUR);

  beforeAll(async () => {
    app = await startApp({ clock });
    browser = await launchBrowser();
    const call = async (openid: string, action: string, input: Record<string, unknown>) => {
      const r = await app.runtime.call('minqing', { action, ...input }, openid);
      if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
      return r.data as { problem: { id: string } };
    };
    // Three reports; one handled and rated, two left unaccepted past the 24-hour deadline.
    const ids: string[] = [];
    for (const [category, description] of [
      ['repair', '3栋楼道灯坏了一个星期'],
      ['environment', '小区东门垃圾没人清运'],
      ['safety', '消防通道被电动车堵住'],
    ]) {
      ids.push((await call('demo-resident', 'submit', { category, description })).problem.id);
      clock.advance(60_000);
    }
    await call('demo-neighbour-lead', 'accept', { id: ids[0] });
    await call('demo-neighbour-lead', 'classify', { id: ids[0], class: 'personal' });
    await call('demo-neighbour-lead', 'resolve', { id: ids[0], note: '已更换灯泡' });
    await call('demo-resident', 'rate', { id: ids[0], stars: 5 });
    clock.advance(30 * HOUR);
    await app.runtime.call('minqing', { action: 'sweep' }, 'demo-admin');
    overdueIds = ids.slice(1);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const shown = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
  async function textOf(page: Page, selector: string, want: string) {
    let got: string | null = null;
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(100)) {
      got = await shown(page, selector).textContent({ timeout: 10_000 }).catch(() => null);
      if (got?.includes(want)) break;
    }
    expect(got).toContain(want);
  }
  async function as(key: string): Promise<{ context: BrowserContext; page: Page }> {
    const p = await phone(browser);
    await signInAs(p.context, app, key);
    return p;
  }

  test('a 管理员 opens the dashboard from 首页 and taps 当前超时: exactly those problems', async () => {
    const { context, page } = await as('admin');
    await page.goto(`${app.url}/#/pages/home/index`);
    await shown(page, '#home-work-desk').click();
    await shown(page, '#page-desk').waitFor();
    await textOf(page, '#desk-node', '幸福里社区');
    await textOf(page, '#desk-received', '3');
    await textOf(page, '#desk-resolved', '1');
    await textOf(page, '#desk-overdue', `${overdueIds.length}`);
    await textOf(page, '#desk-satisfaction', '100%');
    await textOf(page, '#desk-leads-unit', '应设 30');
    await page.waitForTimeout(800);
    await shotAll(page, 'desk-dashboard');

    await shown(page, '#desk-overdue').click();
    await shown(page, '#page-minqing-list').waitFor();
    await textOf(page, '#list-total', `共 ${overdueIds.length} 条`);
    const listed = await page.locator('#page-minqing-list .mq-row').filter({ visible: true }).evaluateAll((els) => els.map((e) => e.id));
    expect(listed.map((id) => id.replace(/^problem-/, '')).sort()).toEqual([...overdueIds].sort());
    await textOf(page, '#filter-overdue-yes', '只看超时');
    expect(await shown(page, '#filter-overdue-yes').getAttribute('class')).toContain('mq-chip--on');
    await shotAll(page, 'desk-overdue-list');
    await context.close();
  });

  // Story 1, charts: bars by 片 and the 12-month trend are drawn (a canvas that is not blank, at the
  // screen's pixel ratio), titled as in the PDF report, with their numbers in words under each.
  test('a 管理员 sees the bars by 片 and the 12-month trend, drawn and summed up in words', async () => {
    const r = await app.runtime.call('desk', { action: 'summary' }, 'demo-admin');
    if (!r.ok) throw new Error(r.error.message);
    const s = r.data as { children: { id: string; name: string; problems?: { received: number; resolved: number } }[]; trend: { month: string; received: number; resolved: number; visits: number }[] };
    const top = s.children.find((c) => c.problems?.received === 3)!;
    expect(top.problems!.resolved).toBe(1);
    const sum = (k: 'received' | 'resolved' | 'visits') => s.trend.reduce((a, t) => a + t[k], 0);
    expect(sum('received')).toBeGreaterThanOrEqual(3);
    /** Share of the canvas's pixels that are not white (the chart's background). */
    const inked = (page: Page, id: string) =>
      page.evaluate((sel) => {
        const c = document.querySelector<HTMLCanvasElement>(sel)!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) n++;
        const box = c.getBoundingClientRect();
        return { share: n / (c.width * c.height), sharp: c.width === Math.round(box.width * devicePixelRatio) && c.height === Math.round(box.height * devicePixelRatio), width: box.width };
      }, `#${id} canvas`);

    for (const large of [false, true]) {
      const { context, page } = await as('admin');
      if (large) await useLargeText(context);
      await page.goto(`${app.url}/#/desk/index`);
      await textOf(page, '#desk-chart-children-title', '按片：收到与办结');
      await textOf(page, '#desk-chart-trend-title', '近12个月：收到反映、办结与走访');
      await textOf(page, '#desk-chart-children-summary', `收到最多的是${top.name}：收到 3 件、办结 1 件`);
      await textOf(page, '#desk-chart-trend-summary', `近12个月共收到反映 ${sum('received')} 件、办结 ${sum('resolved')} 件、走访 ${sum('visits')} 次`);
      await page.waitForFunction(() => {
        const c = document.querySelector<HTMLCanvasElement>('#desk-chart-trend canvas');
        return !!c && c.width > 300;
      });
      for (const id of ['desk-chart-children', 'desk-chart-trend']) {
        const got = await inked(page, id);
        expect(got.share).toBeGreaterThan(0.02);
        expect(got.sharp).toBe(true);
        expect(got.width).toBeGreaterThan(300);
      }
      const name = large ? 'desk-charts-large' : 'desk-charts';
      await page.locator('.desk-chart').nth(0).screenshot({ path: path.join(SHOTS_DIR, `${name}-children.png`) });
      await page.locator('.desk-chart').nth(1).screenshot({ path: path.join(SHOTS_DIR, `${name}-trend.png`) });
      await shotAll(page, name);
      await context.close();
    }
  });

  // Story 3, one desk: the 管理 section opens each list, and each list's search box finds its row.
  test('a 管理员 opens the lists from 管理 and finds a row by searching each', async () => {
    const rt = app.runtime;
    const u1 = (await rt.store.collection('nodes').doc('u1').get())!;
    const must = async (fn: string, input: Record<string, unknown>, openid: string) => {
      const r = await rt.call(fn, input, openid);
      if (!r.ok) throw new Error(`${fn}.${String(input.action)}: ${r.error.message}`);
      return r.data as { application?: { id: string }; notice?: { id: string } };
    };
    const app1 = (await must('register', { action: 'apply', unitId: 'u3', name: '赵自荐', phone: '13900001234', story: '退休教师，愿意为邻居服务。' }, 'e2e-applicant')).application!;
    await must('register', { action: 'apply', unitId: 'u4', name: '钱自荐', phone: '13900005678', story: '热心邻里事务。' }, 'e2e-applicant-2');
    const water = (await must('notice', { action: 'publish', scopeId: 'c1', title: '下周二停水通知', body: '下周二 9:00-17:00 停水，请提前储水。' }, 'demo-admin')).notice!;
    await must('notice', { action: 'publish', scopeId: 'c1', title: '电梯年检安排', body: '本周五电梯年检。' }, 'demo-admin');

    const { context, page } = await as('admin');
    const openFromDesk = async (entry: string, pageName: string) => {
      await page.goto(`${app.url}/#/desk/index`);
      await shown(page, `#desk-manage-${entry}`).click();
      await shown(page, `#page-${pageName}`).waitFor();
    };
    /** Waits until exactly `n` rows of `selector` are shown (the search answers after a short pause). */
    const rows = async (selector: string, n: number) => {
      await page.waitForFunction(([sel, want]) => Array.from(document.querySelectorAll(sel)).filter((e) => (e as HTMLElement).offsetParent !== null).length === want, [selector, n] as const, { timeout: 10_000 }).catch(() => undefined);
      expect(await page.locator(selector).filter({ visible: true }).count()).toBe(n);
    };
    const search = async (box: string, q: string) => {
      await shown(page, `#${box} input`).fill(q);
      await shown(page, `#${box} input`).press('Enter');
    };

    await page.goto(`${app.url}/#/desk/index`);
    await textOf(page, '#desk-manage-registrations', '2 条待审');
    await textOf(page, '#desk-manage-notices', '2 条');
    await textOf(page, '#desk-manage-roster', '人在岗');
    await textOf(page, '#desk-manage-clerks', '核销员');
    await shotAll(page, 'desk-manage');

    // 名册: by the 邻长's name, then by the last 4 of their phone (shown masked).
    await openFromDesk('roster', 'roster-admin');
    await textOf(page, '#admin-section-title', '三长名册');
    const nodes = await rt.store.collection('nodes').where({ 'at.community': 'c1' }).limit(100).get();
    const withLead = (keep: (lead: { name: string; phone: string }) => boolean) => nodes.filter((n) => n.level !== 'community' && n.lead && keep(n.lead)).length;
    await search('roster-search', u1.lead!.name);
    await rows('#roster-list .tree-row', withLead((l) => l.name.includes(u1.lead!.name)));
    await textOf(page, '#tree-node-u1', u1.lead!.name);
    const last4 = u1.lead!.phone.slice(-4);
    await search('roster-search', last4);
    await rows('#roster-list .tree-row', withLead((l) => l.phone.endsWith(last4)));
    await textOf(page, '#tree-node-u1', `${u1.lead!.phone.slice(0, 3)}****${last4}`);
    await shotAll(page, 'desk-roster-search');

    // 注册审核: the last 4 digits find 赵, not 钱.
    await openFromDesk('registrations', 'roster-admin');
    await search('review-search', '1234');
    await textOf(page, `#application-${app1.id}`, '赵自荐');
    await rows('#review-list .application', 1);
    await shotAll(page, 'desk-review-search');

    // 通知: by a word of the title.
    await openFromDesk('notices', 'notice-published');
    await search('published-search', '停水');
    await textOf(page, `#published-${water.id}`, '下周二停水通知');
    await rows('#published-list .published-row', 1);

    // 核销员: the demo clerk by their 称呼.
    await openFromDesk('clerks', 'perk-admin');
    await search('clerk-search', '小陈');
    await textOf(page, '#clerk-list', '收银员小陈 · 湘味小厨');
    await shotAll(page, 'desk-clerks-search');

    // 支持单位: by the start of the name.
    await openFromDesk('partners', 'perk-admin');
    await search('partner-search', '湘味');
    await textOf(page, '#partner-p1', '湘味小厨');
    await rows('#partner-list .partner-row', 1);
    await context.close();
  });
});
