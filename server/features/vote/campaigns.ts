// Creating and editing campaigns, and finding them: by the 管理员 (their subtree) and by
// residents (the campaigns over where they live, for 首页).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { vote } from '../../../contracts/vote';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { matcher, scanByOffset, searchOf } from '../../core/search';
import { publishFiles, requireOwnedFiles } from '../../domain/uploads';
import type { NodeDoc } from '../../domain/docs';
import { ancestorIds, getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { cmd } from '../../store/port';
import type { CampaignDoc } from './docs';
import { defaultBadge } from './rules';

export async function loadCampaign(ctx: Ctx, id: string): Promise<CampaignDoc> {
  const c = await ctx.store.collection('campaigns').doc(id).get();
  if (!c) throw new AppError('NOT_FOUND', '没有找到这次评选');
  return c;
}

/** The campaign, if the caller is a 管理员 over its scope. */
export async function adminCampaign(ctx: Ctx, id: string): Promise<CampaignDoc> {
  const c = await loadCampaign(ctx, id);
  await requireScope(ctx, c.at, ['admin'], '这次评选不在您管辖的范围内');
  return c;
}

/** Whether a signed-in caller is a 管理员 over the campaign (reads the user once). */
export async function isCampaignAdmin(ctx: Ctx, c: CampaignDoc): Promise<boolean> {
  if (!ctx.caller.openid) return false;
  return (await grantsOf(ctx, ['admin'])).some((g) => g.level !== 'partner' && c.at[g.level] === g.nodeId);
}

export async function checkText(ctx: Ctx, text: string, what: string): Promise<void> {
  const verdict = await ctx.checker.checkText(text, { openid: ctx.openid(), scene: 1 });
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${what}含有不适宜的信息（${verdict.label}），请修改后再提交`);
}

type SaveInput = z.output<(typeof vote)['save']['input']>;
const RULE_FIELDS = ['nominateFrom', 'nominateUntil', 'voteFrom', 'voteUntil', 'eligibility', 'perDay', 'perCandidatePerDay', 'minGapSeconds', 'ranking'] as const;
const SCOPE_LEVELS = ['district', 'street', 'community', 'area'] as const;

export async function saveCampaign(ctx: Ctx, input: SaveInput): Promise<CampaignDoc> {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  const { id, scopeNodeId, badge, ...fields } = input;
  const existing = id ? await adminCampaign(ctx, id) : null;
  let scope: NodeDoc | null = null;
  if (existing) {
    if (existing.scopeNodeId !== scopeNodeId) throw new AppError('CONFLICT', '评选范围创建后不能更改；如需更改请新建一次评选');
    if (existing.results) throw new AppError('CLOSED', '结果已经确认，不能再修改');
    if (now >= existing.voteFrom) {
      const changed = RULE_FIELDS.filter((f) => existing[f] !== fields[f]);
      if (changed.length) throw new AppError('CONFLICT', '投票已经开始，投票时间和规则不能再改');
    }
  } else {
    scope = await getNode(ctx.store, scopeNodeId, [...SCOPE_LEVELS]);
    await requireScope(ctx, scope.at, ['admin'], '只能在您管辖的范围内发起评选');
  }
  if (fields.voteUntil <= now && existing?.voteUntil !== fields.voteUntil) {
    throw new AppError('INVALID_INPUT', '投票截止时间已经过去了');
  }
  await checkText(ctx, `${fields.title}\n${fields.description}`, '活动标题或说明');

  const { cover: picked, ...rest } = fields;
  if (picked) await requireOwnedFiles(ctx, [picked], 'photo', { kept: [existing?.cover] });
  const cover = picked ? (await publishFiles(ctx, [picked]))[0] : undefined; // its copy in pub/: everyone sees it
  const common = { ...rest, ...(cover ? { cover } : {}), badge: badge ?? defaultBadge(fields.voteUntil), updatedAt: now };
  if (existing) {
    // cover is optional: clearing it is a change too.
    await ctx.store.collection('campaigns').doc(existing._id).update({ ...common, cover: cover ?? cmd.unset() });
    const { cover: _old, ...kept } = existing;
    return { ...kept, ...common };
  }
  const s = scope as NodeDoc;
  const doc: CampaignDoc = {
    _id: 'v' + randomBytes(6).toString('hex'),
    ...common,
    scopeNodeId: s._id,
    scopeLevel: s.level,
    scopeName: s.name,
    at: s.at,
    lastNo: 0,
    approvedCount: 0,
    blocked: [],
    alertCount: 0,
    createdBy: openid,
    createdAt: now,
    results: null,
  };
  await ctx.store.collection('campaigns').add(doc);
  return doc;
}

/** The 管理员's campaigns: everything under their node, newest first. */
export async function listForAdmin(ctx: Ctx, { page, pageSize, q, from }: { page: number; pageSize: number; q?: string; from?: number }) {
  const grant = (await grantsOf(ctx, ['admin'])).find((g) => g.level !== 'partner');
  if (!grant) throw new AppError('FORBIDDEN');
  const query = ctx.store.collection('campaigns').where({ [`at.${grant.level}`]: grant.nodeId }).orderBy('createdAt', 'desc');
  const search = searchOf(q);
  if (search) {
    // A search walks the same indexed order (at.<level>, createdAt) in bounded batches, matching the title.
    const match = matcher(search);
    const found = await scanByOffset(query, (c) => match([c.title]), from, pageSize);
    return { items: found.items, total: found.items.length, next: found.next };
  }
  const [items, total] = await Promise.all([query.skip((page - 1) * pageSize).limit(pageSize).get() as Promise<CampaignDoc[]>, query.count()]);
  return { items, total };
}

const ANNOUNCED_SHOWN = 5;
/** A campaign whose voting ended stays on 首页 ("结果即将公布") this long while its results wait. */
export const AWAITING_RESULTS_MS = 30 * 24 * 3600_000;

/**
 * Campaigns over a place (its 邻 and every node above it): those still to vote on or whose
 * results are awaited (for 30 days after voting), and the latest with confirmed results. The
 * place is `nodeId`, else the caller's household, else the node of their first role.
 */
export async function campaignsOver(ctx: Ctx, nodeId: string | undefined, now: number) {
  let placeId = nodeId;
  if (!placeId && ctx.caller.openid) {
    const user = await ctx.user();
    placeId = user?.household?.unitId ?? user?.grants.find((g) => g.level !== 'partner')?.nodeId;
  }
  if (!placeId) return { place: null, ongoing: [], announced: [] };
  const place = await getNode(ctx.store, placeId);
  const campaigns = ctx.store.collection('campaigns');
  const over = { scopeNodeId: cmd.in(ancestorIds(place.at)) };
  const [ongoing, announced] = await Promise.all([
    campaigns
      .where({ ...over, voteUntil: cmd.gt(now - AWAITING_RESULTS_MS), 'results.confirmedAt': cmd.exists(false) })
      .orderBy('voteUntil', 'asc')
      .limit(ANNOUNCED_SHOWN)
      .get() as Promise<CampaignDoc[]>,
    campaigns
      .where({ ...over, voteUntil: cmd.lte(now), 'results.confirmedAt': cmd.exists(true) })
      .orderBy('voteUntil', 'desc')
      .limit(ANNOUNCED_SHOWN)
      .get() as Promise<CampaignDoc[]>,
  ]);
  return { place: { nodeId: place._id, name: place.name }, ongoing, announced };
}
