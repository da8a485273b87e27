// What the mini program sees of campaigns, candidates, alerts and the audit log.
import type { z } from 'zod';
import type { AlertView, AuditView, CampaignSummary, CampaignViewT, CandidateCard, NominationView, VoteRow } from '../../../contracts/vote';
import type { AlertDoc, AuditDoc, CampaignDoc, CandidateDoc, VoteDoc } from './docs';
import type { Ctx } from '../../core/context';
import { readableUrlsOrNull } from '../../domain/uploads';
import { statusOf } from './rules';

export function campaignView(c: CampaignDoc, now: number, rankingVisible: boolean): CampaignViewT {
  return {
    id: c._id,
    title: c.title,
    description: c.description,
    cover: c.cover,
    scope: { nodeId: c.scopeNodeId, level: c.scopeLevel, name: c.scopeName },
    nominateFrom: c.nominateFrom,
    nominateUntil: c.nominateUntil,
    voteFrom: c.voteFrom,
    voteUntil: c.voteUntil,
    eligibility: c.eligibility,
    perDay: c.perDay,
    perCandidatePerDay: c.perCandidatePerDay,
    minGapSeconds: c.minGapSeconds,
    ranking: c.ranking,
    honorees: c.honorees,
    badge: c.badge,
    status: statusOf(c, now),
    candidates: c.approvedCount,
    rankingVisible,
    results: resultsOf(c),
  };
}

function resultsOf(c: CampaignDoc): CampaignViewT['results'] {
  if (!c.results) return null;
  const { confirmedAt, adjusted, reason, honorees } = c.results;
  return { confirmedAt, adjusted, reason, honorees };
}

export function campaignSummary(c: CampaignDoc, now: number): z.input<typeof CampaignSummary> {
  return {
    id: c._id,
    title: c.title,
    cover: c.cover,
    scope: { nodeId: c.scopeNodeId, level: c.scopeLevel, name: c.scopeName },
    status: statusOf(c, now),
    nominateFrom: c.nominateFrom,
    nominateUntil: c.nominateUntil,
    voteFrom: c.voteFrom,
    voteUntil: c.voteUntil,
    results: resultsOf(c),
  };
}

const firstPhoto = (k: Pick<CandidateDoc, 'photos'>) => k.photos.find((p) => p.status === 'approved')?.fileId;

/** What a candidate's card reads (candidate lists ask the store for these fields only). */
export type CandidateCardRow = Pick<CandidateDoc, '_id' | 'no' | 'name' | 'unitName' | 'photos' | 'votes'>;

export function candidateCard(k: CandidateCardRow, votesVisible: boolean): z.input<typeof CandidateCard> {
  return { id: k._id, no: k.no ?? 0, name: k.name, unitName: k.unitName, photo: firstPhoto(k), votes: votesVisible ? k.votes : null };
}

/**
 * Nominations as their nominator, the 邻长 and the 管理员 reviewing see them: photos not yet
 * public (pending, or turned down) are shown through short-lived addresses, granted here to
 * whoever the handler let see the nomination.
 */
export async function nominationViews(ctx: Ctx, docs: readonly CandidateDoc[]): Promise<z.input<typeof NominationView>[]> {
  const ids = docs.flatMap((k) => k.photos.map((p) => p.fileId));
  const srcs = await readableUrlsOrNull(ctx, ids);
  let i = 0;
  // A photo whose file is gone keeps its id as src (shown as a broken image; the 管理员 can still turn it down).
  return docs.map((k) => nominationView(k, k.photos.map((p) => srcs[i++] ?? p.fileId)));
}

export async function oneNominationView(ctx: Ctx, k: CandidateDoc): Promise<z.input<typeof NominationView>> {
  return (await nominationViews(ctx, [k]))[0];
}

function nominationView(k: CandidateDoc, srcs: readonly string[]): z.input<typeof NominationView> {
  return {
    id: k._id,
    campaignId: k.campaignId,
    kind: k.kind,
    status: k.status,
    no: k.no,
    name: k.name,
    unitId: k.unitId,
    unitName: k.unitName,
    story: k.story,
    photos: k.photos.map((p, i) => ({ fileId: p.fileId, status: p.status, src: srcs[i] })),
    nominatorName: k.nominatorName,
    recommendation: k.recommendation,
    reason: k.reason,
    createdAt: k.createdAt,
    reviewedAt: k.reviewedAt,
  };
}

export const alertView = (a: AlertDoc): z.input<typeof AlertView> => ({
  id: a._id,
  candidateId: a.candidateId,
  no: a.no,
  name: a.name,
  minute: a.minute,
  votes: a.votes,
  baseline: a.baseline,
  createdAt: a.createdAt,
});

export const auditView = (a: AuditDoc): z.input<typeof AuditView> => ({
  id: a._id,
  action: a.action,
  byName: a.byName,
  reason: a.reason,
  summary: a.summary,
  count: a.count,
  done: a.done,
  at: a.at,
});

export const voteRow = (v: VoteDoc): z.input<typeof VoteRow> => ({
  id: v._id,
  candidateId: v.candidateId,
  voter: v.voter,
  at: v.at,
  valid: v.valid,
  voidReason: v.voidReason,
});
