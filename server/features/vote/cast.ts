// One vote, exactly once. The voter's day is read from their votes of the day (a range of
// vote ids, campaign:voter:day:slot) and the candidate is read; then one store transaction
// (single-document operations only, as CloudBase allows) adds the vote in the next slot. The
// candidate's counter (and its votes-per-minute pace) is incremented right after the commit,
// outside the transaction: in CloudBase two open transactions writing one document conflict,
// so a counter written inside every vote's transaction turns a popular candidate into a
// retry storm. Outside it, `_.inc` is atomic and never conflicts; the transaction writes only
// the voter's own slot. Should a call die between the commit and the increment, the counter
// is one short until the results are confirmed, which recounts every candidate's valid votes
// first (tally.ts); the vote itself, the quota and the slot are exact either way.
// - A duplicate tap or a retry (same requestId) finds its vote among the day's: the
//   original result.
// - Two taps at once read the same day, so they claim the same slot: a slot id is added
//   once, the other tap's transaction fails, and it runs again, now seeing the first. Each
//   run again sees a slot more taken, so after at most the day's quota + 1 runs a tap has
//   counted, found its replay or been refused. The quota, the per-candidate limit and the
//   pace between votes hold exactly, since every check is made on the day the slot follows.
// - The pace (for burst alerts) is judged on the candidate as the transaction read it; in
//   one minute it is an atomic increment, so only votes arriving together at a minute's
//   turn can lose a count of the pace (never of the votes).
// Cost of an accepted vote: 3 reads (campaign, the day's votes, candidate) and 2 writes
// (the vote in the transaction, the counter after it); a refused or replayed one: 3 reads,
// no write. A voter's first vote of a day also reads the user (and, for a scope campaign,
// the 邻 of their household) to check eligibility.
import { AppError } from '../../core/errors';
import type { Ctx } from '../../core/context';
import { cmd, StoreError, type Patch } from '../../store/port';
import { alertId, voteId, votesOfDay, type AlertDoc, type CampaignDoc, type Pace, type VoteDoc } from './docs';
import { ineligibility, rankingPublic, requireVotingOpen, voteDay } from './rules';

/** A retry this soon after midnight still finds its vote of the day before. */
export const REPLAY_GRACE_MS = 10 * 60_000;

/**
 * "Far above its recent rate": a candidate's votes in one minute reach 30 and 5 × its mean
 * per minute over the 10 minutes before (those since voting opened; the opening minute has
 * no past and is not judged). Judged on every vote, so the alert is raised by the vote that
 * crosses the line; one burst raises one alert (none again for the next 10 minutes).
 */
export const BURST_MIN_VOTES = 30;
export const BURST_FACTOR = 5;
export const BURST_BASELINE_MINUTES = 10;

export interface CastResult {
  voteId: string;
  candidateId: string;
  replayed: boolean;
  day: string;
  leftToday: number;
  leftForCandidate: number;
  votes: number | null;
}

/** A voter's day in a campaign, as their votes of the day tell it. */
export interface VoterDay {
  /** Slots taken (the highest: a vote is never deleted, a voided one keeps its slot). */
  used: number;
  votes: VoteDoc[];
  lastAt: number;
}

export async function voterDay(ctx: Pick<Ctx, 'store'>, campaignId: string, voter: string, day: string): Promise<VoterDay> {
  const votes = await ctx.store.collection('votes').where(votesOfDay(campaignId, voter, day)).get();
  return {
    used: votes.reduce((n, v) => Math.max(n, v.slot), 0),
    votes,
    lastAt: votes.reduce((t, v) => Math.max(t, v.at), 0),
  };
}

const votesFor = (d: VoterDay, candidateId: string) => d.votes.reduce((n, v) => (v.candidateId === candidateId ? n + 1 : n), 0);

/** What the caller has left today, and for one candidate. */
export function leftOf(c: CampaignDoc, d: VoterDay, candidateId?: string) {
  const leftToday = Math.max(0, c.perDay - d.used);
  const forCandidate = candidateId !== undefined ? Math.max(0, c.perCandidatePerDay - votesFor(d, candidateId)) : 0;
  return { leftToday, leftForCandidate: Math.min(leftToday, forCandidate) };
}

