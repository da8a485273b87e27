// The pass a 三长 shows and its consumption (核销) by the partner's clerk.
//
// pass:   reads the perk and the caller's usage counter, signs a token, stores a short-lived
//         pass record under a random 8-digit short code (1 write). A fresh pass per call.
// verify: a verdict, never an error, for anything a clerk can scan or type. The checks that
//         need no data come first (signature, partner, expiry); then the perk (1 read) and
//         the holder (1 read) as they are NOW; then one transaction that reads the redemption
//         (_id = the pass's nonce) and the usage counter, and adds the one and bumps the other.
//         Two clerks scanning one pass, or a hundred requests at once, commit one redemption:
//         the losers re-run, find the redemption and answer `used`; two passes of one person
//         meet on the counter, so a limit holds at the moment of consumption.
import { bumpFigures, monthOf } from '../../domain/figures';
import { randomInt } from 'node:crypto';
import { PASS_REFRESH_MS, PASS_TTL_MS, VERDICT_WORDS, type VerdictT, type VerifyResultT } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { rateLimit } from '../../core/rate-limit';
import { formatBeijing } from '../../core/time';
import { grantsOf } from '../../domain/scope';
import { cmd, StoreError } from '../../store/port';
import { loadUser, type UserDoc } from '../../domain/users';
import {
  C,
  calendarOf,
  eligibilityOf,
  holderView,
  isLead,
  limitText,
  periodKey,
  periodProblem,
  statsId,
  usageId,
  usageView,
  type PassDoc,
  type PerkDoc,
  type RedemptionDoc,
  type StatsDoc,
} from './docs';
import { newNonce, openPass, signPass, type PassPayload } from './token';

/** Short codes a clerk may mistype before being slowed down (guessing 10⁸ codes is the threat). */
const MISSES_PER_WINDOW = 20;
const MISS_WINDOW_MS = 10 * 60_000;
/** A clerk scanning a pass again this soon after consuming it lost the first answer (a weak network), most likely. */
export const JUST_REDEEMED_MS = 5 * 60_000;

export async function getPerk(ctx: Pick<Ctx, 'store'>, perkId: string): Promise<PerkDoc | null> {
  return await ctx.store.collection(C.perks).doc(perkId).get();
}

export async function usedNow(ctx: Ctx, perk: PerkDoc, openid: string, now: number): Promise<number> {
  const doc = await ctx.store.collection(C.usage).doc(usageId(perk._id, openid, perk.limit.period, now)).get();
  return (doc?.n as number | undefined) ?? 0;
}

// ---------------------------------------------------------------- pass

/** Stores the pass under a fresh 8-digit code; a code whose pass has expired is taken over. */
async function storePass(ctx: Ctx, pass: Omit<PassDoc, '_id'>, now: number): Promise<string> {
  const col = ctx.store.collection(C.passes);
  for (let attempt = 0; attempt < 6; attempt++) {
    const code = String(randomInt(10_000_000, 100_000_000));
    try {
      await col.add({ _id: code, ...pass });
      return code;
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
    }
    const took = await ctx.store.transaction(async (tx) => {
      const ref = tx.collection(C.passes).doc(code);
      const cur = await ref.get();
      if (cur && cur.expiresAt >= now) return false;
      await ref.set(pass);
      return true;
    });
    if (took) return code;
  }
  throw new AppError('CONFLICT', '生成优惠码失败，请重试');
}

export async function makePass(ctx: Ctx, perkId: string) {
  const openid = ctx.openid();
  const now = ctx.clock.now();
  const [user, perk] = await Promise.all([ctx.user(), getPerk(ctx, perkId)]);
  if (!perk) throw new AppError('NOT_FOUND', '没有找到这项优惠');
  if (perk.partner.status !== 'active') throw new AppError('CLOSED', `“${perk.partner.name}”的优惠已暂停`);
  if (perk.status !== 'active') throw new AppError('CLOSED', '这项优惠已下架');
  const who = eligibilityOf(perk.eligibility, user);
  // Only a 三长 is ever eligible (isLead says so to the types: the user is there).
  if (!who.eligible || !isLead(user)) throw new AppError('FORBIDDEN', `这项优惠${who.reason}`);
  const when = periodProblem(perk.validFrom, perk.validTo, now);
  if (when) throw new AppError('CLOSED', `这项优惠${when}`);
  const used = await usedNow(ctx, perk, openid, now);
  const usage = usageView(perk.limit, used);
  if (used >= perk.limit.count) throw new AppError('CLOSED', `${usage.text}，次数已用完`);

  const key = ctx.secrets.passKey();
  const nonce = newNonce();
  const expiresAt = now + PASS_TTL_MS;
  const token = signPass(key, { v: 1, o: openid, k: perk._id, p: perk.partnerId, n: nonce, e: expiresAt });
  const shortCode = await storePass(ctx, { token, nonce, openid, perkId: perk._id, partnerId: perk.partnerId, expiresAt }, now);
  return {
    token,
    shortCode,
    expiresAt,
    refreshInMs: PASS_REFRESH_MS,
    serverNow: now,
    holder: holderView(user),
    perk: { id: perk._id, title: perk.title, partnerName: perk.partner.name, limitText: limitText(perk.limit) },
    usage,
  };
}

