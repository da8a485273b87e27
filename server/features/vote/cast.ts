// One vote, exactly once. A single store transaction (single-document operations only, as
// CloudBase allows) reads the voter's day document and the candidate, checks the requestId,
// the window, the day's quota, the per-candidate limit and the rate limit, then adds the
// vote with the id campaign:voter:day:slot, increments the candidate's counter (and its
// votes-per-minute pace) and writes the day document.
// - A duplicate tap or a retry (same requestId) finds its requestId there: original result.
// - Two devices at once both read the day document; only one commits (the local store
//   validates what it read; CloudBase aborts one of two writes to the same document), the
//   other runs again and sees the first. Should isolation ever fail, both would add the same
//   slot id and the second add would fail: a slot, hence a unit of quota, is taken once.
// Cost of an accepted vote: 3 reads (campaign, day document, candidate) and 3 writes (vote,
// candidate, day document), in one transaction; a refused or replayed one: 3 reads, no
// write. A voter's first vote of a day also reads the user (and, for a scope campaign, the
// 邻 of their household) to check eligibility; the day document then stands for it.
import { AppError } from '../../core/errors';
import type { Ctx } from '../../core/context';
import type { NodeDoc } from '../../domain/docs';
import { cmd, StoreError } from '../../store/port';
import type { UserDoc } from '../account/users';
import { alertId, quotaId, voteId, type AlertDoc, type CampaignDoc, type CandidateDoc, type Pace, type QuotaDoc, type VoteDoc } from './docs';
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

const countOf = (list: number[] | undefined, x: number) => (list ?? []).reduce((n, y) => (y === x ? n + 1 : n), 0);

/** What the caller has left today, from their day document (null: none yet today); candidates by 编号. */
export function leftOf(c: CampaignDoc, q: QuotaDoc | null, candidateNo?: number) {
  const leftToday = Math.max(0, c.perDay - (q?.used ?? 0));
  const forCandidate = candidateNo !== undefined ? Math.max(0, c.perCandidatePerDay - countOf(q?.cands, candidateNo)) : 0;
  return { leftToday, leftForCandidate: Math.min(leftToday, forCandidate) };
}

function replayOf(found: QuotaDoc | null, requestId: string, candidateNo: number | undefined): { voteId: string } | null {
  const i = found?.rids.indexOf(requestId) ?? -1;
  if (!found || i < 0) return null;
  if (found.cands[i] !== candidateNo) throw new AppError('CONFLICT', '这个请求编号已用于给另一位候选人投票');
  return { voteId: voteId(found.campaignId, found.voter, found.day, i + 1) };
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

/** Attempts when two taps of one voter collide on a slot id (the other tap committed first). */
const SLOT_ATTEMPTS = 3;

export async function castVote(ctx: Ctx, campaign: CampaignDoc, candidateId: string, requestId: string): Promise<CastResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await castOnce(ctx, campaign, candidateId, requestId);
    } catch (e) {
      // Only where isolation let both taps read the same day document (not the local store):
      // run again, now seeing the other vote. A CONFLICT that reaches the client is safe to
      // retry with the same requestId.
      if (!(e instanceof StoreError && e.code === 'CONFLICT') || attempt >= SLOT_ATTEMPTS) throw e;
    }
  }
}

async function castOnce(ctx: Ctx, campaign: CampaignDoc, candidateId: string, requestId: string): Promise<CastResult> {
  const voter = ctx.openid();
  const now = ctx.clock.now();
  const today = voteDay(now);
  const day = today.day;
  const qid = quotaId(campaign._id, voter, day);
  const yesterday = now - today.from < REPLAY_GRACE_MS ? voteDay(now - REPLAY_GRACE_MS).day : null;
  const votesShown = rankingPublic(campaign, now);

  return ctx.store.transaction(async (tx): Promise<CastResult> => {
    const quotas = tx.collection('voteQuotas');
    const candidateRef = tx.collection('candidates').doc(candidateId);
    const q = (await quotas.doc(qid).get()) as QuotaDoc | null;
    const k = (await candidateRef.get()) as CandidateDoc | null;
    const no = k?.campaignId === campaign._id ? k.no : undefined;
    let replay = replayOf(q, requestId, no);
    if (!replay && yesterday) replay = replayOf((await quotas.doc(quotaId(campaign._id, voter, yesterday)).get()) as QuotaDoc | null, requestId, no);
    if (replay) return { ...replay, candidateId, replayed: true, day, ...leftOf(campaign, q, no), votes: votesShown && k ? k.votes : null };

    requireVotingOpen(campaign, now);
    if (!k || no === undefined || k.status !== 'approved') throw new AppError('NOT_FOUND', '没有找到这位候选人');
    if (campaign.blocked.includes(voter)) throw new AppError('FORBIDDEN', '您在本次评选中的投票资格已被取消');
    if (!q) {
      const why = await ineligibility(
        campaign,
        async () => (await tx.collection('users').doc(voter).get()) as UserDoc | null,
        async (id) => (await tx.collection('nodes').doc(id).get()) as NodeDoc | null,
      );
      if (why) throw new AppError('FORBIDDEN', why);
    }
    const used = q?.used ?? 0;
    if (used >= campaign.perDay) throw new AppError('RATE_LIMITED', `今天的 ${campaign.perDay} 票已经投完了，明天再来吧`);
    const forCandidate = countOf(q?.cands, no);
    if (forCandidate >= campaign.perCandidatePerDay) {
      throw new AppError('RATE_LIMITED', `每天最多给同一位候选人投 ${campaign.perCandidatePerDay} 票，明天再来为TA加油吧`);
    }
    const gapMs = campaign.minGapSeconds * 1000;
    if (q && gapMs > 0 && now - q.lastAt < gapMs) {
      throw new AppError('RATE_LIMITED', `投票太快了，请 ${Math.ceil((gapMs - (now - q.lastAt)) / 1000)} 秒后再投`);
    }

    const slot = used + 1;
    const id = voteId(campaign._id, voter, day, slot);
    const vote: VoteDoc = { _id: id, campaignId: campaign._id, candidateId, voter, day, slot, requestId, at: now, valid: true };
    await tx.collection('votes').add(vote);
    const { pace, burst } = nextPace(k.pace, Math.floor(now / 60_000), Math.floor(campaign.voteFrom / 60_000));
    await candidateRef.update({ votes: cmd.inc(1), pace });
    const rids = [...(q?.rids ?? []), requestId];
    const cands = [...(q?.cands ?? []), no];
    if (q) await quotas.doc(qid).update({ used: slot, rids, cands, lastAt: now });
    else await quotas.add({ _id: qid, campaignId: campaign._id, voter, day, used: slot, rids, cands, lastAt: now } satisfies QuotaDoc);
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
      voteId: id,
      candidateId,
      replayed: false,
      day,
      leftToday: campaign.perDay - slot,
      leftForCandidate: Math.min(campaign.perDay - slot, campaign.perCandidatePerDay - forCandidate - 1),
      votes: votesShown ? k.votes + 1 : null,
    };
  });
}
