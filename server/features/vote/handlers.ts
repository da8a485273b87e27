import { vote } from '../../../contracts/vote';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { defineFunction } from '../../core/router';
import { cmd, type Filter } from '../../store/port';
import { adminCampaign, campaignsOver, isCampaignAdmin, listForAdmin, loadCampaign, saveCampaign } from './campaigns';
import { castVote, leftOf, voterDay } from './cast';
import { votesOfVoter, type AlertDoc, type AuditDoc, type CampaignDoc, type CandidateDoc } from './docs';
import { voidVotes } from './fraud';
import { applySelf, loadCandidate, nominateByAdmin, recommend, review } from './nominate';
import { confirmResults, rankingQuery, withRanks } from './results';
import { ineligibility, rankingPublic, voteDay, windowClosed } from './rules';
import { alertView, auditView, campaignSummary, campaignView, candidateCard, nominationViews, oneNominationView, voteRow } from './views';

/** Ranking shown to this caller now: public by the campaign's rule, or to its 管理员 always. */
const rankingVisible = async (ctx: Ctx, c: CampaignDoc, now: number) => rankingPublic(c, now) || (await isCampaignAdmin(ctx, c));

/** The caller's votes today, for the vote button: one read of their day's votes while voting. */
async function myVotes(ctx: Ctx, c: CampaignDoc, now: number, candidateId?: string) {
  const { day } = voteDay(now);
  const no = (reason: string) => ({ signedIn: !!ctx.caller.openid, canVote: false, reason, byQuota: false, day, leftToday: 0, leftForCandidate: 0 });
  const openid = ctx.caller.openid;
  if (!openid) return { ...no('登录后才能投票'), leftToday: c.perDay, leftForCandidate: c.perCandidatePerDay };
  const closed = windowClosed(c, now);
  if (closed) return no(closed);
  if (c.blocked.includes(openid)) return no('您在本次评选中的投票资格已被取消');
  const d = await voterDay(ctx, c._id, openid, day);
  if (d.used === 0) {
    const why = await ineligibility(c, () => ctx.user(), async (id) => await ctx.store.collection('nodes').doc(id).get());
    if (why) return no(why);
  }
  const left = leftOf(c, d, candidateId);
  const used = left.leftToday === 0 ? '今天的票已经投完了，明天再来吧' : candidateId !== undefined && left.leftForCandidate === 0 ? '今天给这位候选人的票已经投满了，明天再来吧' : undefined;
  return { signedIn: true, canVote: !used, ...(used ? { reason: used } : {}), byQuota: true, day, ...left };
}

const isDigits = (s: string) => /^\d{1,6}$/.test(s);
/** What a candidate card shows (the story stays behind: up to 800 characters a candidate). */
const CARD_FIELDS = ['no', 'name', 'unitName', 'photos', 'votes'] as const;

