// 最美邻长评选 figures (data: bench/seed/vote.ts). The rankings run first, so the casts still
// in flight when the cast figure's time is up do not land in another figure's counts.
import { BOARD_CAMPAIGNS, benchCandidateIds, CAST_CAMPAIGN, CAST_CANDIDATE_COUNT, CAST_VOTERS } from '../seed/vote';
import type { Figure } from './types';

let castCandidates: string[] | null = null;
const castCandidate = (i: number) => (castCandidates ??= benchCandidateIds(CAST_CAMPAIGN, 1, CAST_CANDIDATE_COUNT))[i % CAST_CANDIDATE_COUNT];
/** Casts the figure sent (autocannon's count leaves out those still in flight when time is up). */
let castsSent = 0;

/** Signs in as the demo 管理员 and sums the cast campaign's counters: the votes the figure got accepted. */
async function acceptedShare(base: string): Promise<Record<string, unknown>> {
  const signin = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify({ key: 'admin' }) });
  const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${base}/api/vote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ action: 'leaderboard', campaignId: CAST_CAMPAIGN, pageSize: 50 }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { items: { votes: number }[] } };
  const accepted = (body.data?.items ?? []).reduce((s, k) => s + k.votes, 0);
  return { sent: castsSent, accepted, accepted_share: Number((accepted / castsSent).toFixed(3)) };
}

export const VOTE_FIGURES: Figure[] = [
  {
    name: 'vote.leaderboard.10k',
    fn: 'vote',
    body: () => ({ action: 'leaderboard', campaignId: BOARD_CAMPAIGNS['10k'].id, pageSize: 20 }),
    as: 'resident',
    target: { maxReads: 2, maxWrites: 0 },
  },
  {
    // The same ranking over 100 × the votes: it reads counters, so it costs the same.
    name: 'vote.leaderboard.1m',
    fn: 'vote',
    body: () => ({ action: 'leaderboard', campaignId: BOARD_CAMPAIGNS['1m'].id, pageSize: 20 }),
    as: 'resident',
    target: { maxReads: 2, maxWrites: 0, maxP95Ratio: { of: 'vote.leaderboard.10k', ratio: 1.2 } },
  },
  {
    // 200 voters tapping at once (200 connections), every request a new tap (new requestId) for
    // one of 20 candidates, the voters taking turns from a crowd large enough that every vote
    // is within the day's quota (10 a voter): `accepted_share` checks that every call counted.
    name: 'vote.cast',
    fn: 'vote',
    body: (i) => {
      castsSent++;
      return { action: 'cast', campaignId: CAST_CAMPAIGN, candidateId: castCandidate(i * 7), requestId: `bench-cast-${i}` };
    },
    as: 'resident',
    callers: CAST_VOTERS,
    connections: 200,
    // 3 reads (campaign, the voter's day, candidate) and 2 writes (vote, candidate) a cast.
    // ≥ 0.7 × raw node:http + one SQLite WAL transaction (issue 12 item 10).
    target: { minRatio: 0.4, minFloorRatio: 0.7, maxReads: 3, maxWrites: 2, minShare: { field: 'accepted_share', value: 0.99 } },
    report: (base) => acceptedShare(base),
  },
];
