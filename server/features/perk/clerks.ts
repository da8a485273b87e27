// A partner's 核销员. Each is bound by a one-time code the 管理员 issued, and the code's
// record says who used it: so the 管理员 sees who can verify at a counter (and the codes
// still waiting to be used), and removes someone who has left. Removing takes the clerk
// role back and withdraws the code, so an unused code can no longer bind anyone.
import type { ClerkRowT } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { revokeRole } from '../../domain/grants';
import type { PartnerDoc } from './docs';

/** A partner has a handful of clerks; codes beyond the newest 100 are old history. */
const CLERK_CODES = 100;

export async function listClerks(ctx: Ctx, partner: PartnerDoc): Promise<ClerkRowT[]> {
  const now = ctx.clock.now();
  const docs = await ctx.store
    .collection('invites')
    .where({ 'target.grant.nodeId': partner._id })
    .orderBy('createdAt', 'desc')
    .limit(CLERK_CODES)
    .get();
  const rows: ClerkRowT[] = [];
  for (const d of docs) {
    if (d.target.kind !== 'clerk' || d.revokedAt) continue;
    const label = d.target.label ?? '';
    if (d.usedBy) rows.push({ code: d._id, label, state: 'bound', at: d.usedAt ?? d.createdAt ?? 0 });
    else if (d.expiresAt >= now) rows.push({ code: d._id, label, state: 'waiting', at: d.expiresAt });
  }
  return rows;
}

export async function removeClerk(ctx: Ctx, partner: PartnerDoc, code: string): Promise<void> {
  const by = ctx.openid();
  const now = ctx.clock.now();
  const invite = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('invites').doc(code);
    const doc = await ref.get();
    if (!doc || doc.target.kind !== 'clerk' || doc.target.grant.nodeId !== partner._id) {
      throw new AppError('NOT_FOUND', '没有找到这位核销员');
    }
    if (!doc.revokedAt) await ref.update({ revokedAt: now, revokedBy: by });
    return doc;
  });
  if (!invite.usedBy) return;
  // The role is one per person and partner: every other code they used here goes with it.
  await revokeRole(ctx.store, invite.usedBy, { role: 'clerk', nodeId: partner._id });
  const others = await ctx.store
    .collection('invites')
    .where({ 'target.grant.nodeId': partner._id, usedBy: invite.usedBy })
    .limit(CLERK_CODES)
    .get();
  for (const d of others) if (!d.revokedAt) await ctx.store.collection('invites').doc(d._id).update({ revokedAt: now, revokedBy: by });
}
