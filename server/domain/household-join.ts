// Joining a household that already has members needs their consent (issue 14): anyone can name
// a door, so a bind to an occupied door is a *request* on the household. Until a member (or the
// 邻长 of its 邻) approves it, the newcomer is not a member — household.mine, whoami, notices,
// votes and 民情 all treat them as unbound — and they can change nothing. The members hear of it
// in 消息; the newcomer hears the answer. A member may remove a member who joined after them (the
// first member anyone), so a stranger approved by mistake can be put out, but cannot put out the family.
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { cmd, type Store } from '../store/port';
import { addressOf, phoneOwner, type HouseholdDoc, type JoinRequest } from './docs';
import { leaveHousehold } from './households';
import type { UserDoc } from './users';

/** More waiting requests than a family has members is someone trying doors: refuse the rest. */
export const MAX_WAITING_REQUESTS = 5;

export const newRequestId = () => 'j' + randomBytes(8).toString('hex');

/** A member as other members see them: an opaque key, never their openid. */
export const memberKeyOf = (householdId: string, openid: string) =>
  'm' + createHash('sha1').update(`${householdId}:${openid}`).digest('hex').slice(0, 16);

const summaryOf = (h: HouseholdDoc) => ({ id: h._id, unitId: h.unitId, address: addressOf(h) });
const joinedAt = (h: HouseholdDoc, openid: string) => h.joined?.[openid] ?? h.boundAt ?? h.createdAt;

/** Whether `by` may remove `who`: both members, not themselves, and `who` joined after `by` (the first member may remove anyone). */
export function mayRemove(h: HouseholdDoc, by: string, who: string): boolean {
  if (by === who || !h.members.includes(by) || !h.members.includes(who)) return false;
  return h.members[0] === by || joinedAt(h, who) > joinedAt(h, by);
}

/** The requests list with `request` in it (a newcomer's earlier request on this door replaced). */
export function withRequest(h: HouseholdDoc, request: JoinRequest): JoinRequest[] {
  const rest = (h.requests ?? []).filter((r) => r.openid !== request.openid);
  if (rest.length >= MAX_WAITING_REQUESTS) {
    throw new AppError('CONFLICT', '这户已有多条申请在等家人确认，请先请家人在“我的”里处理');
  }
  return [...rest, request];
}

async function tell(ctx: Ctx, openids: string[], title: string, body: string): Promise<void> {
  const now = ctx.clock.now();
  for (const openid of openids) {
    const id = `hj${now.toString(36)}${randomBytes(4).toString('hex')}`;
    await ctx.store
      .collection('mqinbox')
      .add({ _id: id, openid, at: now, ck: `${String(now).padStart(13, '0')}:${id}`, title, body, read: false });
  }
}

/** After a request was written: the caller's record points at it, an older request elsewhere is withdrawn, the members hear of it. */
export async function afterRequest(ctx: Ctx, user: UserDoc | null, h: HouseholdDoc, request: JoinRequest): Promise<void> {
  const earlier = user?.joinRequest;
  if (earlier && earlier.householdId !== h._id) await dropRequest(ctx.store, earlier.householdId, earlier.requestId);
  const joinRequest = { householdId: h._id, requestId: request.id, unitId: h.unitId, address: addressOf(h), at: request.at };
  const users = ctx.store.collection('users');
  if (user) await users.doc(request.openid).update({ joinRequest });
  else await users.doc(request.openid).set({ name: '', grants: [], joinRequest, createdAt: request.at });
  await tell(
    ctx,
    h.members,
    '有人申请加入您家的登记',
    `${addressOf(h)}：有人扫邻长联系卡申请加入您家。是家人请到“我的 › 我家登记的信息”同意，不认识请拒绝。`,
  );
}

/** Takes a request off its household (in a transaction); the request, or null if it was gone. */
export async function dropRequest(store: Store, householdId: string, requestId: string): Promise<JoinRequest | null> {
  return await store.transaction(async (tx) => {
    const ref = tx.collection('households').doc(householdId);
    const h = await ref.get();
    const found = h?.requests?.find((r) => r.id === requestId);
    if (!h || !found) return null;
    await ref.update({ requests: h.requests!.filter((r) => r.id !== requestId) });
    return found;
  });
}

