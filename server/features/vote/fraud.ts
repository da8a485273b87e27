// Voiding votes. Each vote is re-read and flipped to invalid in a transaction (a vote voided
// twice — two 管理员, or a retried call — is flipped once); the candidates' counters are
// decremented right after the commit by exactly the votes that transaction flipped, outside
// it, as votes increment them (cast.ts): a void inside the counter's transaction would
// conflict with every vote for that candidate in the meantime, and a popular candidate
// could not be voided while voting goes on. Should a call die between the commit and the
// decrement, the results' recount (tally.ts) puts it right. Voided votes keep their day's
// quota (or a cheater would simply vote again). Every void is one audit document; a large
// one runs in calls that each stop starting work once their share of the vote function's
// timeout is spent (server/core/budget.ts), continued with the audit id.
import type { z } from 'zod';
import type { VoidTarget } from '../../../contracts/vote';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { noteAuditIds } from '../../domain/audit';
import { maskName } from '../../core/mask';
import { workDeadline } from '../../core/budget';
import { formatBeijing } from '../../core/time';
import { cmd, MAX_LIMIT, type Filter, present } from '../../store/port';
import { votesOfVoter, type AuditDoc, type CampaignDoc } from './docs';

export const VOID_PER_CALL = 2000;
/** Votes per transaction (each is a read and a write, plus one decrement per candidate). */
const VOID_CHUNK = 25;

type Target = z.output<typeof VoidTarget>;

const maskVoter = (openid: string) => (openid.length <= 8 ? maskName(openid) : `${openid.slice(0, 4)}…${openid.slice(-4)}`);

async function describeTarget(ctx: Ctx, c: CampaignDoc, t: Target): Promise<{ filter: Filter; label: string }> {
  if (t.kind === 'voter') {
    return { filter: { ...votesOfVoter(c._id, t.voter), valid: true }, label: `投票人 ${maskVoter(t.voter)} 的` };
  }
  const k = await ctx.store.collection('candidates').doc(t.candidateId).get();
  if (!k || k.campaignId !== c._id) throw new AppError('NOT_FOUND', '没有找到这位候选人');
  return {
    filter: { candidateId: t.candidateId, valid: true, at: cmd.both(cmd.gte(t.from), cmd.lt(t.until)) },
    label: `${k.no ?? ''}号 ${k.name} 在 ${formatBeijing(t.from, 'MM-DD HH:mm:ss')} 至 ${formatBeijing(t.until, 'MM-DD HH:mm:ss')} 得到的`,
  };
}

/** Voids up to `ids.length` votes in one transaction, then takes them off their counters; returns how many were still valid. */
async function voidChunk(ctx: Ctx, ids: string[], audit: AuditDoc, now: number): Promise<number> {
  const perCandidate = await ctx.store.transaction(async (tx) => {
    const votes = tx.collection('votes');
    const flipped = new Map<string, number>();
    for (const id of ids) {
      const v = await votes.doc(id).get();
      if (!v?.valid) continue;
      await votes.doc(id).update({ valid: false, voidedAt: now, voidAuditId: audit._id, voidReason: audit.reason });
      flipped.set(v.candidateId, (flipped.get(v.candidateId) ?? 0) + 1);
    }
    return flipped;
  });
  for (const [candidateId, n] of perCandidate) await ctx.store.collection('candidates').doc(candidateId).update({ votes: cmd.inc(-n) });
  return [...perCandidate.values()].reduce((a, b) => a + b, 0);
}

/** Chunks of one batch voided at once (different votes: their transactions do not meet). */
const PARALLEL_CHUNKS = 4;

export async function voidVotes(
  ctx: Ctx,
  c: CampaignDoc,
  input: { target: Target; reason: string; auditId?: string },
): Promise<{ audit: AuditDoc; more: boolean }> {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  if (c.results) throw new AppError('CLOSED', '结果已经确认，不能再作废选票');
  const audits = ctx.store.collection('voteAudit');

  let audit: AuditDoc;
  let target = input.target;
  if (input.auditId) {
    const found = await audits.doc(input.auditId).get();
    if (!found || found.campaignId !== c._id || found.action !== 'void') throw new AppError('NOT_FOUND', '没有找到这条作废记录');
    if (found.done) return { audit: found, more: false };
    audit = found;
    target = found.target as Target;
  } else {
    audit = {
      _id: '',
      campaignId: c._id,
      action: 'void',
      by: openid,
      byName: (await ctx.user())?.name || '管理员',
      reason: input.reason,
      summary: '正在作废…',
      target: target as unknown as Record<string, unknown>,
      count: 0,
      done: false,
      at: now,
    };
  }
  const { filter, label } = await describeTarget(ctx, c, target);
  if (!input.auditId) {
    const { _id: _none, ...fields } = audit;
    audit._id = await audits.add(fields);
  }
  if (target.kind === 'voter' && target.block) {
    await ctx.store.transaction(async (tx) => {
      const ref = tx.collection('campaigns').doc(c._id);
      const cur = await present(ref.get(), 'the campaign');
      if (!cur.blocked.includes(target.voter)) await ref.update({ blocked: [...cur.blocked, target.voter] });
    });
  }

  // Voided votes drop out of the filter, so each round reads the next ones from the start.
  const stopBy = workDeadline('vote');
  let voided = 0;
  let more = false;
  for (;;) {
    const batch = (await ctx.store.collection('votes').where(filter).limit(MAX_LIMIT).field(['_id']).get()).map((d) => d._id);
    if (batch.length === 0) break;
    if (voided >= VOID_PER_CALL || Date.now() >= stopBy) {
      more = true;
      break;
    }
    let n = 0;
    for (let i = 0; i < batch.length; i += VOID_CHUNK * PARALLEL_CHUNKS) {
      const chunks = [];
      for (let j = i; j < Math.min(batch.length, i + VOID_CHUNK * PARALLEL_CHUNKS); j += VOID_CHUNK) chunks.push(batch.slice(j, j + VOID_CHUNK));
      n += (await Promise.all(chunks.map((ids) => voidChunk(ctx, ids, audit, now)))).reduce((a, b) => a + b, 0);
    }
    voided += n;
    noteAuditIds(ctx, { before: batch });
    if (n > 0) await audits.doc(audit._id).update({ count: cmd.inc(n) });
    if (batch.length < MAX_LIMIT || n === 0) break;
  }
  const count = audit.count + voided;
  const blocked = target.kind === 'voter' && target.block ? '，并取消其本次投票资格' : '';
  const summary = `作废${label} ${count} 张选票${blocked}${more ? '（未完，请继续）' : ''}`;
  await audits.doc(audit._id).update({ summary, done: !more });
  return { audit: { ...audit, count, summary, done: !more }, more };
}