/**
 * Whether the caller's own pass was consumed: the pass page asks every few seconds while it is
 * shown, so the answer is one read (the redemption's _id is the token's nonce) until it is; then
 * the perk and the usage counter for what is left. Someone else's token reads as unknown.
 */
export async function passStatus(ctx: Ctx, token: string) {
  const openid = ctx.openid();
  const payload = openPass(ctx.secrets.passKey(), token);
  if (!payload || payload.o !== openid) throw new AppError('NOT_FOUND', '没有找到这个优惠码，请重新打开优惠码');
  const done = await ctx.store.collection(C.redemptions).doc(payload.n).get();
  if (!done) return { redeemed: null };
  const perk = await getPerk(ctx, done.perkId);
  const redeemed = { at: done.at, partnerName: done.partnerName, perkTitle: done.perkTitle };
  if (!perk) return { redeemed };
  return { redeemed, usage: usageView(perk.limit, await usedNow(ctx, perk, openid, ctx.clock.now())) };
}

// ---------------------------------------------------------------- verify

const say = (verdict: VerdictT, detail: string, extra: Partial<VerifyResultT> = {}): VerifyResultT => ({
  verdict,
  word: VERDICT_WORDS[verdict],
  detail,
  ok: verdict === 'valid',
  ...extra,
});

const when = (t: number) => formatBeijing(t, 'M月D日 HH:mm');

/**
 * A consumed pass scanned again is used. The clerk who consumed it moments ago is told it went
 * through: on a weak network their first answer may have been lost, and a bare "已使用" would
 * have them turn the 三长 away.
 */
function usedVerdict(done: Pick<RedemptionDoc, 'at' | 'clerk'>, clerk: string, now: number, extra: Partial<VerifyResultT> = {}): VerifyResultT {
  const detail =
    done.clerk === clerk && now - done.at <= JUST_REDEEMED_MS
      ? `您刚才（${formatBeijing(done.at, 'HH:mm')}）已核销成功，无需再次核销；如还没有办理，请现在办理`
      : `这个优惠码已于${when(done.at)}核销，不能重复使用`;
  return say('used', detail, { ...extra, redeemedAt: done.at });
}

async function bumpStats(ctx: Ctx, perk: PerkDoc, now: number): Promise<void> {
  const { month, dom } = calendarOf(now);
  const day = `d${dom}`;
  const col = ctx.store.collection(C.stats);
  const id = statsId(perk.partnerId, month);
  const patch = { n: cmd.inc(1), [`days.${day}`]: cmd.inc(1) };
  if (await col.doc(id).update(patch)) return;
  const doc: StatsDoc = {
    _id: id,
    partnerId: perk.partnerId,
    partnerName: perk.partner.name,
    category: perk.partner.category,
    month,
    at: perk.partner.at,
    n: 1,
    days: { [day]: 1 },
  };
  try {
    await col.add(doc);
  } catch (e) {
    if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
    await col.doc(id).update(patch);
  }
}

/** The node a 三长's redemptions count at in the 工作台's figures: their first 三长 seat. */
export function leadNodeOf(holder: UserDoc): string | undefined {
  return holder.grants.find((g) => g.role === 'neighbourLead' || g.role === 'groupLead' || g.role === 'areaLead')?.nodeId;
}

/** One perk redeemed (+1) or a redemption reversed (−1) by a 三长 of a 组, 片, 社区 … in a month (the 工作台's figures). */
export async function countRedeemed(ctx: Ctx, nodeId: string | undefined, month: string, delta: 1 | -1): Promise<void> {
  const node = nodeId ? await ctx.store.collection('nodes').doc(nodeId).get() : null;
  if (node) await bumpFigures(ctx.store, node.at, month, { redeemed: delta });
}

