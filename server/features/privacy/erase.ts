// 注销账号: what is personal goes, what is counted stays. The caller's household membership and
// the phone they left; their user record; their name and phone on the problems they reported
// (the problem, its handling and every figure it feeds remain, as an anonymous report); their
// messages; their pending self-applications. Their votes stay counted: a vote record holds no
// name or phone. A household whose last member leaves stays on the 邻长's 居民信息账 (the door
// and its visits are the 邻's register) without members or phone: it is no longer bound.
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { noteAudit } from '../../domain/audit';
import { withdrawRequest } from '../../domain/household-join';
import { bumpStats } from '../../domain/nodes';
import { phoneOwner } from '../../domain/docs';
import { cmd, MAX_LIMIT } from '../../store/port';
import { eraseBlocked } from './collect';

/** How a problem's reporter reads once they deleted their account. */
export const ERASED_REPORTER = '已注销居民';

async function leaveHousehold(ctx: Ctx, openid: string, householdId: string): Promise<'none' | 'membership'> {
  const ref = ctx.store.collection('households').doc(householdId);
  const h = await ref.get();
  if (!h || !h.members.includes(openid)) return 'none';
  const members = h.members.filter((m) => m !== openid);
  const { [openid]: _gone, ...joined } = h.joined ?? {};
  const theirPhone = phoneOwner(h) === openid ? { phone: cmd.unset(), phoneConsentAt: cmd.unset(), phoneBy: cmd.unset() } : {};
  await ref.update({ members, ...(h.joined ? { joined } : {}), ...theirPhone, ...(members.length === 0 ? { boundAt: cmd.unset() } : {}) });
  if (members.length === 0) await bumpStats(ctx.store, h.at, { bound: -1 });
  return 'membership';
}

async function anonymiseReports(ctx: Ctx, openid: string): Promise<void> {
  for (;;) {
    const page = await ctx.store.collection('problems').where({ by: openid }).field(['_id']).limit(MAX_LIMIT).get();
    for (const p of page) {
      await ctx.store.collection('mqtimeline').where({ problemId: p._id, 'by.openid': openid }).update({ 'by.openid': null, 'by.name': ERASED_REPORTER });
      await ctx.store
        .collection('problems')
        .doc(p._id)
        .update({ by: null, reporterName: ERASED_REPORTER, reporterPhone: cmd.unset(), onBehalf: cmd.unset(), contactConsent: false, anonymous: true });
    }
    if (page.length < MAX_LIMIT) return;
  }
}

export async function eraseAccount(ctx: Ctx): Promise<'none' | 'membership'> {
  const openid = ctx.openid();
  const user = await ctx.user();
  const blocked = eraseBlocked(user);
  if (blocked) throw new AppError('CONFLICT', blocked);
  const householdId = user?.household?.id;
  const household = householdId ? await leaveHousehold(ctx, openid, householdId) : 'none';
  await withdrawRequest(ctx, user); // a request to join another door holds the phone they gave
  await anonymiseReports(ctx, openid);
  await ctx.store.collection('mqinbox').where({ openid }).remove();
  // Their own pending or refused 自荐 carries their name and phone: it goes; a 推荐 names someone else and stays, unsigned.
  await ctx.store.collection('applications').where({ applicant: openid, kind: 'self', status: cmd.neq('approved') }).remove();
  await ctx.store.collection('applications').where({ applicant: openid }).update({ applicant: null });
  await ctx.store.collection('candidates').where({ nominatedBy: openid }).update({ nominatedBy: null, nominatorName: cmd.unset() });
  await ctx.store.collection('users').doc(openid).remove();
  noteAudit(ctx, { subject: householdId, before: [householdId] });
  return household;
}
