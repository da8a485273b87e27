// 最美邻长评选 on the real local runtime: the clock-driven status, the day boundary, the
// quota and rate limit, eligibility, nominations and numbering, voids, burst alerts, the
// ranking and the results with their badge.
import type { NodeDoc } from '../../server/domain/docs';
import type { UserDoc } from '../../server/domain/users';
import type { CandidateDoc, VoteDoc } from '../../server/features/vote/docs';
import { StoreError } from '../../server/store/port';
import { T0, uploadAs } from './runtime';
import { ADMIN, countersAndVotes, DAY, data, errorOf, HOUR, votingWorld } from './vote-setup';

// 2026-11-25 23:59:59 and 2026-11-26 00:00:00, Beijing time.
const LAST_SECOND = Date.UTC(2026, 10, 25, 15, 59, 59);
const MIDNIGHT = Date.UTC(2026, 10, 25, 16, 0, 0);
const MINUTE = 60_000;

describe('voting', () => {
  it('counts a vote once, says what is left today, and refuses past the quota with a clear message', async () => {
    const w = await votingWorld({ rules: { perDay: 2, perCandidatePerDay: 1 } });
    const [a, b, c] = w.candidates;
    const first = data(await w.cast('demo-resident', a, 'tap-aaaa-1'));
    expect(first).toMatchObject({ replayed: false, day: '20261125', leftToday: 1, leftForCandidate: 0, votes: 1 });
    // Double tap, retry after a timeout: the same answer, nothing counted.
    const again = data(await w.cast('demo-resident', a, 'tap-aaaa-1'));
    expect(again).toMatchObject({ voteId: first.voteId, replayed: true, leftToday: 1 });
    // The same requestId cannot be reused for another candidate.
    expect(errorOf(await w.cast('demo-resident', b, 'tap-aaaa-1'))).toBe('CONFLICT');
    const perCandidate = await w.cast('demo-resident', a, 'tap-aaaa-2');
    expect(perCandidate).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('同一位候选人') } });
    data(await w.cast('demo-resident', b, 'tap-bbbb-1'));
    const over = await w.cast('demo-resident', c, 'tap-cccc-1');
    expect(over).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '今天的 2 票已经投完了，明天再来吧' } });

    const page = data(await w.call('campaign', { campaignId: w.campaignId }, 'demo-resident'));
    expect(page.me).toMatchObject({ canVote: false, byQuota: true, leftToday: 0, reason: expect.stringContaining('投完') });
    const cand = data(await w.call('candidate', { candidateId: c }, 'demo-resident'));
    expect(cand.me).toMatchObject({ leftToday: 0, leftForCandidate: 0 });
    expect(await countersAndVotes(w)).toEqual(w.candidates.map((id) => ({ id, counter: id === a || id === b ? 1 : 0, valid: id === a || id === b ? 1 : 0 })));
    w.close();
  });

  it('costs 3 reads and 2 writes per accepted vote, 3 reads and no write when refused or replayed', async () => {
    const w = await votingWorld({ rules: { perDay: 2 } });
    const ops = async (f: () => Promise<unknown>) => {
      const before = w.rt.store.stats();
      await f();
      const after = w.rt.store.stats();
      return { reads: after.reads - before.reads, writes: after.writes - before.writes };
    };
    expect(await ops(() => w.cast('v1', w.candidates[0], 'cost-req-1'))).toEqual({ reads: 3, writes: 2 });
    expect(await ops(() => w.cast('v1', w.candidates[1], 'cost-req-2'))).toEqual({ reads: 3, writes: 2 });
    expect(await ops(() => w.cast('v1', w.candidates[1], 'cost-req-2'))).toEqual({ reads: 3, writes: 0 });
    expect(await ops(() => w.cast('v1', w.candidates[2], 'cost-req-3'))).toEqual({ reads: 3, writes: 0 });
    w.close();
  });

  it('runs a vote again only a few times when its transaction keeps conflicting for another reason than a taken slot', async () => {
    const w = await votingWorld({ rules: { perDay: 50 } });
    const store = w.rt.store;
    const real = store.transaction.bind(store);
    let runs = 0;
    store.transaction = (async () => {
      runs++;
      throw new StoreError('CONFLICT', 'transaction kept conflicting');
    }) as typeof store.transaction;
    expect(errorOf(await w.cast('v1', w.candidates[0], 'busy-req-1'))).toBe('CONFLICT');
    expect(runs).toBe(3);
    store.transaction = real;
    // Nothing was counted; the same request, tried again, counts once.
    expect(data(await w.cast('v1', w.candidates[0], 'busy-req-1')).replayed).toBe(false);
    expect(await countersAndVotes(w)).toEqual(w.candidates.map((id, i) => ({ id, counter: i === 0 ? 1 : 0, valid: i === 0 ? 1 : 0 })));
    w.close();
  });

  it('puts 23:59:59 and 00:00:00 Beijing time on different days: out of votes at 23:59:59, voting again at 00:00:00', async () => {
    const w = await votingWorld({ now: LAST_SECOND, rules: { perDay: 1 } });
    const [a, b] = w.candidates;
    const late = data(await w.cast('demo-resident', a, 'night-req-1'));
    expect(late.day).toBe('20261125');
    expect(errorOf(await w.cast('demo-resident', b, 'night-req-2'))).toBe('RATE_LIMITED');
    w.clock.set(MIDNIGHT);
    // A retry of last night's tap, just after midnight, is still the same vote …
    expect(data(await w.cast('demo-resident', a, 'night-req-1'))).toMatchObject({ voteId: late.voteId, replayed: true, leftToday: 1 });
    // … and a new tap is today's first vote.
    const early = data(await w.cast('demo-resident', b, 'morning-req-1'));
    expect(early).toMatchObject({ day: '20261126', replayed: false, leftToday: 0 });
    expect(early.voteId).not.toBe(late.voteId);
    const days = ((await w.rt.store.collection('votes').where({ voter: 'demo-resident', campaignId: w.campaignId }).get()) as VoteDoc[]).map((v) => v.day);
    expect(days.sort()).toEqual(['20261125', '20261126']);
    w.close();
  });

  it('follows the clock: CLOSED before the voting window and after it, the ranking frozen at the end', async () => {
    const w = await votingWorld({ windows: { nominateFrom: T0 - 3 * DAY, nominateUntil: T0 - DAY, voteFrom: T0 - DAY, voteUntil: T0 + 2 * HOUR } });
    const [a, b] = w.candidates;
    expect(data(await w.call('campaign', { campaignId: w.campaignId }, null)).campaign.status).toBe('voting');
    const accepted = data(await w.cast('demo-resident', a, 'window-req-1'));

    w.clock.set(T0 + 2 * HOUR); // voteUntil
    const closed = await w.cast('demo-resident', b, 'window-req-2');
    expect(closed).toMatchObject({ ok: false, error: { code: 'CLOSED', message: expect.stringContaining('结束') } });
    // A late retry of a vote that was counted still gets its answer.
    expect(data(await w.cast('demo-resident', a, 'window-req-1'))).toMatchObject({ voteId: accepted.voteId, replayed: true });
    const board = data(await w.call('leaderboard', { campaignId: w.campaignId }, 'demo-resident'));
    expect(board).toMatchObject({ visible: true, frozen: true });
    expect(board.items[0]).toMatchObject({ id: a, votes: 1, rank: 1 });
    expect(data(await w.call('campaign', { campaignId: w.campaignId }, 'demo-resident')).campaign.status).toBe('closed');

    w.clock.set(T0 - 2 * DAY); // before voting: nominations were open
    expect(data(await w.call('campaign', { campaignId: w.campaignId }, null)).campaign.status).toBe('nominating');
    expect(await w.cast('demo-resident', a, 'window-req-3')).toMatchObject({ ok: false, error: { code: 'CLOSED', message: expect.stringContaining('开始') } });
    w.close();
  });

  it('rate-limits a voter by the campaign’s least time between two votes', async () => {
    const w = await votingWorld({ rules: { perDay: 5, minGapSeconds: 3 } });
    data(await w.cast('v1', w.candidates[0], 'gap-req-01'));
    w.clock.advance(1000);
    expect(await w.cast('v1', w.candidates[1], 'gap-req-02')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '投票太快了，请 2 秒后再投' } });
    w.clock.advance(2000);
    data(await w.cast('v1', w.candidates[1], 'gap-req-02'));
    w.close();
  });
});