export const voteFunction = defineFunction('vote', vote, {
  async save(ctx, input) {
    const c = await saveCampaign(ctx, input);
    noteAudit(ctx, { at: c.at, subject: c._id, after: input.id ? [] : [c._id] });
    return { campaign: campaignView(c, ctx.clock.now(), true) };
  },

  async list(ctx, input) {
    const now = ctx.clock.now();
    const { items, ...rest } = await listForAdmin(ctx, input);
    return { items: items.map((c) => campaignSummary(c, now)), ...rest, page: input.page, pageSize: input.pageSize };
  },

  async overview(ctx, { campaignId }) {
    const c = await adminCampaign(ctx, campaignId);
    const candidates = ctx.store.collection('candidates');
    const [pending, rejected] = await Promise.all([
      candidates.where({ campaignId, status: 'pending' }).count(),
      candidates.where({ campaignId, status: 'rejected' }).count(),
    ]);
    return {
      campaign: campaignView(c, ctx.clock.now(), true),
      counts: { pending, approved: c.approvedCount, rejected, alerts: c.alertCount, blocked: c.blocked.length },
    };
  },

  async announcements(ctx, { nodeId }) {
    const now = ctx.clock.now();
    const { place, ongoing, announced } = await campaignsOver(ctx, nodeId, now);
    return { place, ongoing: ongoing.map((c) => campaignSummary(c, now)), announced: announced.map((c) => campaignSummary(c, now)) };
  },

  async campaign(ctx, { campaignId, keyword, page, pageSize }) {
    const now = ctx.clock.now();
    const c = await loadCampaign(ctx, campaignId);
    const visible = await rankingVisible(ctx, c, now);
    // Search by 编号 (digits) or by the start of a name (a range on the name index).
    let filter: Filter = { campaignId, status: 'approved' };
    if (keyword && isDigits(keyword)) filter = { ...filter, no: Number(keyword) };
    else if (keyword) filter = { ...filter, name: cmd.both(cmd.gte(keyword), cmd.lt(`${keyword}\uffff`)) };
    const query = ctx.store.collection('candidates').where(filter);
    const [rows, total, me] = await Promise.all([
      query.orderBy('no', 'asc').skip((page - 1) * pageSize).limit(pageSize).field(CARD_FIELDS).get(),
      keyword ? query.count() : Promise.resolve(c.approvedCount),
      myVotes(ctx, c, now),
    ]);
    const { leftForCandidate: _unused, ...meToday } = me;
    return {
      campaign: campaignView(c, now, visible),
      me: meToday,
      candidates: { items: rows.map((k) => candidateCard(k, visible)), total, page, pageSize },
    };
  },

  async candidate(ctx, { candidateId }) {
    const now = ctx.clock.now();
    const k = await loadCandidate(ctx, candidateId);
    const c = await loadCampaign(ctx, k.campaignId);
    if (k.status !== 'approved') {
      const own = !!ctx.caller.openid && (k.nominatedBy === ctx.caller.openid || k.leadOpenid === ctx.caller.openid);
      if (!own && !(await isCampaignAdmin(ctx, c))) throw new AppError('NOT_FOUND', '这位候选人还没有通过审核');
    }
    const visible = await rankingVisible(ctx, c, now);
    const me = await myVotes(ctx, c, now, k._id);
    return {
      campaign: { ...campaignSummary(c, now), rankingVisible: visible, perCandidatePerDay: c.perCandidatePerDay },
      candidate: {
        ...candidateCard(k, visible),
        story: k.story,
        photos: k.photos.filter((p) => p.status === 'approved').map((p) => p.fileId),
        kind: k.kind,
        honoured: !!k.honoured,
      },
      me: k.status === 'approved' ? me : { ...me, canVote: false, reason: '审核通过后才能投票', leftForCandidate: 0 },
      shareTitle: k.no ? `请为${k.no}号 ${k.name} 投上一票｜${c.title}` : `${k.name}｜${c.title}`,
    };
  },

  async leaderboard(ctx, { campaignId, page, pageSize }) {
    const now = ctx.clock.now();
    const c = await loadCampaign(ctx, campaignId);
    const frozen = now >= c.voteUntil;
    const total = c.approvedCount;
    if (!(await rankingVisible(ctx, c, now))) return { visible: false, frozen, items: [], total, page, pageSize };
    const skip = (page - 1) * pageSize;
    const rows = await rankingQuery(ctx, campaignId).skip(skip).limit(pageSize).field(CARD_FIELDS).get();
    const ranks = await withRanks(ctx, campaignId, rows, skip);
    return { visible: true, frozen, items: rows.map((k, i) => ({ ...candidateCard(k, true), votes: k.votes, rank: ranks[i] })), total, page, pageSize };
  },

  async cast(ctx, { campaignId, candidateId, requestId }) {
    return castVote(ctx, await loadCampaign(ctx, campaignId), candidateId, requestId);
  },

  async recommend(ctx, { campaignId, unitId, story, photos }) {
    return { nomination: await oneNominationView(ctx, await recommend(ctx, await loadCampaign(ctx, campaignId), unitId, story, photos)) };
  },

  async apply(ctx, { campaignId, unitId, story, photos }) {
    return { nomination: await oneNominationView(ctx, await applySelf(ctx, await loadCampaign(ctx, campaignId), unitId, story, photos)) };
  },

  async nominate(ctx, { campaignId, unitId, story, photos }) {
    const k = await nominateByAdmin(ctx, await adminCampaign(ctx, campaignId), unitId, story, photos);
    noteAudit(ctx, { subject: k._id, after: [k._id] });
    return { nomination: await oneNominationView(ctx, k) };
  },

  async mine(ctx, { campaignId }) {
    const openid = ctx.openid();
    const candidates = ctx.store.collection('candidates');
    const [mine, own] = await Promise.all([
      candidates.where({ campaignId, nominatedBy: openid }).orderBy('createdAt', 'desc').limit(20).get() as Promise<CandidateDoc[]>,
      candidates.where({ campaignId, leadOpenid: openid }).limit(1).get() as Promise<CandidateDoc[]>,
    ]);
    return { nominations: await nominationViews(ctx, mine), candidacy: own[0] ? await oneNominationView(ctx, own[0]) : null };
  },

  async nominations(ctx, { campaignId, status, page, pageSize }) {
    await adminCampaign(ctx, campaignId);
    const query = ctx.store.collection('candidates').where({ campaignId, status });
    const [rows, total] = await Promise.all([
      query.orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get() as Promise<CandidateDoc[]>,
      query.count(),
    ]);
    return { items: await nominationViews(ctx, rows), total, page, pageSize };
  },

  async review(ctx, { candidateId, approve, reason, rejectPhotos }) {
    const k = await loadCandidate(ctx, candidateId);
    const c = await adminCampaign(ctx, k.campaignId);
    const reviewed = await review(ctx, c, k, { approve, reason, rejectPhotos });
    noteAudit(ctx, { at: c.at, subject: k._id });
    return { nomination: await oneNominationView(ctx, reviewed) };
  },

  async alerts(ctx, { campaignId, page, pageSize }) {
    await adminCampaign(ctx, campaignId);
    const query = ctx.store.collection('voteAlerts').where({ campaignId });
    const [rows, total] = await Promise.all([
      query.orderBy('minute', 'desc').skip((page - 1) * pageSize).limit(pageSize).get() as Promise<AlertDoc[]>,
      query.count(),
    ]);
    return { items: rows.map(alertView), total, page, pageSize };
  },

  async votes(ctx, { campaignId, candidateId, voter, from, until, voided, page, pageSize }) {
    await adminCampaign(ctx, campaignId);
    const range = from !== undefined && until !== undefined ? cmd.both(cmd.gte(from), cmd.lt(until)) : from !== undefined ? cmd.gte(from) : until !== undefined ? cmd.lt(until) : undefined;
    // A candidate's votes by their index (candidate_valid_at); a voter's by their ids.
    const filter: Filter = candidateId ? { candidateId, campaignId, valid: !voided, at: range } : { ...votesOfVoter(campaignId, voter as string), valid: !voided, at: range };
    const rows = await ctx.store
      .collection('votes')
      .where(filter)
      .orderBy('at', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize + 1)
      .get();
    return { items: rows.slice(0, pageSize).map(voteRow), page, pageSize, hasMore: rows.length > pageSize };
  },

  async void(ctx, { campaignId, target, reason, auditId }) {
    const c = await adminCampaign(ctx, campaignId);
    const { audit, more } = await voidVotes(ctx, c, { target, reason, auditId });
    // before: the votes voided (fraud.ts notes them); after: the 作废记录 that lists them.
    noteAudit(ctx, { at: c.at, subject: c._id, after: [audit._id] });
    return { audit: auditView(audit), more };
  },

  async audit(ctx, { campaignId, page, pageSize }) {
    await adminCampaign(ctx, campaignId);
    const query = ctx.store.collection('voteAudit').where({ campaignId });
    const [rows, total] = await Promise.all([
      query.orderBy('at', 'desc').skip((page - 1) * pageSize).limit(pageSize).get() as Promise<AuditDoc[]>,
      query.count(),
    ]);
    return { items: rows.map(auditView), total, page, pageSize };
  },

  async confirm(ctx, { campaignId, honorees, reason }) {
    const c = await confirmResults(ctx, await adminCampaign(ctx, campaignId), { honorees, reason });
    noteAudit(ctx, { at: c.at, subject: c._id, after: honorees });
    return { campaign: campaignView(c, ctx.clock.now(), true) };
  },
});
