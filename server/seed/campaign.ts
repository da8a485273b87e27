// 最美邻长评选 seed data: a builder for campaigns, candidates and consistent votes (used by
// tests and the bench), and the demo campaign `npm start` shows — 幸福里社区, in voting,
// with six of the demo 邻长 as candidates and some votes from yesterday.
import { beijingDay, startOfBeijingDay } from '../core/time';
import type { NodeDoc } from '../domain/docs';
import { candidateIdFor, voteId, type CampaignDoc, type CandidateDoc, type VoteDoc } from '../features/vote/docs';
import { defaultBadge } from '../features/vote/rules';
import type { LocalStore } from '../store/local-store';
import { seededNode } from './tree';

const DAY_MS = 24 * 3600_000;

export interface CampaignSeed {
  campaigns: CampaignDoc[];
  candidates: CandidateDoc[];
  votes: VoteDoc[];
}

export type CampaignSpec = Pick<CampaignDoc, '_id' | 'title' | 'nominateFrom' | 'nominateUntil' | 'voteFrom' | 'voteUntil'> &
  Partial<Pick<CampaignDoc, 'description' | 'eligibility' | 'perDay' | 'perCandidatePerDay' | 'minGapSeconds' | 'ranking' | 'honorees' | 'badge' | 'createdBy'>>;

export function campaignDoc(scope: NodeDoc, spec: CampaignSpec, now: number): CampaignDoc {
  return {
    description: '评选本辖区热心服务、邻里信赖的好邻长。',
    eligibility: 'anyone',
    perDay: 3,
    perCandidatePerDay: 1,
    minGapSeconds: 0,
    ranking: 'live',
    honorees: 3,
    badge: defaultBadge(spec.voteUntil),
    createdBy: 'seed',
    ...spec,
    scopeNodeId: scope._id,
    scopeLevel: scope.level,
    scopeName: scope.name,
    at: scope.at,
    lastNo: 0,
    approvedCount: 0,
    blocked: [],
    alertCount: 0,
    createdAt: now,
    updatedAt: now,
    results: null,
  };
}

/** An approved candidate (the next 编号) for the 邻长 of `unit`; updates the campaign's counter and list. */
export function approvedCandidate(c: CampaignDoc, unit: NodeDoc, story: string, now: number): CandidateDoc {
  if (!unit.lead) throw new Error(`seed: ${unit._id} has no lead`);
  const k: CandidateDoc = {
    _id: candidateIdFor(c._id, unit.lead.id),
    campaignId: c._id,
    kind: 'org',
    status: 'approved',
    no: ++c.lastNo,
    votes: 0,
    unitId: unit._id,
    unitName: unit.name,
    at: unit.at,
    leadId: unit.lead.id,
    leadOpenid: unit.lead.openid ?? null,
    name: unit.lead.name,
    story,
    photos: [],
    nominatedBy: c.createdBy,
    createdAt: now,
    reviewedAt: now,
    reviewedBy: c.createdBy,
  };
  c.approvedCount++;
  return k;
}

/**
 * Votes as `vote.cast` would have stored them (slot by slot per voter and day, counters
 * incremented). The caller keeps to the campaign's rules.
 */
export function castSeedVotes(c: CampaignDoc, candidates: CandidateDoc[], ballots: { voter: string; candidate: number; at: number }[]) {
  const votes: VoteDoc[] = [];
  const used = new Map<string, number>();
  for (const [i, b] of [...ballots].sort((x, y) => x.at - y.at).entries()) {
    const k = candidates[b.candidate];
    const day = beijingDay(b.at);
    const slot = (used.get(`${b.voter}:${day}`) ?? 0) + 1;
    used.set(`${b.voter}:${day}`, slot);
    votes.push({ _id: voteId(c._id, b.voter, day, slot), campaignId: c._id, candidateId: k._id, voter: b.voter, day, slot, requestId: `seed${i}`, at: b.at, valid: true });
    k.votes++;
  }
  return { votes };
}

