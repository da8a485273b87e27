// The ranking (read from the candidates' counters only, never from the votes, so its cost
// does not grow with the number of votes) and the confirmation of the honorees.
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Honour } from '../../domain/docs';
import { withHonours } from '../../domain/grants';
import { cmd, MAX_LIMIT, type Query, present } from '../../store/port';
import type { AuditDoc, CampaignDoc, CandidateDoc, Honoree } from './docs';
import { reconcileCounters } from './tally';

/** Index candidates.campaign_rank: campaignId, status, votes desc, no asc. */
export const rankingQuery = (ctx: Ctx, campaignId: string): Query<CandidateDoc> =>
  ctx.store.collection('candidates').where({ campaignId, status: 'approved' }).orderBy('votes', 'desc').orderBy('no', 'asc');

/** Competition ranks (1, 2, 2, 4) for rows that follow `skip` others. */
export async function withRanks(ctx: Ctx, campaignId: string, rows: Pick<CandidateDoc, 'votes'>[], skip: number): Promise<number[]> {
  if (rows.length === 0) return [];
  let rank =
    skip === 0
      ? 1
      : (await ctx.store.collection('candidates').where({ campaignId, status: 'approved', votes: cmd.gt(rows[0].votes) }).count()) + 1;
  return rows.map((k, i) => {
    if (i > 0 && k.votes !== rows[i - 1].votes) rank = skip + i + 1;
    return rank;
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function confirmResults(ctx: Ctx, c: CampaignDoc, input: { honorees?: string[]; reason?: string }): Promise<CampaignDoc> {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  if (now < c.voteUntil) throw new AppError('CONFLICT', '投票结束后才能确认表彰名单');
  if (c.results) {
    // Confirming the same list again finishes the badges (if a first call stopped halfway).
    const ids = c.results.honorees.map((h) => h.candidateId);
    if (input.honorees && !sameSet([...new Set(input.honorees)], ids)) throw new AppError('CONFLICT', '表彰名单已经确认过了，不能再更改');
    await grantBadges(ctx, c, c.results.honorees);
    return c;
  }

  // The counters are the ranking: first make them exactly the valid votes (tally.ts).
  await reconcileCounters(ctx, c._id);
  const n = c.honorees;
  const top = await rankingQuery(ctx, c._id).limit(Math.min(MAX_LIMIT, n + 1)).get();
  const topRanks = await withRanks(ctx, c._id, top, 0);
  const defaultIds = top.slice(0, n).map((k) => k._id);
  let chosen: CandidateDoc[];
  let adjusted = false;
  if (input.honorees) {
    const ids = [...new Set(input.honorees)];
    chosen = await ctx.store
      .collection('candidates')
      .where({ _id: cmd.in(ids), campaignId: c._id, status: 'approved' })
      .get();
    if (chosen.length !== ids.length) throw new AppError('INVALID_INPUT', '名单中有不是本次入围候选人的人');
    adjusted = !sameSet(ids, defaultIds);
    if (adjusted && !input.reason) throw new AppError('INVALID_INPUT', '表彰名单与票数排名不一致，请写明调整的原因');
  } else {
    if (top.length === 0) throw new AppError('CONFLICT', '本次评选没有入围的候选人');
    if (top.length > n && top[n - 1].votes === top[n].votes) {
      throw new AppError('CONFLICT', `第 ${n} 名和第 ${n + 1} 名票数相同（${top[n].votes} 票），请选定表彰名单并写明理由`);
    }
    chosen = top.slice(0, n);
  }
  chosen.sort((a, b) => b.votes - a.votes || (a.no ?? 0) - (b.no ?? 0));
  const honorees: Honoree[] = [];
  for (const k of chosen) {
    const i = top.findIndex((t) => t._id === k._id);
    const rank = i >= 0 ? topRanks[i] : (await withRanks(ctx, c._id, [k], 1))[0];
    honorees.push({ candidateId: k._id, leadId: k.leadId, leadOpenid: k.leadOpenid, no: k.no ?? 0, name: k.name, unitId: k.unitId, unitName: k.unitName, votes: k.votes, rank });
  }
  const results = { confirmedAt: now, confirmedBy: openid, adjusted, ...(adjusted && input.reason ? { reason: input.reason } : {}), honorees };

  // Claim the confirmation first: two 管理员 confirming at once cannot both write a list.
  await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('campaigns').doc(c._id);
    const cur = await present(ref.get(), 'the campaign');
    if (cur.results) throw new AppError('CONFLICT', '表彰名单已经确认过了');
    await ref.update({ results });
  });
  await grantBadges(ctx, c, honorees);
  const audit: Omit<AuditDoc, '_id'> = {
    campaignId: c._id,
    action: 'confirm',
    by: openid,
    byName: (await ctx.user())?.name || '管理员',
    reason: input.reason ?? '按票数排名',
    summary: `确认表彰 ${honorees.length} 人：${honorees.map((h) => `${h.no}号${h.name}`).join('、')}${adjusted ? '（与排名不同）' : ''}`,
    count: honorees.length,
    done: true,
    at: now,
  };
  await ctx.store.collection('voteAudit').add(audit);
  return { ...c, results };
}

/**
 * The badge goes on the 邻's lead snapshot (so card.get shows it, if the honoree still
 * leads that 邻), on the roster record, and on the person's user document (which the perks
 * read as "最美邻长"). Each step checks first, so running it again adds nothing twice.
 */
async function grantBadges(ctx: Ctx, c: CampaignDoc, honorees: Honoree[]): Promise<void> {
  const now = ctx.clock.now();
  for (const h of honorees) {
    await ctx.store.transaction(async (tx) => {
      const nodeRef = tx.collection('nodes').doc(h.unitId);
      const node = await nodeRef.get();
      if (node?.lead?.id === h.leadId && !(node.lead.honours ?? []).includes(c.badge)) {
        await nodeRef.update({ 'lead.honours': [...(node.lead.honours ?? []), c.badge] });
      }
      const leadRef = tx.collection('leads').doc(h.leadId);
      const lead = await leadRef.get();
      const honour: Honour = { campaignId: c._id, title: c.badge, at: now };
      if (lead && !(lead.honours ?? []).some((x) => x.campaignId === c._id)) await leadRef.update({ honours: withHonours(lead.honours, [honour]) });
      const openid = lead?.openid ?? h.leadOpenid;
      if (openid) {
        const userRef = tx.collection('users').doc(openid);
        const user = await userRef.get();
        if (user && !(user.honours ?? []).some((x) => x.campaignId === c._id)) await userRef.update({ honours: withHonours(user.honours, [honour]) });
      }
      await tx.collection('candidates').doc(h.candidateId).update({ honoured: true });
    });
  }
}
