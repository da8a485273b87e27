// Issue 13, the 社区 管理员's 民情设置 on the H5 build, round trip as a staffer does it: from
// 首页 › 社区管理 › 民情设置 they add a category (a resident's report form offers it), stop it
// (the form no longer does), and change the deadlines (a mistake is explained and nothing is
// saved; saved ones are there on the next visit and a new report is due by them). And 部门账号:
// a binding code for a 部门's staff, who see only what is handed to it and can give one back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, launchBrowser, phone, signInAs, startApp, type App } from './harness';
import { confirmModal, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(180_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describeE2E('民情设置: categories and deadlines of the 社区 (H5)', () => {
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
  async function as(key: string, large = false): Promise<{ context: BrowserContext; page: Page }> {
    const p = await phone(browser);
    if (large) await useLargeText(p.context);
    await signInAs(p.context, app, key);
    return p;
  }
  async function reportChips(): Promise<string> {
    const { context, page } = await as('resident');
    await open(page, '/minqing/report', 'minqing-report');
    await shown(page, '#report-category-chips .mq-chip').waitFor();
    const text = (await shown(page, '#report-category-chips').textContent()) ?? '';
    await context.close();
    return text;
  }
  const config = () => app.runtime.store.collection('mqconfig').where({}).get();

  test('the 管理员 adds a category from 社区管理 › 民情设置; residents can pick it; stopped, they cannot', async () => {
    const { context, page } = await as('admin');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-work-admin');
    await tap(page, '#page-roster-admin #admin-minqing-settings');
    await shown(page, '#page-minqing-settings #category-list').waitFor();
    for (const label of ['环境卫生', '设施维修', '邻里纠纷', '安全隐患', '政策咨询', '其他']) await expectText(page, '#category-list', label);
    await expectText(page, '#category-environment', '固定');
    await expectText(page, '#deadlines-now', '默认时限');
    await expectText(page, '#deadlines-now', '受理 24 小时（紧急 2 小时），私事 3 天、小事 7 天、大事 15 天办结');

    // Nothing typed: told what to write; a word-list text is refused and nothing is written.
    await tap(page, '#category-add');
    await expectText(page, '#category-error', '请填写类别名称');
    await fill(page, 'category-new', '赌博');
    await tap(page, '#category-add');
    await expectText(page, '#category-error', '不适宜');
    expect(await config()).toHaveLength(0);

    await fill(page, 'category-new', '停车管理');
    await tap(page, '#category-add');
    await expectText(page, '#category-list', '停车管理');
    // Added before 其他, with 停用.
    const labels = await page.locator('#page-minqing-settings #category-list .lzt-cell__title').allTextContents();
    expect(labels.slice(-2)).toEqual(['停车管理', '其他']);
    await shown(page, '#category-list [id^="category-stop-"]').waitFor();
    await shotAll(page, 'minqing-settings');
    expect(await reportChips()).toContain('停车管理');

    // The same name again: a clear refusal.
    await fill(page, 'category-new', '停车管理');
    await tap(page, '#category-add');
    await expectText(page, '#category-error', '已经有这个类别了');

    await tap(page, '#category-list [id^="category-stop-"]');
    await confirmModal(page, '已经提交的反映不受影响');
    await page.waitForFunction(() => !document.querySelector('#page-minqing-settings #category-list')?.textContent?.includes('停车管理'));
    expect(await reportChips()).not.toContain('停车管理');
    await context.close();
  });

  test('the 管理员 changes the deadlines: a mistake is explained and nothing is saved; saved ones hold on the next visit and for a new report', async () => {
    const { context, page } = await as('admin');
    await open(page, '/minqing/settings', 'minqing-settings');
    await shown(page, '#settings-deadlines #deadline-acceptHours input').waitFor();
    expect(await shown(page, '#deadline-acceptHours input').inputValue()).toBe('24');

    await fill(page, 'deadline-urgentAcceptHours', '30');
    await tap(page, '#deadlines-save');
    await expectText(page, '#deadlines-error', '紧急问题受理时限请填 1–24 小时的整数');
    await fill(page, 'deadline-urgentAcceptHours', '2');
    await fill(page, 'deadline-acceptHours', '1');
    await tap(page, '#deadlines-save');
    await expectText(page, '#deadlines-error', '紧急问题的受理时限不能长于一般受理时限');
    expect((await config()).some((c) => 'deadlines' in c)).toBe(false);

    await fill(page, 'deadline-acceptHours', '48');
    await fill(page, 'deadline-personalDays', '5');
    await tap(page, '#deadlines-save');
    await expectText(page, '#deadlines-now', '本社区现在的时限');
    await expectText(page, '#deadlines-now', '受理 48 小时（紧急 2 小时），私事 5 天');
    await context.close();

    // The next visit (大字模式 this time) shows what was saved.
    const again = await as('admin', true);
    await open(again.page, '/minqing/settings', 'minqing-settings');
    await shown(again.page, '#deadline-acceptHours input').waitFor();
    await expectText(again.page, '#deadlines-now', '受理 48 小时');
    expect(await shown(again.page, '#deadline-acceptHours input').inputValue()).toBe('48');
    expect(await shown(again.page, '#deadline-personalDays input').inputValue()).toBe('5');
    await shotAll(again.page, 'minqing-settings-large');

    // 填入默认时限 puts the defaults back in the boxes; leaving without saving keeps the 社区's own.
    await tap(again.page, '#deadlines-defaults');
    expect(await shown(again.page, '#deadline-acceptHours input').inputValue()).toBe('24');
    await again.context.close();

    // A resident's new report is due for acceptance 48 hours on, and a 私事 5 days after it came in.
    const resident = await as('resident');
    await open(resident.page, '/minqing/report', 'minqing-report');
    await tap(resident.page, '#report-category-environment');
    await fill(resident.page, 'report-description', '2栋门口的垃圾桶满了没人清');
    await tap(resident.page, '#report-submit');
    await expectText(resident.page, '#report-sent', '反映编号');
    await resident.context.close();
    const [p] = (await app.runtime.store.collection('problems').where({}).limit(1).get()) as unknown as { _id: string; createdAt: number; acceptDueAt: number }[];
    expect(p.acceptDueAt - p.createdAt).toBe(48 * HOUR);

    const lead = await as('neighbourLead');
    await open(lead.page, `/minqing/detail?id=${p._id}`, 'minqing-detail');
    await tap(lead.page, '#action-accept');
    await tap(lead.page, '#accept-submit');
    await expectText(lead.page, '#problem-status', '办理中');
    await tap(lead.page, '#action-classify');
    await tap(lead.page, '#classify-class-personal');
    await tap(lead.page, '#classify-submit');
    await expectText(lead.page, '#problem-class', '私事');
    await lead.context.close();
    const after = (await app.runtime.store.collection('problems').doc(p._id).get()) as unknown as { createdAt: number; resolveDueAt: number };
    expect(after.resolveDueAt - after.createdAt).toBe(5 * DAY);
  });
  test('部门账号: the 管理员 gives a 部门 a binding code; its staff binds it in 我的, sees only what is handed to that 部门 and gives one back; the 管理员 has it to hand on and unbinds the person', async () => {
    const rt = app.runtime;
    const ok = async (openid: string, body: Record<string, unknown>) => {
      const r = await rt.call('minqing', body, openid);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.data as { problem: { id: string } };
    };
    const major = async (description: string, departmentId: string) => {
      const { problem } = await ok('demo-resident', { action: 'submit', category: 'repair', description });
      await ok('demo-neighbour-lead', { action: 'accept', id: problem.id });
      await ok('demo-neighbour-lead', { action: 'classify', id: problem.id, class: 'major' });
      await ok('demo-admin', { action: 'assign', id: problem.id, departmentId });
      return problem.id;
    };
    const walk = await major('小区门口人行道砖松动，老人容易绊倒', 'dep2');
    const roof = await major('顶楼屋面漏水', 'dep1');

    const admin = await as('admin');
    await open(admin.page, '/pages/home/index', 'home');
    await tap(admin.page, '#home-work-admin');
    await tap(admin.page, '#page-roster-admin #admin-minqing-departments');
    await shown(admin.page, '#page-minqing-departments #department-dep2').waitFor();
    await tap(admin.page, '#department-dep2');
    await expectText(admin.page, '#staff-list-empty', '还没有办理人员');
    await fill(admin.page, 'staff-invite-label', '办事员小李');
    await tap(admin.page, '#staff-invite-create');
    await shown(admin.page, '#staff-invite-code').waitFor();
    const code = (await shown(admin.page, '#staff-invite-code').getAttribute('data-code')) as string;
    expect(code).toMatch(/^\d{8}$/);
    await expectText(admin.page, '#staff-list', '办事员小李');
    await expectText(admin.page, '#staff-list', '待使用');
    await shotAll(admin.page, 'minqing-departments');

    // The staff member: a WeChat with no role yet, binds in 我的 › 输入绑定码.
    const staff = await phone(browser);
    await staff.context.request.post(`${app.url}/__dev/signin`, { data: { openid: 'e2e-dept-xiaoli' } });
    await open(staff.page, '/account/claim', 'account-claim');
    await fill(staff.page, 'claim-code', code);
    await tap(staff.page, '#claim-submit');
    await expectText(staff.page, '#claim-done', '区城市管理和综合执法局');
    await open(staff.page, '/minqing/todo', 'minqing-todo');
    await shown(staff.page, `#problem-${walk}`).waitFor();
    expect(await staff.page.locator(`#problem-${roof}`).count()).toBe(0);
    await tap(staff.page, `#problem-${walk}`);
    await shown(staff.page, '#page-minqing-detail #action-handBack').waitFor();
    await tap(staff.page, '#action-handBack');
    await tap(staff.page, '#handBack-submit');
    await expectText(staff.page, '#sheet-handBack', '请填写退回理由');
    await fill(staff.page, 'handBack-note', '人行道归区住建局管，不属于本局职责');
    await tap(staff.page, '#handBack-submit');
    await expectText(staff.page, '#page-minqing-detail', '部门退回社区');
    await expectText(staff.page, '#page-minqing-detail', '人行道归区住建局管，不属于本局职责');
    await shotAll(staff.page, 'minqing-handed-back');

    // The 管理员 has it again to hand on, marked, and assigns it elsewhere.
    const desk = await as('admin');
    await open(desk.page, '/minqing/todo', 'minqing-todo');
    await expectText(desk.page, `#problem-${walk}-returned`, '区城市管理和综合执法局退回，请重新分派');
    await shotAll(desk.page, 'minqing-todo-returned');
    await tap(desk.page, `#problem-${walk}`);
    await tap(desk.page, '#page-minqing-detail #action-assign');
    await tap(desk.page, '#assign-department-dep1');
    await tap(desk.page, '#assign-submit');
    await expectText(desk.page, '#problem-department', '区住房和城乡建设局');
    await desk.context.close();

    // Left the 部门: unbound, and their 待办 is gone.
    await admin.page.reload();
    await shown(admin.page, '#page-minqing-departments #department-dep2').waitFor();
    await tap(admin.page, '#department-dep2');
    await expectText(admin.page, '#staff-list', '已绑定');
    await tap(admin.page, `#staff-remove-${code}`);
    await confirmModal(admin.page, '不能再查看和办理');
    await shown(admin.page, '#staff-list-empty').waitFor();
    await admin.context.close();
    expect(await rt.call('minqing', { action: 'todo' }, 'e2e-dept-xiaoli')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await staff.context.close();
  });
});
