// 最美邻长评选 on the real local runtime: the clock-driven status, the day boundary, the
// quota and rate limit, eligibility and the anti-fraud checks (voids, burst alerts).
// Nominations are in vote-nominations.test.ts, the ranking and results in vote-results.test.ts.
import type { NodeDoc } from '../../server/domain/docs';
import type { VoteDoc } from '../../server/features/vote/docs';
import { StoreError } from '../../server/store/port';
import { T0 } from './runtime';
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

