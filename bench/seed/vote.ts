// Bench data for 最美邻长评选 in the generated district (c1 is its first 社区):
// - `vbench-cast`: voting now, any WeChat user, 10 votes a day (20 candidates, u1…u20), and
//   CAST_VOTERS voters, enough that every cast of the figure is accepted;
// - `vbench-10k` and `vbench-1m`: 30 candidates each (u21…u50, u51…u80) with 10,000 and
//   1,000,000 stored votes, written with bulkPut in chunks; the candidates' counters are the
//   counts of those votes. The votes were cast on past days, 10 a voter a day.
import type { NodeDoc } from '../../server/domain/docs';
import { candidateIdFor, voteId, type CandidateDoc, type VoteDoc } from '../../server/features/vote/docs';
import { beijingDay, startOfBeijingDay } from '../../server/core/time';
import type { LocalRuntime } from '../../server/runtime/local';
import { approvedCandidate, campaignDoc, writeCampaignSeed } from '../../server/seed/campaign';
import { buildTree, YUETANG_SIZE } from '../../server/seed/tree';

const DAY_MS = 24 * 3600_000;
export const CAST_CAMPAIGN = 'vbench-cast';
export const BOARD_CAMPAIGNS = { '10k': { id: 'vbench-10k', votes: 10_000, firstUnit: 21 }, '1m': { id: 'vbench-1m', votes: 1_000_000, firstUnit: 51 } };
const CAST_CANDIDATES = 20;
const BOARD_CANDIDATES = 30;
const VOTES_PER_VOTER_DAY = 10;
const CHUNK = 50_000;
/** 10 votes a day each: room for 30,000 accepted votes a second of the figure. */
export const CAST_VOTERS = 3_000 * Math.min(30, Number(process.env.BENCH_SECONDS ?? 5));

async function units(rt: LocalRuntime, first: number, n: number): Promise<NodeDoc[]> {
  const out: NodeDoc[] = [];
  for (let i = first; i < first + n; i++) {
    const u = (await rt.store.collection('nodes').doc(`u${i}`).get()) as NodeDoc | null;
    if (!u) throw new Error(`vote bench: no unit u${i}; the vote figures need BENCH_SIZE=yuetang`);
    out.push(u);
  }
  return out;
}

async function seedCast(rt: LocalRuntime, now: number) {
  const c1 = (await rt.store.collection('nodes').doc('c1').get()) as NodeDoc;
  const c = campaignDoc(
    c1,
    { _id: CAST_CAMPAIGN, title: '压测：投票', nominateFrom: now - 3 * DAY_MS, nominateUntil: now - DAY_MS, voteFrom: now - DAY_MS, voteUntil: now + 30 * DAY_MS, perDay: VOTES_PER_VOTER_DAY, perCandidatePerDay: VOTES_PER_VOTER_DAY },
    now,
  );
  const candidates = (await units(rt, 1, CAST_CANDIDATES)).map((u) => approvedCandidate(c, u, '压测候选人', now));
  writeCampaignSeed(rt.store, { campaigns: [c], candidates });
}

async function seedBoard(rt: LocalRuntime, now: number, spec: { id: string; votes: number; firstUnit: number }) {
  const c1 = (await rt.store.collection('nodes').doc('c1').get()) as NodeDoc;
  const days = 20;
  const c = campaignDoc(
    c1,
    { _id: spec.id, title: `压测：排行榜（${spec.votes} 票）`, nominateFrom: now - 25 * DAY_MS, nominateUntil: now - (days + 1) * DAY_MS, voteFrom: now - (days + 1) * DAY_MS, voteUntil: now + 10 * DAY_MS, perDay: VOTES_PER_VOTER_DAY, perCandidatePerDay: VOTES_PER_VOTER_DAY },
    now,
  );
  const candidates: CandidateDoc[] = (await units(rt, spec.firstUnit, BOARD_CANDIDATES)).map((u) => approvedCandidate(c, u, '压测候选人', now));
  // Voter-days: each votes 10 times; candidate of slot s is skewed so the ranking is not flat.
  const voterDays = Math.ceil(spec.votes / VOTES_PER_VOTER_DAY);
  const voters = Math.ceil(voterDays / days);
  let chunk: VoteDoc[] = [];
  let n = 0;
  for (let d = 0; d < days && n < spec.votes; d++) {
    const dayStart = startOfBeijingDay(now) - (days - d) * DAY_MS + 8 * 3600_000; // 08:00 Beijing
    const day = beijingDay(dayStart);
    for (let v = 0; v < voters && n < spec.votes; v++) {
      const voter = `bench-voter-${v}`;
      for (let s = 1; s <= VOTES_PER_VOTER_DAY && n < spec.votes; s++, n++) {
        const k = candidates[((v * 7 + s * s) % BOARD_CANDIDATES) % (1 + (v % BOARD_CANDIDATES))];
        k.votes++;
        chunk.push({ _id: voteId(c._id, voter, day, s), campaignId: c._id, candidateId: k._id, voter, day, slot: s, requestId: `seed-${n}`, at: dayStart + v * 1000 + s, valid: true });
        if (chunk.length === CHUNK) {
          rt.store.bulkPut('votes', chunk);
          chunk = [];
        }
      }
    }
  }
  if (chunk.length) rt.store.bulkPut('votes', chunk);
  writeCampaignSeed(rt.store, { campaigns: [c], candidates });
}

export const VOTE_SEEDERS = [
  { figures: ['vote.cast'], seed: (rt: LocalRuntime) => seedCast(rt, Date.now()) },
  { figures: ['vote.leaderboard.10k'], seed: (rt: LocalRuntime) => seedBoard(rt, Date.now(), BOARD_CAMPAIGNS['10k']) },
  { figures: ['vote.leaderboard.1m'], seed: (rt: LocalRuntime) => seedBoard(rt, Date.now(), BOARD_CAMPAIGNS['1m']) },
];

let leadIds: Map<string, string> | null = null;
/** The candidate ids the seeders give (from the generated district's lead ids), for the figures' request bodies. */
export function benchCandidateIds(campaignId: string, firstUnit: number, n: number): string[] {
  leadIds ??= new Map(buildTree({ size: YUETANG_SIZE, now: 0 }).nodes.filter((u) => u.level === 'unit' && u.lead).map((u) => [u._id, u.lead!.id]));
  return Array.from({ length: n }, (_, i) => candidateIdFor(campaignId, leadIds!.get(`u${firstUnit + i}`) as string));
}
export const CAST_CANDIDATE_COUNT = CAST_CANDIDATES;
