// 最美邻长评选 nominations on the real local runtime: 自荐 and 推荐, review and numbering, and the campaign's settings.
import { T0, uploadAs } from './runtime';
import { ADMIN, DAY, data, errorOf, votingWorld } from './vote-setup';

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

