// One-time binding codes: a 管理员 issues one for a 三长 on the roster (or a partner's
// clerk, or a 部门's staff); the person enters it in 我的 and their WeChat gets the role.
// Single use, 7 days. For clerks and 部门 staff the codes' records also say who is bound
// (boundBy) and let a 管理员 take the role back from someone who has left (withdrawBound).
import { randomInt } from 'node:crypto';
import type { RoleGrantT } from '../../contracts/common';
import type { Ctx } from '../core/context';
import { noteAuditIds } from './audit';
import { AppError } from '../core/errors';
import { rateLimit } from '../core/rate-limit';
import { StoreError, cmd } from '../store/port';
import { grantRole, revokeRole } from './grants';

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export type InviteTarget =
  | { kind: 'lead'; leadId: string; grant: RoleGrantT }
  | { kind: 'clerk' | 'department'; grant: RoleGrantT; /** Who it is for, as the 管理员 wrote it (店员小王, 办事员小刘). */ label?: string };

/** The kinds of code that bind someone to a place without a roster (a partner's clerk, a 部门's staff). */
export type StaffKind = 'clerk' | 'department';

export interface InviteDoc {
  _id: string;
  target: InviteTarget;
  createdBy: string;
  createdAt?: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt?: number;
  /** Withdrawn by a 管理员: an unused code no longer binds; a used one's role was taken back. */
  revokedAt?: number;
  revokedBy?: string;
}

export async function createInvite(ctx: Ctx, target: InviteTarget): Promise<{ code: string; expiresAt: number }> {
  const now = ctx.clock.now();
  const expiresAt = now + INVITE_TTL_MS;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = String(randomInt(10_000_000, 100_000_000));
    try {
      await ctx.store.collection('invites').add({ _id: code, target, createdBy: ctx.openid(), createdAt: now, expiresAt, usedBy: null });
      return { code, expiresAt };
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
    }
  }
  throw new AppError('CONFLICT', '生成绑定码失败，请重试');
}

export async function redeemInvite(ctx: Ctx, code: string): Promise<RoleGrantT> {
  const openid = ctx.openid();
  await rateLimit(ctx, `claim:${openid}`, 10, 3600_000, '尝试次数太多，请一小时后再试');
  const now = ctx.clock.now();
  const invite = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('invites').doc(code);
    const doc = await ref.get();
    if (!doc) throw new AppError('NOT_FOUND', '绑定码不正确，请核对后重新输入');
    if (doc.revokedAt) throw new AppError('CLOSED', '这个绑定码已作废，请向社区索取新的');
    if (doc.usedBy) throw new AppError('CONFLICT', '这个绑定码已经用过了，请向社区索取新的');
    if (doc.expiresAt < now) throw new AppError('CLOSED', '绑定码已过期，请向社区索取新的');
    await ref.update({ usedBy: openid, usedAt: now });
    return doc;
  });
  const { target } = invite;
  if (target.kind === 'lead') {
    const lead = await ctx.store.collection('leads').doc(target.leadId).get();
    if (!lead || lead.status === 'replaced') throw new AppError('CLOSED', '这项任命已经变更，请联系社区');
    await ctx.store.collection('leads').doc(lead._id).update({ openid });
    await ctx.store.collection('nodes').doc(lead.nodeId).update({ 'lead.openid': openid, 'lead.activeAt': now });
    await grantRole(ctx.store, openid, target.grant, now, lead.name, lead);
  } else {
    await grantRole(ctx.store, openid, target.grant, now);
  }
  return target.grant;
}

/** A bound person (by the code they used), or a code not used yet. */
export interface BoundRow {
  code: string;
  label: string;
  state: 'bound' | 'waiting';
  /** Bound at (bound), or usable until (waiting). */
  at: number;
}

/** A place has a handful of staff; codes beyond the newest 100 are old history. */
const STAFF_CODES = 100;

/** Who is bound to `nodeId` by codes of `kind`, and its codes still waiting to be used. */
export async function boundBy(ctx: Ctx, nodeId: string, kind: StaffKind): Promise<BoundRow[]> {
  const docs = await ctx.store.collection('invites').where({ 'target.grant.nodeId': nodeId }).orderBy('createdAt', 'desc').limit(STAFF_CODES).get();
  return rowsOf(docs, kind, ctx.clock.now()).get(nodeId) ?? [];
}

/** The same for several places (a page of partners): one read while their codes fit in one, else one read each. */
export async function boundByMany(ctx: Ctx, nodeIds: string[], kind: StaffKind): Promise<Map<string, BoundRow[]>> {
  if (nodeIds.length === 0) return new Map();
  const docs = await ctx.store
    .collection('invites')
    .where({ 'target.grant.nodeId': cmd.in(nodeIds) })
    .orderBy('createdAt', 'desc')
    .limit(STAFF_CODES)
    .get();
  if (docs.length < STAFF_CODES) return rowsOf(docs, kind, ctx.clock.now());
  return new Map(await Promise.all(nodeIds.map(async (id) => [id, await boundBy(ctx, id, kind)] as const)));
}

function rowsOf(docs: InviteDoc[], kind: StaffKind, now: number): Map<string, BoundRow[]> {
  const out = new Map<string, BoundRow[]>();
  for (const d of docs) {
    if (d.target.kind !== kind || d.revokedAt) continue;
    const label = d.target.label ?? '';
    const rows = out.get(d.target.grant.nodeId) ?? [];
    if (d.usedBy) rows.push({ code: d._id, label, state: 'bound', at: d.usedAt ?? d.createdAt ?? 0 });
    else if (d.expiresAt >= now) rows.push({ code: d._id, label, state: 'waiting', at: d.expiresAt });
    else continue;
    out.set(d.target.grant.nodeId, rows);
  }
  return out;
}

/**
 * Withdraws a code of `nodeId`: an unused one can no longer bind anyone; a used one's role is
 * taken back, and every other code the same person used there goes with it (the role is one
 * per person and place).
 */
export async function withdrawBound(ctx: Ctx, nodeId: string, kind: StaffKind, code: string, notFound: string): Promise<void> {
  const by = ctx.openid();
  const now = ctx.clock.now();
  const invite = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('invites').doc(code);
    const doc = await ref.get();
    if (!doc || doc.target.kind !== kind || doc.target.grant.nodeId !== nodeId) throw new AppError('NOT_FOUND', notFound);
    if (!doc.revokedAt) await ref.update({ revokedAt: now, revokedBy: by });
    return doc;
  });
  if (!invite.usedBy) return;
  await revokeRole(ctx.store, invite.usedBy, { role: invite.target.grant.role, nodeId });
  // The person whose role was taken back.
  noteAuditIds(ctx, { before: [invite.usedBy] });
  const others = await ctx.store.collection('invites').where({ 'target.grant.nodeId': nodeId, usedBy: invite.usedBy }).limit(STAFF_CODES).get();
  for (const d of others) if (!d.revokedAt) await ctx.store.collection('invites').doc(d._id).update({ revokedAt: now, revokedBy: by });
}
