import { account } from '../../../contracts/account';
import { LEADS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { maskPhone } from '../../core/mask';
import { defineFunction } from '../../core/router';
import { AppError } from '../../core/errors';
import { TEMPLATES } from '../../core/templates';
import { auditGrant } from '../../domain/audit';
import { redeemInvite } from '../../domain/invites';
import { UPLOAD_RULES, uploadTicket } from '../../domain/uploads';
import { cmd } from '../../store/port';
import { effectiveRoles, loadUser, type UserDoc } from '../../domain/users';

const DAY_MS = 24 * 3600_000;

/** A 三长 seen for the first time today is marked active on their nodes (feeds the 30-day inactive list). */
async function touchActivity(ctx: Ctx, user: UserDoc): Promise<void> {
  const now = ctx.clock.now();
  const leadNodes = user.grants.filter((g) => LEADS.includes(g.role)).map((g) => g.nodeId);
  if (leadNodes.length === 0 || (user.seenAt ?? 0) > now - DAY_MS) return;
  await ctx.store.collection('users').doc(user._id).update({ seenAt: now });
  await ctx.store.collection('nodes').where({ _id: cmd.in(leadNodes) }).update({ 'lead.activeAt': now });
}

function describe(openid: string | null, user: UserDoc | null) {
  return {
    signedIn: !!openid,
    user: user
      ? {
          name: user.name,
          avatar: user.avatar,
          phoneMasked: user.phone ? maskPhone(user.phone) : undefined,
          honours: (user.honours ?? []).map(({ title, at }) => ({ title, at })),
        }
      : null,
    roles: effectiveRoles(openid, user),
    grants: user?.grants ?? [],
    household: user?.household ?? null,
  };
}

export const accountFunction = defineFunction('account', account, {
  async ping() {
    return { pong: true as const };
  },

  async templates() {
    return { reviewResult: TEMPLATES.reviewResult, problemProgress: TEMPLATES.problemProgress };
  },

  async whoami(ctx) {
    const user = await ctx.user();
    if (user) await touchActivity(ctx, user);
    return describe(ctx.caller.openid, user);
  },

  async claim(ctx, { code }) {
    await auditGrant(ctx, await redeemInvite(ctx, code));
    return describe(ctx.caller.openid, await loadUser(ctx.store, ctx.openid()));
  },

  async uploadTicket(ctx, { kind, ext }) {
    const photo = ext !== 'xlsx';
    if (photo !== (kind === 'photo')) throw new AppError('INVALID_INPUT', UPLOAD_RULES[kind].wrongType);
    return uploadTicket(ctx, kind, ext === 'jpeg' ? 'jpg' : ext);
  },
});