export const DEMO_CAMPAIGN_ID = 'vdemo';
const DEMO_STORIES = [
  '每天早上帮独居的刘奶奶取牛奶、量血压；楼里谁家水管坏了、灯不亮了，她总是第一个到。',
  '组织楼栋志愿者清理楼道杂物，汛期挨家挨户提醒防汛，把邻居们的事当自家事。',
  '退休老党员，坚持每周把本邻的住户走访一遍，大家的难事记在小本子上，件件有回音。',
  '手把手教楼里的老人用手机挂号、视频通话，还建起了邻里互助群，谁家有事群里一喊就到。',
  '为加装电梯跑了二十多趟，协调一楼到七楼的意见，终于让全楼老人不再爬楼。',
  '调解邻里噪音、漏水纠纷十余起，大家都说“有事找他准没错”。',
];

/** The demo campaign over the demo 社区: nominations closed, voting open until 12 days from `now`. */
export function buildDemoCampaign(now: number, nodes: NodeDoc[]): CampaignSeed {
  const community = nodes.find((n) => n._id === 'c1');
  if (!community) return { campaigns: [], candidates: [], votes: [] };
  const year = new Date(now).getUTCFullYear();
  const c = campaignDoc(
    community,
    {
      _id: DEMO_CAMPAIGN_ID,
      title: `${year}年度${community.name}“最美邻长”评选`,
      description:
        '为身边热心服务的邻长投上一票！所有微信用户均可参与，每人每天 3 票，同一位邻长每天最多投 1 票。' +
        '投票结束后按得票排名，经社区确认后表彰前 3 名，授予“最美邻长”称号。',
      nominateFrom: now - 10 * DAY_MS,
      nominateUntil: now - 3 * DAY_MS,
      voteFrom: now - 2 * DAY_MS,
      voteUntil: now + 12 * DAY_MS,
      createdBy: 'demo-admin',
    },
    now - 11 * DAY_MS,
  );
  const byId = new Map(nodes.map((n) => [n._id, n]));
  const candidates = DEMO_STORIES.map((story, i) => approvedCandidate(c, seededNode(byId, `u${i + 1}`), story, now - 3 * DAY_MS));

  // Yesterday, 09:00–21:00 Beijing: 30 neighbours voted 1–3 times each, for different 邻长.
  const yesterday = startOfBeijingDay(now) - DAY_MS;
  const ballots: { voter: string; candidate: number; at: number }[] = [];
  for (let v = 1; v <= 30; v++) {
    const times = 1 + (v % 3);
    for (let t = 0; t < times; t++) {
      ballots.push({ voter: `demo-voter-${v}`, candidate: (v * 7 + t * 2) % candidates.length, at: yesterday + 9 * 3600_000 + ((v * 97 + t * 13) % 720) * 60_000 });
    }
  }
  const { votes } = castSeedVotes(c, candidates, ballots);

  // One 群众推荐 waiting for the 管理员.
  const u7 = byId.get('u7');
  if (u7?.lead) {
    candidates.push({
      _id: candidateIdFor(c._id, u7.lead.id),
      campaignId: c._id,
      kind: 'public',
      status: 'pending',
      votes: 0,
      unitId: u7._id,
      unitName: u7.name,
      at: u7.at,
      leadId: u7.lead.id,
      leadOpenid: u7.lead.openid ?? null,
      name: u7.lead.name,
      story: '疫情那年主动当起楼栋“团长”，给行动不便的老人送药送菜，一直坚持到现在。',
      photos: [],
      nominatedBy: 'demo-resident',
      nominatorName: '居民王阿姨',
      createdAt: now - 4 * DAY_MS,
    });
  }
  return { campaigns: [c], candidates, votes };
}

export function writeCampaignSeed(store: LocalStore, seed: Partial<CampaignSeed> | undefined): void {
  if (!seed) return;
  if (seed.campaigns?.length) store.bulkPut('campaigns', seed.campaigns);
  if (seed.candidates?.length) store.bulkPut('candidates', seed.candidates);
  if (seed.votes?.length) store.bulkPut('votes', seed.votes);
}