function replayOf(d: VoterDay, requestId: string, candidateId: string): { voteId: string } | null {
  const v = d.votes.find((x) => x.requestId === requestId);
  if (!v) return null;
  if (v.candidateId !== candidateId) throw new AppError('CONFLICT', '这个请求编号已用于给另一位候选人投票');
  return { voteId: v._id };
}

/** The candidate's pace after one more vote in `minute`, and the burst it reveals (if any). */
export function nextPace(p: Pace | undefined, minute: number, openMinute: number): { pace: Pace; burst: { votes: number; baseline: number } | null } {
  let pace: Pace;
  if (!p) pace = { minute, n: 1, history: [] };
  else if (minute > p.minute) {
    const gap = Math.min(minute - p.minute, BURST_BASELINE_MINUTES + 1);
    const history = [p.n, ...new Array<number>(gap - 1).fill(0), ...p.history].slice(0, BURST_BASELINE_MINUTES);
    pace = { minute, n: 1, history, ...(p.alerted !== undefined ? { alerted: p.alerted } : {}) };
  } else {
    // The same minute (or a vote stamped a moment earlier by another instance's clock).
    pace = { ...p, n: p.n + 1 };
  }
  const past = Math.min(BURST_BASELINE_MINUTES, pace.minute - openMinute);
  const baseline = past > 0 ? pace.history.slice(0, past).reduce((s, n) => s + n, 0) / past : 0;
  const cooling = pace.alerted !== undefined && pace.minute - pace.alerted <= BURST_BASELINE_MINUTES;
  const burst = past > 0 && !cooling && pace.n >= BURST_MIN_VOTES && pace.n >= BURST_FACTOR * Math.max(baseline, 1);
  if (burst) pace.alerted = pace.minute;
  return { pace, burst: burst ? { votes: pace.n, baseline: Math.round(baseline * 10) / 10 } : null };
}

/**
 * The counter's update after a vote: one more vote, and one more in the pace's minute (an
 * atomic increment) or, on a minute's first vote, the pace moved on.
 */
function counterPatch(before: Pace | undefined, pace: Pace, minute: number): Patch {
  if (before && before.minute === minute) {
    return { votes: cmd.inc(1), 'pace.n': cmd.inc(1), ...(pace.alerted !== before.alerted ? { 'pace.alerted': pace.alerted } : {}) };
  }
  return { votes: cmd.inc(1), pace };
}

/** The slot a run claimed was taken by another tap meanwhile (it runs again and sees it). */
class SlotTaken extends Error {}

/** Runs again after a conflict that is not a taken slot (a transaction that kept conflicting). */
const OTHER_CONFLICT_ATTEMPTS = 3;

export async function castVote(ctx: Ctx, campaign: CampaignDoc, candidateId: string, requestId: string): Promise<CastResult> {
  // Each run that finds its slot taken sees one slot more the next time, so a tap counts, finds
  // its replay or is refused within the day's quota + 1 runs.
  let others = 0;
  for (let taken = 0; ; ) {
    try {
      return await castOnce(ctx, campaign, candidateId, requestId);
    } catch (e) {
      if (e instanceof SlotTaken && ++taken <= campaign.perDay) continue;
      if (e instanceof SlotTaken) throw new StoreError('CONFLICT', 'vote slots kept being taken');
      if (!(e instanceof StoreError && e.code === 'CONFLICT') || ++others >= OTHER_CONFLICT_ATTEMPTS) throw e;
    }
  }
}

