// Issue 16, the 工作台 on the H5 build: a 管理员 opens it from 首页, reads the month's figures,
// taps the overdue count and lands on exactly those problems in 辖区民情.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { manualClock } from '../../server/runtime/local-ports';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { shotAll } from './pageHelpers';

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
});