describe('who may vote', () => {
  async function outsider(w: Awaited<ReturnType<typeof votingWorld>>, area: string): Promise<string> {
    const [unit] = (await w.rt.store.collection('nodes').where({ level: 'unit', 'at.area': area }).limit(1).get()) as NodeDoc[];
    data(await w.rt.call('card', { action: 'bind', unitId: unit._id, building: unit.buildings![0], room: '101', people: 2 }, `resident-of-${area}`));
    return `resident-of-${area}`;
  }

  it('residents of the campaign’s scope only: households elsewhere and unbound users are refused, with the reason shown', async () => {
    // A campaign of 第一片 (a1): u1 is in it.
    const w = await votingWorld({ rules: { eligibility: 'scope', perDay: 1 } });
    await w.rt.store.collection('campaigns').doc(w.campaignId).update({ scopeNodeId: 'a1', scopeLevel: 'area', scopeName: '第一片' });
    const away = await outsider(w, 'a2');
    const writes = w.rt.store.stats().writes;
    expect(await w.cast(away, w.candidates[0], 'scope-req-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '本次评选仅限第一片的居民参与' } });
    expect(await w.cast('demo-newcomer', w.candidates[0], 'scope-req-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('绑定') } });
    expect(w.rt.store.stats().writes).toBe(writes);
    // Not told their votes are used up: the count is not theirs to show.
    expect(data(await w.call('campaign', { campaignId: w.campaignId }, away)).me).toMatchObject({ canVote: false, byQuota: false, reason: '本次评选仅限第一片的居民参与' });
    expect(data(await w.call('candidate', { candidateId: w.candidates[0] }, away)).me).toMatchObject({ canVote: false, byQuota: false });

    // The first vote of the day reads the user and their 邻 (2 more reads); the day's later votes need not.
    const before = w.rt.store.stats().reads;
    data(await w.cast('demo-resident', w.candidates[0], 'scope-req-3'));
    expect(w.rt.store.stats().reads - before).toBe(5);
    w.close();
  });

  it('registered residents: any bound household, not a user without one', async () => {
    const w = await votingWorld({ rules: { eligibility: 'registered' } });
    const away = await outsider(w, 'a2');
    data(await w.cast(away, w.candidates[0], 'reg-req-01'));
    expect(errorOf(await w.cast('demo-newcomer', w.candidates[0], 'reg-req-02'))).toBe('FORBIDDEN');
    w.close();
  });
});

describe('nominations', () => {
  const NOMINATING = T0 - 2 * DAY;

  it('群众推荐, 个人自荐 and review: photos wait for review, numbers are given in order and never twice', async () => {
    const w = await votingWorld({ now: NOMINATING, candidates: 0 });
    const photo = await uploadAs(w.rt, 'demo-resident', 'photo');
    const mine = await uploadAs(w.rt, 'demo-neighbour-lead', 'photo');
    const rec = data(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u3', story: '常年义务修理楼道灯。', photos: [photo] }, 'demo-resident')).nomination;
    expect(rec).toMatchObject({ kind: 'public', status: 'pending', photos: [{ fileId: photo, status: 'pending' }], nominatorName: '居民王阿姨' });
    expect(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u3', story: '再推荐一次' }, 'demo-newcomer')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // Not public before approval.
    expect(errorOf(await w.call('candidate', { candidateId: rec.id }, 'demo-newcomer'))).toBe('NOT_FOUND');
    expect(data(await w.call('candidate', { candidateId: rec.id }, 'demo-resident')).candidate.photos).toEqual([]);

    const self = data(await w.call('apply', { campaignId: w.campaignId, story: '我愿意为邻居们服务。', photos: [mine] }, 'demo-neighbour-lead')).nomination;
    expect(self).toMatchObject({ kind: 'self', unitId: 'u1', status: 'pending' });
    expect(data(await w.call('mine', { campaignId: w.campaignId }, 'demo-neighbour-lead')).candidacy).toMatchObject({ id: self.id });

    // A 群众推荐 of a unit outside the campaign's scope is refused before anything is written.
    await w.rt.store.collection('users').doc('far-admin').set({ name: 'x', grants: [], createdAt: 0 });
    const others = [];
    for (let i = 4; i <= 9; i++) {
      others.push(data(await w.call('recommend', { campaignId: w.campaignId, unitId: `u${i + 10}`, story: `第${i}位热心邻长。` }, `fan-${i}`)).nomination.id);
    }
    const queue = data(await w.call('nominations', { campaignId: w.campaignId }, ADMIN));
    expect(queue.total).toBe(8);

    const approved = data(await w.call('review', { candidateId: rec.id, approve: true, rejectPhotos: [] }, ADMIN)).nomination;
    // Approved: the photo's copy in pub/ (everyone may read it) is what the candidate shows.
    const shown = photo.replace('local:uploads/', 'local:pub/');
    expect(approved).toMatchObject({ status: 'approved', no: 1, photos: [{ fileId: shown, status: 'approved', src: shown }] });
    expect(data(await w.call('candidate', { candidateId: rec.id }, 'demo-newcomer')).candidate.photos).toEqual([shown]);
    expect(w.rt.ports.notifier.sent.at(-1)).toMatchObject({ touser: 'demo-resident', data: { phrase1: { value: '已入围' } } });
    const selfReviewed = data(await w.call('review', { candidateId: self.id, approve: true, rejectPhotos: [mine] }, ADMIN)).nomination;
    expect(selfReviewed.photos).toEqual([{ fileId: mine, status: 'rejected', src: expect.stringMatching(/^\/files\/uploads\/photo\/[0-9a-f]{32}\.png\?grant=/) }]);
    expect(errorOf(await w.call('review', { candidateId: self.id, approve: true }, ADMIN))).toBe('CONFLICT');

    // Two 管理员 approving six at once: 3…8, each once.
    const numbers = await Promise.all(others.map((id) => w.call('review', { candidateId: id, approve: true }, ADMIN)));
    expect(numbers.map((r) => data(r).nomination.no).sort((x: number, y: number) => x - y)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(data(await w.call('overview', { campaignId: w.campaignId }, ADMIN)).counts).toMatchObject({ pending: 0, approved: 8 });

    // Rejection needs a reason; the recommender sees it.
    const late = data(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u2', story: '好人好事。' }, 'fan-x')).nomination;
    expect(errorOf(await w.call('review', { candidateId: late.id, approve: false }, ADMIN))).toBe('INVALID_INPUT');
    data(await w.call('review', { candidateId: late.id, approve: false, reason: '本人不愿参评' }, ADMIN));
    expect(data(await w.call('mine', { campaignId: w.campaignId }, 'fan-x')).nominations[0]).toMatchObject({ status: 'rejected', reason: '本人不愿参评' });

    // Nominations close with their window.
    w.clock.set(T0);
    expect(errorOf(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u5', story: '迟到的推荐。' }, 'fan-y'))).toBe('CLOSED');
    w.close();
  });

  it('keeps a resident’s pending recommendation when the 邻长 then applies: the resident still sees it and hears the result', async () => {
    const w = await votingWorld({ now: NOMINATING, candidates: 0 });
    const theirs = await uploadAs(w.rt, 'demo-resident', 'photo');
    const rec = data(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u1', story: '帮独居老人买菜送药。', photos: [theirs] }, 'demo-resident')).nomination;
    const own = await uploadAs(w.rt, 'demo-neighbour-lead', 'photo');
    const self = data(await w.call('apply', { campaignId: w.campaignId, story: '我愿意为邻居们服务。', photos: [own] }, 'demo-neighbour-lead')).nomination;
    expect(self).toMatchObject({
      id: rec.id,
      kind: 'self',
      story: '我愿意为邻居们服务。',
      recommendation: { story: '帮独居老人买菜送药。', nominatorName: '居民王阿姨' },
      photos: [
        { fileId: own, status: 'pending' },
        { fileId: theirs, status: 'pending' },
      ],
    });
    // Both find it: the resident among their nominations, the 邻长 as their candidacy.
    expect(data(await w.call('mine', { campaignId: w.campaignId }, 'demo-resident')).nominations.map((n: { id: string }) => n.id)).toEqual([rec.id]);
    expect(data(await w.call('mine', { campaignId: w.campaignId }, 'demo-neighbour-lead')).candidacy).toMatchObject({ id: rec.id });
    data(await w.call('review', { candidateId: rec.id, approve: true }, ADMIN));
    expect(w.rt.ports.notifier.sent.at(-1)).toMatchObject({ touser: 'demo-resident', data: { phrase1: { value: '已入围' } } });
    w.close();
  });

  it('checks stories before storing them: a rejected one writes nothing', async () => {
    const w = await votingWorld({ now: NOMINATING, candidates: 0 });
    const writes = w.rt.store.stats().writes;
    const bad = '加微信领红包，兼职日结';
    expect(await w.call('recommend', { campaignId: w.campaignId, unitId: 'u3', story: bad }, 'demo-resident')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('推荐理由') },
    });
    expect(errorOf(await w.call('apply', { campaignId: w.campaignId, story: bad }, 'demo-neighbour-lead'))).toBe('CONTENT_REJECTED');
    expect(errorOf(await w.call('nominate', { campaignId: w.campaignId, unitId: 'u3', story: bad }, ADMIN))).toBe('CONTENT_REJECTED');
    expect(errorOf(await w.call('save', { ...(await campaignFields(w)), title: '代开发票' }, ADMIN))).toBe('CONTENT_REJECTED');
    expect(w.rt.store.stats().writes).toBe(writes);
    expect(await w.rt.store.collection('candidates').where({ campaignId: w.campaignId }).count()).toBe(0);
    w.close();
  });

  it('a 管理员 of another 社区 cannot run this campaign', async () => {
    const w = await votingWorld({ candidates: 1 });
    await w.rt.store.collection('users').doc('other-admin').set({
      name: 'x',
      grants: [{ role: 'admin', nodeId: 'c2', nodeName: '别的社区', level: 'community' }],
      createdAt: 0,
    });
    for (const [action, input] of [
      ['overview', {}],
      ['nominate', { unitId: 'u2', story: '好' }],
      ['void', { target: { kind: 'voter', voter: 'x' }, reason: '测试' }],
      ['confirm', {}],
    ] as const) {
      expect(errorOf(await w.call(action, { campaignId: w.campaignId, ...input }, 'other-admin'))).toBe('FORBIDDEN');
    }
    expect(errorOf(await w.call('review', { candidateId: w.candidates[0], approve: false, reason: '不行' }, 'other-admin'))).toBe('FORBIDDEN');
    w.close();
  });
});

async function campaignFields(w: Awaited<ReturnType<typeof votingWorld>>) {
  const { campaign } = data(await w.call('overview', { campaignId: w.campaignId }, ADMIN));
  const { id, title, description, scope, nominateFrom, nominateUntil, voteFrom, voteUntil, eligibility, perDay, perCandidatePerDay, minGapSeconds, ranking, honorees } = campaign;
  return { id, title, description, scopeNodeId: scope.nodeId, nominateFrom, nominateUntil, voteFrom, voteUntil, eligibility, perDay, perCandidatePerDay, minGapSeconds, ranking, honorees };
}

describe('campaign settings', () => {
  it('locks the windows and rules once voting has started, but not the text', async () => {
    const w = await votingWorld({ candidates: 0 });
    const fields = await campaignFields(w);
    expect(errorOf(await w.call('save', { ...fields, perDay: 10 }, ADMIN))).toBe('CONFLICT');
    expect(data(await w.call('save', { ...fields, title: '新的标题' }, ADMIN)).campaign.title).toBe('新的标题');
    expect(errorOf(await w.call('save', { ...fields, voteFrom: fields.voteUntil + 1 }, ADMIN))).toBe('INVALID_INPUT');
    expect(data(await w.call('list', {}, ADMIN)).items.map((c: { id: string }) => c.id)).toContain(w.campaignId);
    w.close();
  });
});

describe('anti-fraud', () => {
  it('voids a voter’s votes and a time window of a candidate’s votes: counters stay equal to the valid votes, all logged', async () => {
    const w = await votingWorld({ rules: { perDay: 3, perCandidatePerDay: 3 } });
    const [a, b, c] = w.candidates;
    let n = 0;
    for (let v = 0; v < 40; v++) {
      w.clock.set(T0 + v * MINUTE);
      for (const k of [a, b, c]) data(await w.cast(`voter-${v}`, k, `void-req-${n++}`));
    }
    // The cheater voted with one account 3 times today.
    const voided = data(await w.call('void', { campaignId: w.campaignId, target: { kind: 'voter', voter: 'voter-7', block: true }, reason: '核实为刷票账号' }, ADMIN));
    expect(voided).toMatchObject({ more: false, audit: { action: 'void', count: 3, done: true, reason: '核实为刷票账号' } });
    w.clock.set(T0 + 41 * MINUTE);
    expect(await w.cast('voter-7', a, 'void-req-blocked')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('取消') } });

    // A's votes between minute 10 and 20: voters 10 … 19.
    const window = { kind: 'window', candidateId: a, from: T0 + 10 * MINUTE, until: T0 + 20 * MINUTE };
    const w1 = data(await w.call('void', { campaignId: w.campaignId, target: window, reason: '同一时段集中投票' }, ADMIN));
    expect(w1.audit.count).toBe(10);
    // Voiding again finds nothing more.
    expect(data(await w.call('void', { campaignId: w.campaignId, target: window, reason: '重复操作' }, ADMIN)).audit.count).toBe(0);

    // Voids racing new votes: still exact.
    w.clock.set(T0 + 50 * MINUTE);
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => w.cast(`late-${i}`, [a, b, c][i % 3], `void-race-${i}`)),
      w.call('void', { campaignId: w.campaignId, target: { kind: 'window', candidateId: b, from: T0, until: T0 + 60 * MINUTE }, reason: '整段复核' }, ADMIN),
      w.call('void', { campaignId: w.campaignId, target: { kind: 'voter', voter: 'voter-3' }, reason: '复核' }, ADMIN),
    ]);
    for (const k of await countersAndVotes(w)) expect(k.counter).toBe(k.valid);
    const counts = (await countersAndVotes(w)).slice(0, 3).map((k) => k.counter);
    expect(counts[0]).toBe(40 - 1 - 10 - 1 + 20); // − voter-7, − the window, − voter-3, + the late votes
    expect(counts[1]).toBeLessThanOrEqual(20);

    const audit = data(await w.call('audit', { campaignId: w.campaignId }, ADMIN));
    expect(audit.total).toBe(5);
    expect(audit.items.at(-1).summary).toContain('并取消其本次投票资格');
    const rows = data(await w.call('votes', { campaignId: w.campaignId, voter: 'voter-7', voided: true }, ADMIN));
    expect(rows.items).toHaveLength(3);
    expect(rows.items[0]).toMatchObject({ valid: false, voidReason: '核实为刷票账号' });
    w.close();
  });

  it('raises one alert when a candidate’s votes in a minute jump far above its recent rate', async () => {
    const w = await votingWorld({ rules: { perDay: 1 } });
    const [a, b] = w.candidates;
    let voter = 0;
    const votes = async (k: string, minute: number, count: number) => {
      w.clock.set(T0 + minute * MINUTE);
      for (let i = 0; i < count; i++) data(await w.cast(`burst-${voter++}`, k, `burst-req-${voter}`));
    };
    // A: 2 a minute for 10 minutes, then 40 in one minute. B: a steady 40 a minute.
    for (let m = 0; m < 10; m++) await votes(a, m, 2);
    for (let m = 0; m < 12; m++) await votes(b, m, 40);
    await votes(a, 10, 40);
    await votes(a, 11, 1);
    const alerts = data(await w.call('alerts', { campaignId: w.campaignId }, ADMIN));
    // B's first minute counts as a jump from nothing; after that 40 a minute is its normal.
    expect(alerts.items.map((x: { candidateId: string; votes: number; baseline: number }) => [x.candidateId === a ? 'A' : 'B', x.votes, x.baseline])).toEqual([
      ['A', 30, 2],
      ['B', 30, 0],
    ]);
    expect(alerts.items[0].minute).toBe(T0 + 10 * MINUTE);
    expect(data(await w.call('overview', { campaignId: w.campaignId }, ADMIN)).counts.alerts).toBe(2);
    w.close();
  });
});

describe('ranking and results', () => {
  it('hides the ranking until the end when asked to, except from the 管理员', async () => {
    const w = await votingWorld({ rules: { ranking: 'after' } });
    data(await w.cast('v1', w.candidates[1], 'hidden-req-1'));
    expect(data(await w.call('leaderboard', { campaignId: w.campaignId }, 'v1'))).toMatchObject({ visible: false, items: [] });
    expect(data(await w.call('candidate', { candidateId: w.candidates[1] }, 'v1')).candidate.votes).toBeNull();
    expect(data(await w.cast('v2', w.candidates[1], 'hidden-req-2')).votes).toBeNull();
    expect(data(await w.call('leaderboard', { campaignId: w.campaignId }, ADMIN)).items[0]).toMatchObject({ id: w.candidates[1], votes: 2 });
    w.clock.set(T0 + 6 * DAY);
    expect(data(await w.call('leaderboard', { campaignId: w.campaignId }, 'v1')).visible).toBe(true);
    w.close();
  });

  it('ranks with ties across pages, reading the same few documents whatever the number of votes', async () => {
    const w = await votingWorld({ candidates: 5, rules: { perDay: 5, perCandidatePerDay: 1 } });
    const plan = [3, 5, 5, 1, 3]; // votes for No. 1 … 5
    let v = 0;
    for (const [i, n] of plan.entries()) for (let j = 0; j < n; j++) data(await w.cast(`rank-${j}`, w.candidates[i], `rank-req-${v++}`));
    const reads = w.rt.store.stats().reads;
    const p1 = data(await w.call('leaderboard', { campaignId: w.campaignId, pageSize: 2 }, 'x'));
    expect(w.rt.store.stats().reads - reads).toBe(2);
    const p2 = data(await w.call('leaderboard', { campaignId: w.campaignId, pageSize: 2, page: 2 }, 'x'));
    const p3 = data(await w.call('leaderboard', { campaignId: w.campaignId, pageSize: 2, page: 3 }, 'x'));
    const ranks = [...p1.items, ...p2.items, ...p3.items].map((k: { no: number; votes: number; rank: number }) => [k.no, k.votes, k.rank]);
    expect(ranks).toEqual([[2, 5, 1], [3, 5, 1], [1, 3, 3], [5, 3, 3], [4, 1, 5]]);
    // Search by number or by the start of a name.
    expect(data(await w.call('campaign', { campaignId: w.campaignId, keyword: '4' }, null)).candidates.items.map((k: { no: number }) => k.no)).toEqual([4]);
    const name = ((await w.rt.store.collection('candidates').doc(w.candidates[2]).get()) as CandidateDoc).name;
    const found = data(await w.call('campaign', { campaignId: w.campaignId, keyword: name }, null)).candidates;
    expect(found.items.map((k: { id: string }) => k.id)).toContain(w.candidates[2]);
    w.close();
  });

  it('confirms the honorees after the end: badge on the card and the profile, announced on 首页', async () => {
    const w = await votingWorld({ candidates: 4, rules: { perDay: 4, honorees: 2 } });
    const [a, b, c, d] = w.candidates; // u1 … u4; u1's 邻长 is demo-neighbour-lead
    let v = 0;
    for (const [k, n] of [[a, 6], [b, 4], [c, 4], [d, 1]] as const) for (let j = 0; j < n; j++) data(await w.cast(`fan-${j}`, k, `result-req-${v++}`));
    expect(errorOf(await w.call('confirm', { campaignId: w.campaignId }, ADMIN))).toBe('CONFLICT'); // still voting

    w.clock.set(T0 + 5 * DAY + HOUR);
    // Ended, results not yet confirmed: still on 首页, as closed (结果即将公布).
    const waiting = data(await w.call('announcements', {}, 'demo-resident'));
    expect(waiting.ongoing.find((x: { id: string }) => x.id === w.campaignId)).toMatchObject({ status: 'closed' });
    expect(waiting.announced.map((x: { id: string }) => x.id)).not.toContain(w.campaignId);
    // b and c tie for 2nd place: the 管理员 must choose, and say why.
    expect(await w.call('confirm', { campaignId: w.campaignId }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('票数相同') } });
    expect(errorOf(await w.call('confirm', { campaignId: w.campaignId, honorees: [a, c] }, ADMIN))).toBe('INVALID_INPUT');
    expect(errorOf(await w.call('confirm', { campaignId: w.campaignId, honorees: [a, 'knot-a-candidate'], reason: 'x' }, ADMIN))).toBe('INVALID_INPUT');
    const { campaign } = data(await w.call('confirm', { campaignId: w.campaignId, honorees: [a, c], reason: '并列第二，经社区评议会评定' }, ADMIN));
    expect(campaign.results).toMatchObject({ adjusted: true, reason: '并列第二，经社区评议会评定' });
    expect(campaign.results.honorees.map((h: { candidateId: string; rank: number; votes: number }) => [h.candidateId, h.rank, h.votes])).toEqual([
      [a, 1, 6],
      [c, 2, 4],
    ]);

    // The badge: on the card (the unit's lead snapshot), on the lead record, on the user (perks read it).
    const card = data(await w.rt.call('card', { action: 'get', unitId: 'u1' }, null));
    expect(card.lead.honours).toEqual(['2026年度最美邻长']);
    const user = (await w.rt.store.collection('users').doc('demo-neighbour-lead').get()) as UserDoc;
    expect(user.honours).toEqual([{ campaignId: w.campaignId, title: '2026年度最美邻长', at: T0 + 5 * DAY + HOUR }]);
    // … and on 我的 (whoami).
    expect(data(await w.rt.call('account', { action: 'whoami' }, 'demo-neighbour-lead')).user.honours).toEqual([{ title: '2026年度最美邻长', at: T0 + 5 * DAY + HOUR }]);
    expect(data(await w.rt.call('card', { action: 'get', unitId: 'u2' }, null)).lead.honours).toEqual([]);
    expect(data(await w.call('candidate', { candidateId: c }, null)).candidate.honoured).toBe(true);

    // Confirming the same list again changes nothing; another list is refused; so are votes and voids.
    data(await w.call('confirm', { campaignId: w.campaignId, honorees: [c, a] }, ADMIN));
    expect(data(await w.rt.call('card', { action: 'get', unitId: 'u1' }, null)).lead.honours).toHaveLength(1);
    expect(errorOf(await w.call('confirm', { campaignId: w.campaignId, honorees: [a, b], reason: '改' }, ADMIN))).toBe('CONFLICT');
    expect(errorOf(await w.cast('fan-9', a, 'result-late-1'))).toBe('CLOSED');
    expect(errorOf(await w.call('void', { campaignId: w.campaignId, target: { kind: 'voter', voter: 'fan-1' }, reason: '迟了' }, ADMIN))).toBe('CLOSED');

    // 首页: the resident of u1 sees the announcement (and the demo campaign, still voting).
    const home = data(await w.call('announcements', {}, 'demo-resident'));
    expect(home.place).toMatchObject({ nodeId: 'u1' });
    expect(home.announced.map((x: { id: string }) => x.id)).toEqual([w.campaignId]);
    expect(home.announced[0].results.honorees).toHaveLength(2);
    expect(home.ongoing.map((x: { id: string }) => x.id)).toContain('vdemo');
    expect(home.ongoing.map((x: { id: string }) => x.id)).not.toContain(w.campaignId);
    const audit = data(await w.call('audit', { campaignId: w.campaignId }, ADMIN));
    expect(audit.items[0]).toMatchObject({ action: 'confirm', reason: '并列第二，经社区评议会评定' });
    w.close();
  });

  it('gives the badge to an honoree who binds their WeChat only after the result (and once, on a second binding)', async () => {
    const w = await votingWorld({ candidates: 3, rules: { perDay: 3, honorees: 3 } });
    const [, , c] = w.candidates; // u3's 邻长 has not bound a WeChat
    expect(((await w.rt.store.collection('nodes').doc('u3').get()) as NodeDoc).lead?.openid ?? null).toBeNull();
    for (const [j, k] of w.candidates.entries()) data(await w.cast(`late-fan-${j}`, k, `late-req-${j}`));
    w.clock.set(T0 + 5 * DAY + HOUR);
    data(await w.call('confirm', { campaignId: w.campaignId }, ADMIN));

    const bind = async (openid: string) => {
      const { code } = data(await w.rt.call('roster', { action: 'invite', nodeId: 'u3' }, ADMIN));
      data(await w.rt.call('account', { action: 'claim', code }, openid));
      return (await w.rt.store.collection('users').doc(openid).get()) as UserDoc;
    };
    const badge = [{ campaignId: w.campaignId, title: '2026年度最美邻长', at: T0 + 5 * DAY + HOUR }];
    expect((await bind('late-binder')).honours).toEqual(badge);
    expect((await bind('late-binder')).honours).toEqual(badge);
    // A new phone's WeChat, bound later, gets it too.
    expect((await bind('late-binder-new-phone')).honours).toEqual(badge);
    expect(data(await w.call('candidate', { candidateId: c }, null)).candidate.honoured).toBe(true);
    w.close();
  });
});

describe('the demo campaign', () => {
  it('is voting, with six numbered 邻长 and counters equal to its seeded votes', async () => {
    const w = await votingWorld({ candidates: 0 });
    const page = data(await w.call('campaign', { campaignId: 'vdemo', pageSize: 10 }, 'demo-resident'));
    expect(page.campaign).toMatchObject({ status: 'voting', candidates: 6, eligibility: 'anyone' });
    expect(page.candidates.items.map((k: { no: number }) => k.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(page.me).toMatchObject({ canVote: true, leftToday: 3 });
    const ids = page.candidates.items.map((k: { id: string }) => k.id);
    for (const id of ids) {
      const k = (await w.rt.store.collection('candidates').doc(id).get()) as CandidateDoc;
      expect(await w.rt.store.collection('votes').where({ candidateId: id, valid: true }).count()).toBe(k.votes);
    }
    expect(data(await w.call('nominations', { campaignId: 'vdemo' }, ADMIN)).total).toBe(1);
    w.close();
  });
});