async function castOnce(ctx: Ctx, campaign: CampaignDoc, candidateId: string, requestId: string): Promise<CastResult> {
  const voter = ctx.openid();
  const now = ctx.clock.now();
  const today = voteDay(now);
  const day = today.day;
  const votesShown = rankingPublic(campaign, now);
  const d = await voterDay(ctx, campaign._id, voter, day);
  let replay = replayOf(d, requestId, candidateId);
  if (!replay && now - today.from < REPLAY_GRACE_MS) {
    const yesterday = voteDay(now - REPLAY_GRACE_MS).day;
    replay = replayOf(await voterDay(ctx, campaign._id, voter, yesterday), requestId, candidateId);
  }

  // The vote's id: the slot after the day's last.
  const slotId = voteId(campaign._id, voter, day, d.used + 1);
  // Read before the transaction, not in it: in the cloud a transaction's read of a document
  // it does not write never conflicts anyway (snapshot isolation), and the local store, which
  // runs a transaction again when a document it read changed, would otherwise run every vote
  // again for each counter increment landing meanwhile.
  const k = await ctx.store.collection('candidates').doc(candidateId).get();
  let counted: Patch | null = null;
  try {
    const result = await ctx.store.transaction(async (tx): Promise<CastResult> => {
      counted = null;
      if (replay) return { ...replay, candidateId, replayed: true, day, ...leftOf(campaign, d, candidateId), votes: votesShown && k ? k.votes : null };

      requireVotingOpen(campaign, now);
      if (!k || k.campaignId !== campaign._id || k.status !== 'approved') throw new AppError('NOT_FOUND', '没有找到这位候选人');
      if (campaign.blocked.includes(voter)) throw new AppError('FORBIDDEN', '您在本次评选中的投票资格已被取消');
      if (d.used === 0) {
        const why = await ineligibility(
          campaign,
          async () => await tx.collection('users').doc(voter).get(),
          async (id) => await tx.collection('nodes').doc(id).get(),
        );
        if (why) throw new AppError('FORBIDDEN', why);
      }
      const used = d.used;
      if (used >= campaign.perDay) throw new AppError('RATE_LIMITED', `今天的 ${campaign.perDay} 票已经投完了，明天再来吧`);
      const forCandidate = votesFor(d, candidateId);
      if (forCandidate >= campaign.perCandidatePerDay) {
        throw new AppError('RATE_LIMITED', `每天最多给同一位候选人投 ${campaign.perCandidatePerDay} 票，明天再来为这位候选人加油吧`);
      }
      const gapMs = campaign.minGapSeconds * 1000;
      if (used > 0 && gapMs > 0 && now - d.lastAt < gapMs) {
        throw new AppError('RATE_LIMITED', `投票太快了，请 ${Math.ceil((gapMs - (now - d.lastAt)) / 1000)} 秒后再投`);
      }

      const slot = used + 1;
      const vote: VoteDoc = { _id: slotId, campaignId: campaign._id, candidateId, voter, day, slot, requestId, at: now, valid: true };
      await tx.collection('votes').add(vote);
      const minute = Math.floor(now / 60_000);
      const { pace, burst } = nextPace(k.pace, minute, Math.floor(campaign.voteFrom / 60_000));
      counted = counterPatch(k.pace, pace, minute);
      if (burst) {
        const alert: AlertDoc = {
          _id: alertId(candidateId, pace.minute),
          campaignId: campaign._id,
          candidateId,
          no: k.no ?? 0,
          name: k.name,
          minute: pace.minute * 60_000,
          ...burst,
          createdAt: now,
        };
        await tx.collection('voteAlerts').add(alert);
        await tx.collection('campaigns').doc(campaign._id).update({ alertCount: cmd.inc(1) });
      }
      return {
        voteId: slotId,
        candidateId,
        replayed: false,
        day,
        leftToday: campaign.perDay - slot,
        leftForCandidate: Math.min(campaign.perDay - slot, campaign.perCandidatePerDay - forCandidate - 1),
        votes: votesShown ? k.votes + 1 : null,
      };
    });
    if (counted) await ctx.store.collection('candidates').doc(candidateId).update(counted);
    return result;
  } catch (e) {
    if (e instanceof StoreError && e.code === 'CONFLICT' && !replay && (await ctx.store.collection('votes').doc(slotId).get())) throw new SlotTaken();
    throw e;
  }
}
