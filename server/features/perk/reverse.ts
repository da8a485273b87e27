// 撤销核销: a redemption made in error (the wrong pass, a 三长 charged twice) is reversed, once,
// on its own Beijing day, by a clerk bound to its partner or a 管理员 whose subtree holds the
// partner. The record is kept and marked (who, when, why); every counter it moved goes back by
// one: the holder's usage counter (so the perk can be used again in its period) and the
// partner's month stats in the same transaction as the mark, then the 工作台's `redeemed`
// figure (a multi-document increment, like the redemption's own). Reads / writes: user,
// redemption, partner / redemption, usage, stats (in one transaction), the figures.
import type { z } from 'zod';
import type { ClerkRedemptionItem } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { maskName } from '../../core/mask';
import { formatBeijing, startOfBeijingDay } from '../../core/time';
import { noteAudit } from '../../domain/audit';
import { grantsOf } from '../../domain/scope';
import { cmd } from '../../store/port';
import { checkTexts, getPartner, partnerInScope } from './admin';
import { C, calendarOf, counterIdOf, statsId, type RedemptionDoc } from './docs';
import { countRedeemed } from './redeem';

const ROLE_WORDS = { clerk: '核销员', admin: '管理员' } as const;

/** A redemption may be reversed while it is not yet, on the Beijing day it was made. */
export const reversible = (r: RedemptionDoc, now: number) => !r.reversed && startOfBeijingDay(r.at) === startOfBeijingDay(now);

/** A row of a 核销记录 list: the holder's name masked; reversed ones say when, by whom and why. */
export function redemptionRow(r: RedemptionDoc, now: number): z.infer<typeof ClerkRedemptionItem> {
  return {
    id: r._id,
    perkTitle: r.perkTitle,
    holderName: maskName(r.holderName),
    roleLabel: r.holderRole,
    at: r.at,
    ...(r.reversed ? { reversed: { at: r.reversed.at, byRole: ROLE_WORDS[r.reversed.role], reason: r.reversed.reason } } : {}),
    reversible: reversible(r, now),
  };
}

/** The role the caller reverses in: a clerk of the redemption's partner, else a 管理员 over it (who is refused otherwise). */
async function reverserRole(ctx: Ctx, r: RedemptionDoc): Promise<'clerk' | 'admin'> {
  if ((await grantsOf(ctx, ['clerk'])).some((g) => g.nodeId === r.partnerId)) return 'clerk';
  if ((await grantsOf(ctx, ['admin'])).some((g) => g.level !== 'partner')) {
    await partnerInScope(ctx, r.partnerId);
    return 'admin';
  }
  throw new AppError('FORBIDDEN', `这是“${r.partnerName}”的核销记录，您不能撤销`);
}

const alreadyReversed = (r: RedemptionDoc) =>
  new AppError('CONFLICT', `这次核销已于${formatBeijing((r.reversed as NonNullable<RedemptionDoc['reversed']>).at, 'M月D日 HH:mm')}撤销，不能重复撤销`);

export async function reverseRedemption(ctx: Ctx, redemptionId: string, reason: string) {
  const now = ctx.clock.now();
  const by = ctx.openid();
  const r0 = await ctx.store.collection(C.redemptions).doc(redemptionId).get();
  if (!r0) throw new AppError('NOT_FOUND', '没有找到这条核销记录');
  const role = await reverserRole(ctx, r0);
  if (r0.reversed) throw alreadyReversed(r0);
  if (!reversible(r0, now)) {
    throw new AppError('CLOSED', `只能撤销当天的核销；这次核销是${formatBeijing(r0.at, 'M月D日')}办理的，已不能撤销`);
  }
  await checkTexts(ctx, [reason], '撤销原因');
  const partner = await getPartner(ctx, r0.partnerId);

  const reversed = { at: now, by, role, reason };
  const r = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection(C.redemptions).doc(redemptionId);
    const cur = await ref.get();
    if (!cur) throw new AppError('NOT_FOUND', '没有找到这条核销记录');
    if (cur.reversed) throw alreadyReversed(cur);
    await ref.update({ reversed });
    const counter = tx.collection(C.usage).doc(counterIdOf(cur.perkId, cur.openid, cur.period));
    const used = await counter.get();
    if (used && used.n > 0) await counter.update({ n: used.n - 1, updatedAt: now });
    const stats = tx.collection(C.stats).doc(statsId(cur.partnerId, cur.month));
    if (await stats.get()) await stats.update({ n: cmd.inc(-1), [`days.d${calendarOf(cur.at).dom}`]: cmd.inc(-1) });
    return { ...cur, reversed };
  });
  await countRedeemed(ctx, r.leadNodeId, r.month, -1);
  noteAudit(ctx, { at: partner.at, subject: r._id, before: [r._id], after: [] });
  return { redemption: redemptionRow(r, now) };
}