/** The caller's own waiting request, if it still waits (a household that was deleted takes its requests with it). */
export async function waitingRequestOf(store: Store, user: UserDoc | null) {
  const j = user?.joinRequest;
  if (!j) return null;
  const h = await store.collection('households').doc(j.householdId).get();
  return h?.requests?.some((r) => r.id === j.requestId) ? { address: j.address, at: j.at } : null;
}

/** The caller withdraws their own waiting request. */
export async function withdrawRequest(ctx: Ctx, user: UserDoc | null): Promise<boolean> {
  const j = user?.joinRequest;
  if (!j) return false;
  const dropped = await dropRequest(ctx.store, j.householdId, j.requestId);
  await ctx.store.collection('users').doc(ctx.openid()).update({ joinRequest: cmd.unset() });
  return !!dropped;
}

/**
 * A member (or the 邻长) approves or rejects a request. Approving makes the newcomer a member
 * from now on (they see the 邻长's visits from today), takes them out of the household they were
 * bound to, and applies their phone only if nobody's is on record.
 */
export async function decideRequest(ctx: Ctx, householdId: string, requestId: string, approve: boolean): Promise<HouseholdDoc> {
  const now = ctx.clock.now();
  const { h, request } = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('households').doc(householdId);
    const cur = await ref.get();
    const found = cur?.requests?.find((r) => r.id === requestId);
    if (!cur || !found) throw new AppError('NOT_FOUND', '这条申请已经处理过或已撤回');
    const requests = cur.requests!.filter((r) => r.id !== requestId);
    if (!approve) {
      await ref.update({ requests });
      return { h: { ...cur, requests }, request: found };
    }
    const phone = found.phone && !phoneOwner(cur) ? { phone: found.phone, phoneConsentAt: now, phoneBy: found.openid } : {};
    const patch = {
      requests,
      members: cur.members.includes(found.openid) ? cur.members : [...cur.members, found.openid],
      joined: { ...cur.joined, [found.openid]: now },
      ...phone,
    };
    await ref.update(patch);
    return { h: { ...cur, ...patch } as HouseholdDoc, request: found };
  });

  const users = ctx.store.collection('users');
  const applicant = await users.doc(request.openid).get();
  const stillTheirs = applicant?.joinRequest?.requestId === request.id;
  if (approve) {
    if (request.leaving && request.leaving !== h._id && applicant?.household?.id === request.leaving) {
      await leaveHousehold(ctx, request.openid, request.leaving);
    }
    await users.doc(request.openid).update({
      household: summaryOf(h),
      ...(stillTheirs ? { joinRequest: cmd.unset() } : {}),
      ...(request.phone ? { phone: request.phone } : {}),
    });
    await tell(ctx, [request.openid], '家人已同意您加入', `您已加入${addressOf(h)}的登记，可以在“我的”里查看我家的信息。`);
    const others = h.members.filter((m) => m !== request.openid && m !== ctx.openid());
    await tell(ctx, others, '家里有新成员加入', `${addressOf(h)}的登记新加入了一位成员。不是家人的话，可以在“我的 › 我家登记的信息”里移除。`);
  } else {
    if (stillTheirs) await users.doc(request.openid).update({ joinRequest: cmd.unset() });
    await tell(ctx, [request.openid], '加入住户的申请未获同意', `您申请加入${addressOf(h)}的登记未获同意。如果填错了门牌，请重新扫码绑定。`);
  }
  return h;
}

/** A member removes someone who joined wrongly (see mayRemove); the removed hears of it. */
export async function removeMember(ctx: Ctx, h: HouseholdDoc, memberKey: string): Promise<void> {
  const me = ctx.openid();
  const who = h.members.find((m) => memberKeyOf(h._id, m) === memberKey);
  if (!who) throw new AppError('NOT_FOUND', '这位成员已经不在这户了');
  if (!mayRemove(h, me, who)) {
    throw new AppError('FORBIDDEN', who === me ? '要解除自己的绑定，请点“删除我家的登记”' : '只能移除比您晚加入这户的成员');
  }
  await leaveHousehold(ctx, who, h._id);
  const removed = await ctx.store.collection('users').doc(who).get();
  if (removed?.household?.id === h._id) await ctx.store.collection('users').doc(who).update({ household: cmd.unset() });
  await tell(ctx, [who], '您已被移出住户登记', `${addressOf(h)}的家人把您移出了这户的登记。如果您确实住在这里，请重新扫码申请加入。`);
}
