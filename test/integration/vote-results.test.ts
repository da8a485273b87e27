// 最美邻长评选 ranking and results on the real local runtime: the order, ties, the published results with their badge, and the demo campaign.
import type { NodeDoc } from '../../server/domain/docs';
import type { UserDoc } from '../../server/domain/users';
import type { CandidateDoc } from '../../server/features/vote/docs';
import { T0 } from './runtime';
import { ADMIN, DAY, data, errorOf, HOUR, votingWorld } from './vote-setup';

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
