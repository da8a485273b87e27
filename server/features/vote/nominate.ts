// Nominations (组织推荐, 群众推荐, 个人自荐) and their review. A candidacy is one document
// per person and campaign (deterministic id), so a second nomination of the same 邻长 finds
// the first. Approval gives the next 编号 from the campaign's counter in the same
// transaction, so two 管理员 approving at once never give the same number.
import { present } from '../../store/port';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { publishFiles, requireOwnedFiles } from '../../domain/uploads';
import { rateLimit } from '../../core/rate-limit';
import { phrase, TEMPLATES, thing } from '../../core/templates';
import type { NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import { grantsOf } from '../../domain/scope';
import type { Transaction } from '../../store/port';
import { candidateIdFor, type AuditDoc, type CampaignDoc, type CandidateDoc, type PhotoDoc } from './docs';
import { checkText } from './campaigns';
import { ineligibility, requireNominationOpen } from './rules';

/** Approved candidates per campaign. */
export const MAX_CANDIDATES = 500;

/** Takes the next 编号 and lists the candidate as approved, inside the caller's transaction. */
async function approveInTx(tx: Transaction, campaignId: string, k: CandidateDoc): Promise<number> {
  const ref = tx.collection('campaigns').doc(campaignId);
  const c = await present(ref.get(), 'the campaign');
  if (c.approvedCount >= MAX_CANDIDATES) throw new AppError('CONFLICT', `一次评选最多 ${MAX_CANDIDATES} 位候选人`);
  // A candidate approved again after a disqualification keeps their 编号.
  const no = k.no ?? c.lastNo + 1;
  await ref.update({ lastNo: Math.max(c.lastNo, no), approvedCount: c.approvedCount + 1 });
  return no;
}

function inScope(c: CampaignDoc, unit: NodeDoc): void {
  if (unit.at[c.scopeLevel] !== c.scopeNodeId) throw new AppError('INVALID_INPUT', `这位邻长不在本次评选的范围（${c.scopeName}）内`);
  if (!unit.lead) throw new AppError('NOT_FOUND', '这个邻目前没有邻长');
}

interface Nomination {
  kind: CandidateDoc['kind'];
  story: string;
  photos: string[];
}

/** Writes the nomination; an admin's (组织推荐) is approved and numbered at once. */
async function submit(ctx: Ctx, c: CampaignDoc, unit: NodeDoc, n: Nomination): Promise<CandidateDoc> {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  const lead = unit.lead!;
  const byAdmin = n.kind === 'org';
  // Photos must be the caller's own uploads; a 管理员's are approved at once (their copies in pub/, shown to every voter).
  await requireOwnedFiles(ctx, n.photos, 'photo');
  const nominatorName = (await ctx.user())?.name || undefined;
  const shown = byAdmin ? await publishFiles(ctx, n.photos) : n.photos;
  const photos: PhotoDoc[] = shown.map((fileId) => ({ fileId, status: byAdmin ? 'approved' : 'pending' }));
  const fresh: CandidateDoc = {
    _id: candidateIdFor(c._id, lead.id),
    campaignId: c._id,
    kind: n.kind,
    status: 'pending',
    votes: 0,
    unitId: unit._id,
    unitName: unit.name,
    at: unit.at,
    leadId: lead.id,
    leadOpenid: lead.openid ?? null,
    name: lead.name,
    story: n.story,
    photos,
    nominatedBy: openid,
    ...(nominatorName ? { nominatorName } : {}),
    createdAt: now,
  };
  return ctx.store.transaction(async (tx) => {
    const ref = tx.collection('candidates').doc(fresh._id);
    const cur = await ref.get();
    if (cur?.status === 'approved') throw new AppError('CONFLICT', `${cur.name}已经是候选人（${cur.no}号），可以直接为${cur.name}投票`);
    if (cur?.status === 'pending' && n.kind === 'public') throw new AppError('CONFLICT', `${cur.name}的提名正在审核中，审核通过后就可以为${cur.name}投票`);
    // A pending or rejected candidacy is replaced: by the 邻长's own application, by the
    // 管理员's nomination, or (after a rejection) by a new recommendation. Votes stay (0).
    const doc: CandidateDoc = { ...fresh, votes: cur?.votes ?? 0, ...(cur?.no ? { no: cur.no } : {}) };
    // A resident's pending recommendation is not lost: they still find it under 我的提名 and
    // hear the result; their words (and, for the 邻长's own application, their photos, still
    // to be reviewed) go with the new nomination.
    const taken = cur?.status === 'pending' && cur.kind === 'public' && cur.nominatedBy !== openid ? cur : null;
    if (taken) {
      Object.assign(doc, {
        nominatedBy: taken.nominatedBy,
        nominatorName: taken.nominatorName,
        recommendation: { story: taken.story, ...(taken.nominatorName ? { nominatorName: taken.nominatorName } : {}) },
        ...(byAdmin ? {} : { photos: [...photos, ...taken.photos.filter((p) => !photos.some((q) => q.fileId === p.fileId))].slice(0, 6) }),
      });
      if (!doc.nominatorName) delete doc.nominatorName;
    }
    if (byAdmin) Object.assign(doc, { status: 'approved', no: await approveInTx(tx, c._id, doc), reviewedAt: now, reviewedBy: openid });
    if (cur) await ref.set(doc);
    else await tx.collection('candidates').add(doc);
    return doc;
  });
}

export async function recommend(ctx: Ctx, c: CampaignDoc, unitId: string, story: string, photos: string[]): Promise<CandidateDoc> {
  const openid = ctx.openid();
  requireNominationOpen(c, ctx.clock.now());
  const why = await ineligibility(c, () => ctx.user(), async (id) => await ctx.store.collection('nodes').doc(id).get());
  if (why) throw new AppError('FORBIDDEN', why);
  const unit = await getNode(ctx.store, unitId, ['unit']);
  inScope(c, unit);
  await checkText(ctx, story, '推荐理由');
  await rateLimit(ctx, `vote-recommend:${openid}`, 10, 24 * 3600_000, '今天推荐的次数已经很多了，明天再来吧');
  return submit(ctx, c, unit, { kind: 'public', story, photos });
}

export async function applySelf(ctx: Ctx, c: CampaignDoc, unitId: string | undefined, story: string, photos: string[]): Promise<CandidateDoc> {
  requireNominationOpen(c, ctx.clock.now());
  const mine = (await grantsOf(ctx, ['neighbourLead'])).filter((g) => !unitId || g.nodeId === unitId);
  // A 邻长 of several 邻 takes the first one inside the campaign's scope.
  let unit: NodeDoc | null = null;
  for (const g of mine) {
    const n = await getNode(ctx.store, g.nodeId, ['unit']);
    if (n.at[c.scopeLevel] === c.scopeNodeId) {
      unit = n;
      break;
    }
  }
  if (!unit) throw new AppError('INVALID_INPUT', `您担任邻长的邻不在本次评选的范围（${c.scopeName}）内`);
  inScope(c, unit);
  await checkText(ctx, story, '个人事迹');
  return submit(ctx, c, unit, { kind: 'self', story, photos });
}

export async function nominateByAdmin(ctx: Ctx, c: CampaignDoc, unitId: string, story: string, photos: string[]): Promise<CandidateDoc> {
  if (ctx.clock.now() >= c.voteUntil) throw new AppError('CLOSED', '投票已经结束，不能再提名');
  const unit = await getNode(ctx.store, unitId, ['unit']);
  inScope(c, unit);
  await checkText(ctx, story, '推荐理由');
  return submit(ctx, c, unit, { kind: 'org', story, photos });
}

export async function loadCandidate(ctx: Ctx, id: string): Promise<CandidateDoc> {
  const k = await ctx.store.collection('candidates').doc(id).get();
  if (!k) throw new AppError('NOT_FOUND', '没有找到这位候选人');
  return k;
}

/**
 * Approve (with the next 编号; photos not named in rejectPhotos are approved) or reject a
 * pending nomination; rejecting an approved candidate disqualifies them (取消资格, logged):
 * they leave the ranking, their votes stay on record.
 */
export async function review(
  ctx: Ctx,
  c: CampaignDoc,
  k: CandidateDoc,
  decision: { approve: boolean; reason?: string; rejectPhotos: string[] },
): Promise<CandidateDoc> {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  if (decision.approve && now >= c.voteUntil) throw new AppError('CLOSED', '投票已经结束，不能再入围');
  if (c.results) throw new AppError('CLOSED', '结果已经确认，不能再更改候选人');
  // Approved photos are shown to every voter: copied into pub/ first (outside the transaction), stored by their copies' ids.
  const approving = decision.approve && k.status === 'pending' ? k.photos.map((p) => p.fileId).filter((f) => !decision.rejectPhotos.includes(f)) : [];
  const copies = await publishFiles(ctx, approving);
  const published = new Map(approving.map((f, i) => [f, copies[i]]));
  const result = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('candidates').doc(k._id);
    const cur = await present(ref.get(), 'the candidate');
    const stamp = { reviewedAt: now, reviewedBy: openid, ...(decision.reason ? { reason: decision.reason } : {}) };
    if (decision.approve) {
      if (cur.status === 'approved') throw new AppError('CONFLICT', '这位候选人已经审核通过了');
      const photos = cur.photos.map((p): PhotoDoc => (decision.rejectPhotos.includes(p.fileId) ? { ...p, status: 'rejected' } : { fileId: published.get(p.fileId) ?? '', status: 'approved' }));
      if (photos.some((p) => p.fileId === '')) throw new AppError('CONFLICT', '这条提名刚刚有了变化，请刷新后再审核');
      const no = await approveInTx(tx, c._id, cur);
      const next = { ...cur, ...stamp, status: 'approved' as const, no, photos };
      await ref.set(next);
      return { doc: next, disqualified: false };
    }
    if (cur.status === 'rejected') throw new AppError('CONFLICT', '这条提名已经是未通过状态');
    const wasApproved = cur.status === 'approved';
    if (wasApproved) {
      const cref = tx.collection('campaigns').doc(c._id);
      const camp = await present(cref.get(), 'the campaign');
      await cref.update({ approvedCount: camp.approvedCount - 1 });
    }
    const next = { ...cur, ...stamp, status: 'rejected' as const };
    await ref.set(next);
    return { doc: next, disqualified: wasApproved };
  });
  if (result.disqualified) {
    const audit: Omit<AuditDoc, '_id'> = {
      campaignId: c._id,
      action: 'disqualify',
      by: openid,
      byName: (await ctx.user())?.name || '管理员',
      reason: decision.reason ?? '',
      summary: `取消 ${k.no}号 ${k.name} 的候选资格（已得 ${result.doc.votes} 票保留在记录中）`,
      target: { candidateId: k._id },
      count: 0,
      done: true,
      at: now,
    };
    await ctx.store.collection('voteAudit').add(audit);
  }
  if (k.nominatedBy && k.nominatedBy !== openid && !result.disqualified) {
    await ctx.notifier.send({
      touser: k.nominatedBy,
      templateId: TEMPLATES.reviewResult,
      page: `vote/mine?campaignId=${c._id}`,
      data: {
        phrase1: phrase(decision.approve ? '已入围' : '未通过'),
        thing2: thing(`${c.title}：${k.name}`),
        thing3: thing(decision.approve ? `编号 ${result.doc.no} 号，快去拉票吧` : (decision.reason ?? '感谢您的参与')),
      },
    });
  }
  return result.doc;
}
