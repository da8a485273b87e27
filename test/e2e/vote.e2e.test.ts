// Issue 5, 最美邻长评选 on the H5 build: a resident votes from 首页 and sees the count and the
// votes left go down, each tap with a new requestId (a lost answer retried with the same one,
// counted once); the day's quota is refused with the server's clear message; a burst is
// flagged and voided by the 管理员; nominations (群众推荐 with a photo, 个人自荐) are reviewed;
// then the clock moves past the end: voting is refused with CLOSED, the 管理员 confirms the
// honorees and the honoree's 联系卡 shows the 最美邻长 badge.
// Over 400 lines on purpose: one story on one server and one browser, each step starting from
// the state the step before left; split, each part would re-seed and replay the earlier steps.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CampaignDoc, CandidateDoc } from '../../server/features/vote/docs';
import { manualClock } from '../../server/runtime/local-ports';
import { describeE2E, launchBrowser, phone, signInAs, SHOTS_DIR, startApp, type App } from './harness';
import { chooseFile, confirmModal, pngFile, shotAll, useLargeText } from './pageHelpers';

jest.setTimeout(240_000);

const CAMPAIGN = 'vdemo';
const HOUR = 3600_000;
const DAY = 24 * HOUR;


describeE2E('最美邻长评选 (H5)', () => {
  const clock = manualClock(Date.now());
  let app: App;
  let browser: Browser;
  let candidates: CandidateDoc[];

  beforeAll(async () => {
    app = await startApp({ clock });
    browser = await launchBrowser();
    candidates = (await app.runtime.store
      .collection('candidates')
      .where({ campaignId: CAMPAIGN, status: 'approved' })
      .orderBy('no', 'asc')
      .get()) as unknown as CandidateDoc[];
    expect(candidates.length).toBe(6);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  // ---- helpers: Taro H5 keeps earlier pages in the DOM (hidden), so act on the shown one ----
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
  async function signInOpenid(context: BrowserContext, openid: string) {
    const res = await context.request.post(`${app.url}/__dev/signin`, { data: { openid } });
    expect(res.ok()).toBe(true);
  }
  /** A full-page screenshot once transitions and toasts have settled. */
  async function snap(page: Page, name: string) {
    await page.waitForTimeout(1600);
    await shotAll(page, name);
  }
  const votesOf = async (id: string) => ((await app.runtime.store.collection('candidates').doc(id).get()) as unknown as CandidateDoc).votes;
  const validVotesOf = (id: string) => app.runtime.store.collection('votes').where({ candidateId: id, valid: true }).count();

  /** Captures the requestId of every vote.cast the page sends. */
  function watchCasts(page: Page): string[] {
    const ids: string[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/api/vote')) return;
      const body = JSON.parse(r.postData() ?? '{}') as { action?: string; requestId?: string };
      if (body.action === 'cast' && body.requestId) ids.push(body.requestId);
    });
    return ids;
  }

  test('a resident votes from 首页: count and votes left go down; a lost answer is retried once; the quota is refused in clear words', async () => {
    const [k1, k2, k3, k4] = candidates;
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    const requestIds = watchCasts(page);

    // 首页 → the campaign of the resident's 社区.
    await open(page, '/pages/home/index', 'home');
    await expectText(page, `#home-campaign-${CAMPAIGN}`, '投票中');
    await snap(page, 'vote-home-ongoing');
    await tap(page, `#home-campaign-${CAMPAIGN} .home-campaign__go`);
    await shown(page, '#page-vote-campaign #campaign-title').waitFor();
    await expectText(page, '#campaign-status', '投票中');
    await expectText(page, '#campaign-left', '我今天还剩 3 票');
    await expectText(page, '#rule-per-day', '每人每天 3 票');
    await expectText(page, '#rule-per-candidate', '最多给同一位候选人投 1 票');
    await expectText(page, '#rule-who', '所有微信用户');
    await expectText(page, '#rule-vote', '至');
    await shown(page, '#candidate-list').waitFor();
    expect(await page.locator('#candidate-list .vote-row').filter({ visible: true }).count()).toBe(6);
    await snap(page, 'vote-campaign');

    // Search by 编号, then by name.
    await fill(page, 'candidate-search', '2');
    await tap(page, '#candidate-search-go');
    await expectText(page, '#candidate-search-result', '找到 1 位候选人');
    await expectText(page, '#candidate-list', k2.name);
    await fill(page, 'candidate-search', k3.name.slice(0, 1));
    await tap(page, '#candidate-search-go');
    await expectText(page, '#candidate-list', k3.name);
    await fill(page, 'candidate-search', '99');
    await tap(page, '#candidate-search-go');
    await expectText(page, '#candidate-list-empty', '没有找到“99”');
    await tap(page, '.vote-search__clear');
    await shown(page, `#candidate-${k1._id}`).waitFor();

    // The ranking tab (live).
    await tap(page, '#campaign-tab-ranking');
    await shown(page, '#leaderboard-list .leaderboard-row').waitFor();
    await snap(page, 'vote-campaign-ranking');
    await tap(page, '#campaign-tab-candidates');

    // Vote for No. 1: the count goes up by one, the votes left go down.
    const before1 = await votesOf(k1._id);
    await tap(page, `#candidate-${k1._id}`);
    await shown(page, '#page-vote-candidate #vote-button').waitFor();
    await expectText(page, '#candidate-name', k1.name);
    await expectText(page, '#candidate-votes', String(before1));
    await expectText(page, '#vote-left', `今天还剩 3 票，还可以给${k1.name}投 1 票`);
    await expectText(page, '#vote-share-hint', '转发给朋友');
    // The share card: drawn on the device, 5:4, with the 编号, the name and the ask.
    const card = shown(page, '#vote-share-card img');
    await card.waitFor();
    const picture = await card.evaluate(
      (img: HTMLImageElement) =>
        new Promise<[number, number, string]>((resolve) => {
          const done = () => resolve([img.naturalWidth, img.naturalHeight, img.src.slice(0, 22)]);
          if (img.complete && img.naturalWidth) done();
          else img.addEventListener('load', done);
        }),
    );
    expect(picture).toEqual([500, 400, 'data:image/png;base64,']);
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const cardFile = path.join(SHOTS_DIR, 'vote-share-card.png');
    fs.writeFileSync(cardFile, Buffer.from((await card.getAttribute('src'))!.split(',')[1], 'base64'));
    await snap(page, 'vote-candidate');
    await tap(page, '#vote-button');
    await expectText(page, '#vote-done', `现在有 ${before1 + 1} 票`);
    await expectText(page, '#candidate-votes', String(before1 + 1));
    await expectText(page, '#vote-left', `今天还剩 2 票，还可以给${k1.name}投 0 票`);
    await expectText(page, '#vote-reason', '今天给这位候选人的票已经投满了');
    expect(await votesOf(k1._id)).toBe(before1 + 1);
    await snap(page, 'vote-candidate-voted');

    // Another page, opened now, still believes 3 votes are left (used below for the quota).
    const stale = await context.newPage();
    await stale.goto(`${app.url}/#/vote/candidate?id=${k4._id}`);
    await expectText(stale, '#vote-left', '今天还剩 2 票');

    // No. 2: the first answer is lost on the way back; the retry reuses the requestId and counts once.
    const before2 = await votesOf(k2._id);
    await page.goto(`${app.url}/#/vote/candidate?id=${k2._id}`);
    await expectText(page, '#vote-left', `今天还剩 2 票，还可以给${k2.name}投 1 票`);
    let lost = false;
    await page.route('**/api/vote', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { action?: string };
      if (body.action === 'cast' && !lost) {
        lost = true;
        await route.fetch(); // the server counts it …
        return route.abort('timedout'); // … and the answer never arrives
      }
      return route.continue();
    });
    await tap(page, '#vote-button');
    await expectText(page, '#vote-error', '网络不给力');
    await expectText(page, '#vote-button', '重试投票');
    expect(await votesOf(k2._id)).toBe(before2 + 1);
    await snap(page, 'vote-candidate-retry');
    await tap(page, '#vote-button');
    await expectText(page, '#vote-done', '不会重复计算');
    await expectText(page, '#vote-done', `现在有 ${before2 + 1} 票`);
    await page.unroute('**/api/vote');
    expect(await votesOf(k2._id)).toBe(before2 + 1);
    expect(await validVotesOf(k2._id)).toBe(before2 + 1);

    // No. 3: the day's last vote.
    await page.goto(`${app.url}/#/vote/candidate?id=${k3._id}`);
    await expectText(page, '#vote-left', '今天还剩 1 票');
    await tap(page, '#vote-button');
    await expectText(page, '#vote-done', '投票成功');
    await expectText(page, '#vote-left', '今天还剩 0 票');
    await expectText(page, '#vote-reason', '今天的票已经投完了，明天再来吧');
    await snap(page, 'vote-candidate-quota');

    // Each tap sent a new requestId; only the retry repeated one.
    expect(requestIds.length).toBe(4);
    expect(requestIds[1]).toBe(requestIds[2]);
    expect(new Set(requestIds).size).toBe(3);

    // The stale page taps: the server refuses with its own quota message.
    await tap(stale, '#vote-button');
    await expectText(stale, '#vote-error', '今天的 3 票已经投完了，明天再来吧');
    expect(await stale.locator('#vote-error.lzt-error--RATE_LIMITED').count()).toBe(1);
    await snap(stale, 'vote-candidate-rate-limited');
    await stale.close();

    // 大字模式 while voting: a fresh voter's candidate page.
    const large = await phone(browser);
    await useLargeText(large.context);
    await signInOpenid(large.context, 'e2e-large-voter');
    await open(large.page, `/vote/candidate?id=${k4._id}`, 'vote-candidate');
    await shown(large.page, '#page-vote-candidate.lzt-shell--large #vote-button').waitFor();
    await expectText(large.page, '#vote-left', `今天还剩 3 票，还可以给${k4.name}投 1 票`);
    await snap(large.page, 'vote-candidate-large');
    await large.context.close();

    await page.goto(`${app.url}/#/vote/campaign?id=${CAMPAIGN}`);
    await expectText(page, '#campaign-left', '我今天还剩 0 票');
    await expectText(page, '#campaign-me-note', '今天的票已经投完了');
    await context.close();
  });

  test('a voter who may not vote is told why, never that their votes are used up', async () => {
    const barred = 'e2e-barred-voter';
    const campaigns = app.runtime.store.collection('campaigns');
    const before = ((await campaigns.doc(CAMPAIGN).get()) as unknown as CampaignDoc).blocked;
    await campaigns.doc(CAMPAIGN).update({ blocked: [...before, barred] });
    const { context, page } = await phone(browser);
    await signInOpenid(context, barred);
    await open(page, `/vote/campaign?id=${CAMPAIGN}`, 'vote-campaign');
    await expectText(page, '#campaign-me-note', '投票资格已被取消');
    expect(await page.locator('#campaign-left').filter({ visible: true }).count()).toBe(0);
    await page.goto(`${app.url}/#/vote/candidate?id=${candidates[0]._id}`);
    await expectText(page, '#vote-reason', '投票资格已被取消');
    await expectText(page, '#vote-button', '暂时不能投票');
    expect(await page.locator('#vote-left').filter({ visible: true }).count()).toBe(0);
    await snap(page, 'vote-candidate-barred');
    await context.close();
    await campaigns.doc(CAMPAIGN).update({ blocked: before });
  });

  test('a burst is flagged; the 管理员 looks at the votes and voids them with a reason, recorded in the 操作记录', async () => {
    const k6 = candidates[5];
    const before = await votesOf(k6._id);
    // 30 votes within one minute from 30 accounts (far above the candidate's pace).
    for (let i = 0; i < 30; i++) {
      const r = await app.runtime.call('vote', { action: 'cast', campaignId: CAMPAIGN, candidateId: k6._id, requestId: `burst-${i}-abcdefgh` }, `bot-${i}`);
      expect(r.ok).toBe(true);
    }
    expect(await votesOf(k6._id)).toBe(before + 30);

    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await open(page, '/pages/home/index', 'home');
    await tap(page, '#home-vote-admin');
    await shown(page, `#page-vote-admin #admin-campaign-${CAMPAIGN}`).waitFor();
    await snap(page, 'vote-admin-list');
    await tap(page, `#admin-campaign-${CAMPAIGN}`);
    await shown(page, '#page-vote-manage #manage-counts').waitFor();
    await expectText(page, '#manage-counts .manage-count--alerts', '1');
    await tap(page, '#manage-tab-alerts');
    await expectText(page, '#alerts-list', `${k6.no}号 ${k6.name}`);
    await expectText(page, '#alerts-list', '这一分钟得到 30 票');
    await snap(page, 'vote-manage-alerts');

    await tap(page, '#alerts-list .vote-alert__inspect');
    await expectText(page, '#void-candidate-picked', `${k6.no}号 ${k6.name}`);
    await shown(page, '#void-preview .void-row').waitFor();
    await expectText(page, '#void-preview', '加载更多');
    await tap(page, '#void-submit');
    await expectText(page, '#manage-void .lzt-form-error', '请写明作废的原因');
    await fill(page, 'void-reason', '同一分钟内 30 个新账号集中投票，经核查为刷票');
    await snap(page, 'vote-manage-void');
    await tap(page, '#void-submit');
    await confirmModal(page, '作废');
    await expectText(page, '#void-result', '已作废 30 张选票');
    expect(await votesOf(k6._id)).toBe(before);
    expect(await validVotesOf(k6._id)).toBe(before);
    await snap(page, 'vote-manage-voided');

    await tap(page, '#manage-tab-audit');
    await expectText(page, '#audit-list', '30 张选票');
    await expectText(page, '#audit-list', '经核查为刷票');
    await snap(page, 'vote-manage-audit');
    await context.close();
  });

  test('群众推荐 with a photo and 个人自荐, then the 管理员 approves (编号) or rejects (reason)', async () => {
    const now = clock.now();
    const saved = await app.runtime.call(
      'vote',
      {
        action: 'save',
        scopeNodeId: 'c1',
        title: '第二届“最美邻长”评选',
        description: '推荐您身边热心服务的邻长。',
        nominateFrom: now - HOUR,
        nominateUntil: now + 2 * DAY,
        voteFrom: now + 3 * DAY,
        voteUntil: now + 10 * DAY,
        eligibility: 'registered',
        honorees: 3,
      },
      'demo-admin',
    );
    expect(saved.ok).toBe(true);
    const campaignId = saved.ok ? (saved.data as { campaign: { id: string } }).campaign.id : '';
    const u5 = (await app.runtime.store.collection('nodes').doc('u5').get()) as unknown as { lead: { name: string } };

    // 群众推荐 by the resident: checked first, then the 邻长 of u5, a story and a photo.
    const resident = await phone(browser);
    await signInAs(resident.context, app, 'resident');
    const page = resident.page;
    await open(page, `/vote/campaign?id=${campaignId}`, 'vote-campaign');
    await expectText(page, '#campaign-status', '提名中');
    await tap(page, '#campaign-recommend');
    await shown(page, '#page-vote-nominate #nominate-form-public').waitFor();
    await tap(page, '#nominate-submit');
    await expectText(page, '#page-vote-nominate .lzt-form-error', '请先选择您要推荐的邻长');
    await fill(page, 'nominate-lead-search', u5.lead.name);
    await tap(page, '#nominate-lead-option-u5');
    await expectText(page, '#nominate-picked', u5.lead.name);
    await fill(page, 'nominate-story', '每天早上在楼下帮老人量血压，谁家有事一个电话就到。');
    await chooseFile(page, () => tap(page, '#nominate-photo-picker .photo-picker__add'), pngFile('photo'));
    await shown(page, '#nominate-photo-picker .photo-picker__item').waitFor();
    await snap(page, 'vote-nominate-public');
    await tap(page, '#nominate-submit');
    await expectText(page, '#nominate-sent', '已提交，等待社区审核');
    await expectText(page, '#nominate-sent', '照片经社区审核后才会公开显示');
    await tap(page, '#nominate-open-mine');
    await shown(page, '#page-vote-mine #mine-list').waitFor();
    await expectText(page, '#mine-list', u5.lead.name);
    await expectText(page, '#mine-list .nomination__status', '待审核');
    await snap(page, 'vote-mine');

    // 个人自荐 by the 邻长 of u1; a resident who is no 邻长 is told so.
    await open(page, `/vote/nominate?campaignId=${campaignId}&kind=self`, 'vote-nominate');
    await expectText(page, '#nominate-not-lead', '只有邻长本人可以自荐');
    const lead = await phone(browser);
    await signInAs(lead.context, app, 'neighbourLead');
    await open(lead.page, `/vote/nominate?campaignId=${campaignId}&kind=self`, 'vote-nominate');
    await fill(lead.page, 'nominate-story', '退休后当邻长三年，每周走访本邻住户，帮独居老人取药、修水管。');
    await snap(lead.page, 'vote-nominate-self');
    await tap(lead.page, '#nominate-submit');
    await expectText(lead.page, '#nominate-sent', '您的自荐');
    await lead.context.close();

    // The 管理员 reviews: approve the 自荐 (编号 1), reject the 推荐 with a reason.
    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    await open(admin.page, `/vote/manage?id=${campaignId}`, 'vote-manage');
    await expectText(admin.page, '#manage-counts .manage-count--pending', '2');
    await shown(admin.page, '#review-list .nomination').waitFor();
    await snap(admin.page, 'vote-manage-review');
    const cards = admin.page.locator('#review-list .nomination').filter({ visible: true });
    const self = cards.filter({ hasText: '个人自荐' });
    await self.locator('.review-approve').click();
    await expectText(admin.page, '#review-list .nomination--approved .nomination__status', '已入围 · 1号');
    const pub = cards.filter({ hasText: '群众推荐' });
    await pub.locator('.review-reject').click();
    await pub.locator('.review-reject-confirm').click();
    await expectText(admin.page, '#review-list .lzt-form-error', '不通过时请写明原因');
    await pub.locator('textarea').fill('本次评选每个邻只推荐一位，已有组织推荐人选');
    await pub.locator('.review-reject-confirm').click();
    await expectText(admin.page, '#review-list .nomination--rejected .nomination__reason', '已有组织推荐人选');
    await snap(admin.page, 'vote-manage-reviewed');
    await admin.context.close();

    await page.goto(`${app.url}/#/vote/mine?campaignId=${campaignId}`);
    await expectText(page, '#mine-list .nomination__status', '未通过');
    await expectText(page, '#mine-list .nomination__reason', '已有组织推荐人选');
    await resident.context.close();
  });

  test('the 管理员 creates a campaign with the form (Beijing-time windows, rules)', async () => {
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'admin');
    await open(page, '/vote/admin', 'vote-admin');
    await tap(page, '#admin-new-campaign');
    await shown(page, '#page-vote-edit #campaign-form').waitFor();
    await tap(page, '#edit-save');
    await expectText(page, '#page-vote-edit .lzt-form-error', '请填写活动标题');
    await fill(page, 'edit-title', '幸福里社区第二届“最美邻长”评选');
    await fill(page, 'edit-description', '评选身边热心服务、邻里信赖的好邻长，表彰前 5 名。');
    await tap(page, '#edit-eligibility-choices .lzt-choice:nth-child(3)');
    await tap(page, '#edit-per-day-stepper .lzt-stepper__plus');
    await tap(page, '#edit-honorees-stepper .lzt-stepper__minus');
    await snap(page, 'vote-edit-new');
    // The windows use WeChat's date and time wheels (Beijing time).
    await tap(page, '#edit-vote-until-picker .vote-datetime__date');
    await shown(page, '.weui-picker').waitFor();
    await snap(page, 'vote-edit-date-picker');
    await tap(page, '.weui-picker .weui-picker__action');
    await page.waitForTimeout(500);
    await tap(page, '#edit-save');
    await shown(page, '#page-vote-manage #manage-title').waitFor();
    await expectText(page, '#manage-title', '幸福里社区第二届“最美邻长”评选');
    const made = (await app.runtime.store.collection('campaigns').where({ title: '幸福里社区第二届“最美邻长”评选' }).get()) as unknown as CampaignDoc[];
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ eligibility: 'scope', perDay: 4, perCandidatePerDay: 1, honorees: 9, scopeNodeId: 'c1' });
    await context.close();
  });

  test('after the end: voting is refused with CLOSED; the 管理员 confirms the honorees; the 联系卡 shows 最美邻长', async () => {
    // A voter with all 3 votes left has the candidate page open when voting ends.
    const voter = await phone(browser);
    await signInOpenid(voter.context, 'e2e-late-voter');
    const k5 = candidates[4];
    await open(voter.page, `/vote/candidate?id=${k5._id}`, 'vote-candidate');
    await expectText(voter.page, '#vote-left', '今天还剩 3 票');

    const c = (await app.runtime.store.collection('campaigns').doc(CAMPAIGN).get()) as unknown as CampaignDoc;
    clock.set(c.voteUntil + 60_000);
    await tap(voter.page, '#vote-button');
    await expectText(voter.page, '#vote-error', '投票已经结束，感谢参与');
    expect(await voter.page.locator('#vote-error.lzt-error--CLOSED').count()).toBe(1);
    await expectText(voter.page, '#vote-button', '投票已结束');
    await snap(voter.page, 'vote-candidate-closed');
    await voter.page.reload();
    await expectText(voter.page, '#campaign-status', '投票已结束');
    await expectText(voter.page, '#vote-reason', '投票已经结束');

    // The 管理员 confirms the top 3 of the frozen ranking.
    const admin = await phone(browser);
    await signInAs(admin.context, app, 'admin');
    await open(admin.page, `/vote/manage?id=${CAMPAIGN}&tab=results`, 'vote-manage');
    await shown(admin.page, '#confirm-list .confirm-row').waitFor();
    expect(await admin.page.locator('#confirm-list .confirm-row--on').filter({ visible: true }).count()).toBe(3);
    await fill(admin.page, 'confirm-reason', '按票数排名确认');
    await snap(admin.page, 'vote-manage-confirm');
    await tap(admin.page, '#confirm-submit');
    await confirmModal(admin.page, '表彰 3 位邻长');
    await shown(admin.page, '#manage-results #campaign-results').waitFor();
    await snap(admin.page, 'vote-manage-confirmed');
    await admin.context.close();

    const done = (await app.runtime.store.collection('campaigns').doc(CAMPAIGN).get()) as unknown as CampaignDoc;
    const honorees = done.results!.honorees;
    expect(honorees).toHaveLength(3);

    // The campaign page and 首页 announce them.
    const { context, page } = await phone(browser);
    await signInAs(context, app, 'resident');
    await open(page, `/vote/campaign?id=${CAMPAIGN}`, 'vote-campaign');
    await expectText(page, '#campaign-status', '已公布结果');
    for (const h of honorees) await expectText(page, `#honoree-${h.candidateId}`, h.name);
    await expectText(page, '#campaign-results', done.badge);
    await expectText(page, '#campaign-tab-ranking', '最终排名');
    await snap(page, 'vote-campaign-results');
    await open(page, '/pages/home/index', 'home');
    await expectText(page, `#home-results-${CAMPAIGN}`, honorees[0].name);
    await snap(page, 'vote-home-results');

    // The first honoree's 联系卡 (the scan page of their 邻) shows the badge.
    await open(page, `/scan/index?scene=${honorees[0].unitId}`, 'scan');
    await expectText(page, '#card-lead-name', honorees[0].name);
    await expectText(page, '#card-lead-honours', '最美邻长');
    await snap(page, 'vote-card-badge');
    await context.close();

    // And on the honoree's own 我的 (an honoree who has bound their WeChat).
    const bound = honorees.find((h) => h.leadOpenid);
    expect(bound).toBeDefined();
    const own = await phone(browser);
    await signInOpenid(own.context, bound!.leadOpenid!);
    await open(own.page, '/pages/me/index', 'me');
    await expectText(own.page, '#whoami-honours', done.badge);
    await snap(own.page, 'vote-me-badge');
    await own.context.close();
  });

  test('大字模式 on the vote pages', async () => {
    const { context, page } = await phone(browser);
    await useLargeText(context);
    await signInAs(context, app, 'resident');
    await open(page, `/vote/campaign?id=${CAMPAIGN}`, 'vote-campaign');
    await shown(page, '#page-vote-campaign.lzt-shell--large #campaign-results').waitFor();
    const size = await shown(page, '#campaign-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(26);
    await snap(page, 'vote-campaign-large');
    await open(page, `/vote/candidate?id=${candidates[0]._id}`, 'vote-candidate');
    await shown(page, '#page-vote-candidate.lzt-shell--large #vote-reason').waitFor();
    await snap(page, 'vote-candidate-ended-large');
    await open(page, '/pages/home/index', 'home');
    await shown(page, `#page-home.lzt-shell--large #home-results-${CAMPAIGN}`).waitFor();
    await snap(page, 'vote-home-large');
    await context.close();

    const admin = await phone(browser);
    await useLargeText(admin.context);
    await signInAs(admin.context, app, 'admin');
    await open(admin.page, `/vote/manage?id=${CAMPAIGN}&tab=audit`, 'vote-manage');
    await shown(admin.page, '#page-vote-manage.lzt-shell--large #audit-list').waitFor();
    await snap(admin.page, 'vote-manage-large');
    await open(admin.page, '/vote/edit', 'vote-edit');
    await shown(admin.page, '#page-vote-edit.lzt-shell--large #campaign-form').waitFor();
    await snap(admin.page, 'vote-edit-large');
    await admin.context.close();
  });
});