export async function verifyPass(ctx: Ctx, input: { token?: string; shortCode?: string }): Promise<VerifyResultT> {
  const clerk = ctx.openid();
  const now = ctx.clock.now();
  const partners = new Set((await grantsOf(ctx, ['clerk'])).map((g) => g.nodeId));

  let token = input.token;
  let pass: PassDoc | null = null;
  if (!token) {
    pass = await ctx.store.collection(C.passes).doc(input.shortCode as string).get();
    if (!pass) {
      await rateLimit(ctx, `perk-miss:${clerk}`, MISSES_PER_WINDOW, MISS_WINDOW_MS, '输错次数太多，请10分钟后再试，或改为扫码');
      return say('forged', '没有这个优惠码，请核对8位数字，或改为扫码');
    }
    token = pass.token;
  }

  // 1. Made by us, unaltered?
  const payload: PassPayload | null = openPass(ctx.secrets.passKey(), token);
  if (!payload || (pass && pass.nonce !== payload.n)) {
    return say('forged', '这不是有效的邻长通优惠码，请对方重新打开优惠码');
  }
  // 2. For this counter?
  if (!partners.has(payload.p)) {
    const perk = await getPerk(ctx, payload.k);
    return say('wrongPartner', `这是“${perk?.partner.name ?? '其他商家'}”的优惠，本店不能核销`);
  }
  // 3. Not the clerk's own (a clerk may also be a 三长).
  if (payload.o === clerk) return say('ownPass', '这是您自己的优惠码，请由店里其他核销员核销');
  // 4. Still fresh? (A consumed pass reads as used even after it expired.)
  if (now > payload.e) {
    const done = await ctx.store.collection(C.redemptions).doc(payload.n).get();
    if (done) return usedVerdict(done, clerk, now);
    return say('expired', '优惠码已过期，请对方在手机上刷新后重新出示');
  }
  // 5. The perk and the holder as they are now.
  const [perk, holder] = await Promise.all([getPerk(ctx, payload.k), loadUser(ctx.store, payload.o)]);
  if (!perk || perk.partnerId !== payload.p) return say('forged', '这不是有效的邻长通优惠码，请对方重新打开优惠码');
  const perkRef = { id: perk._id, title: perk.title };
  if (perk.partner.status !== 'active') return say('suspended', '本店的优惠已暂停，请联系社区', { perk: perkRef });
  if (perk.status !== 'active') return say('suspended', '这项优惠已下架', { perk: perkRef });
  const period = periodProblem(perk.validFrom, perk.validTo, now);
  if (period) return say('outOfPeriod', `这项优惠${period}`, { perk: perkRef });
  if (!isLead(holder)) return say('ineligible', '持码人目前不是三长，不能使用这项优惠', { perk: perkRef });
  const who = eligibilityOf(perk.eligibility, holder);
  const view = holderView(holder);
  const holderRef = { name: view.name, roleLabel: view.roleLabel };
  if (!who.eligible) return say('ineligible', `这项优惠${who.reason}`, { perk: perkRef, holder: holderRef });

  // 6. Consume, exactly once, within the limit.
  const counterId = usageId(perk._id, payload.o, perk.limit.period, now);
  const leadNode = leadNodeOf(holder);
  const outcome = await ctx.store.transaction(async (tx) => {
    const redemptions = tx.collection(C.redemptions);
    const done = await redemptions.doc(payload.n).get();
    if (done) return { kind: 'used' as const, done };
    const counter = tx.collection(C.usage).doc(counterId);
    const used = ((await counter.get())?.n as number | undefined) ?? 0;
    if (used >= perk.limit.count) return { kind: 'limit' as const, used };
    const record: RedemptionDoc = {
      _id: payload.n,
      perkId: perk._id,
      perkTitle: perk.title,
      partnerId: perk.partnerId,
      partnerName: perk.partner.name,
      category: perk.partner.category,
      openid: payload.o,
      holderName: view.name,
      holderRole: view.roleLabel,
      clerk,
      at: now,
      month: calendarOf(now).month,
      period: periodKey(perk.limit.period, now),
      ...(leadNode ? { leadNodeId: leadNode } : {}),
    };
    await redemptions.add(record);
    await counter.set({ perkId: perk._id, openid: payload.o, period: record.period, n: used + 1, updatedAt: now });
    return { kind: 'valid' as const, used: used + 1 };
  });

  if (outcome.kind === 'used') return usedVerdict(outcome.done, clerk, now, { perk: perkRef, holder: holderRef });
  if (outcome.kind === 'limit') {
    return say('limitReached', `${usageView(perk.limit, outcome.used).text}，已达上限`, { perk: perkRef, holder: holderRef });
  }
  // A counter, not part of the transaction: every redemption of a partner in a month would
  // otherwise contend on one document. It is an increment, so concurrent ones all count.
  await bumpStats(ctx, perk, now);
  await countRedeemed(ctx, leadNode, monthOf(now), 1);
  return say('valid', `请为${view.roleLabel}${view.name}办理：${perk.title}`, { perk: perkRef, holder: holderRef, redeemedAt: now });
}
