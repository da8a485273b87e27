import { household } from '../../../contracts/household';
import { AppError } from '../../core/errors';
import { defineFunction } from '../../core/router';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { maskPhone } from '../../core/mask';
import { addressOf, phoneOwner, type HouseholdDoc } from '../../domain/docs';
import { cmd, present } from '../../store/port';
import { leaveHousehold, visitsOf } from '../../domain/households';
import { decideRequest, mayRemove, memberKeyOf, removeMember, waitingRequestOf, withdrawRequest } from '../../domain/household-join';

async function myHousehold(ctx: Ctx): Promise<HouseholdDoc | null> {
  const id = (await ctx.user())?.household?.id;
  if (!id) return null;
  const h = await ctx.store.collection('households').doc(id).get();
  return h && h.members.includes(ctx.openid()) ? h : null;
}

async function view(ctx: Ctx, h: HouseholdDoc) {
  const me = ctx.openid();
  const unit = await ctx.store.collection('nodes').doc(h.unitId).get();
  const own = phoneOwner(h) === me;
  const since = h.joined?.[me] ?? 0;
  return {
    id: h._id,
    unitId: h.unitId,
    unitName: unit?.name ?? '',
    address: addressOf(h),
    building: h.building,
    room: h.room,
    people: h.people,
    ...(h.phone && own ? { phone: h.phone } : {}),
    ...(h.phone && !own ? { familyPhoneMasked: maskPhone(h.phone) } : {}),
    members: h.members.length,
    memberList: h.members.map((m) => ({
      key: memberKeyOf(h._id, m),
      joinedAt: h.joined?.[m] ?? h.boundAt ?? h.createdAt,
      you: m === me,
      removable: mayRemove(h, me, m),
    })),
    requests: (h.requests ?? []).map((r) => ({ id: r.id, at: r.at, people: r.people, ...(r.phone ? { phoneMasked: maskPhone(r.phone) } : {}) })),
    boundAt: h.boundAt,
    visits: (await visitsOf(ctx.store, h._id)).filter((v) => v.visitedAt >= since),
  };
}

export const householdFunction = defineFunction('household', household, {
  async mine(ctx) {
    const h = await myHousehold(ctx);
    // A request to join an occupied door shows only what the caller gave: the door and when.
    const pending = await waitingRequestOf(ctx.store, await ctx.user());
    return { household: h ? await view(ctx, h) : null, ...(pending ? { pending } : {}) };
  },

  async decide(ctx, { requestId, approve }) {
    const h = await myHousehold(ctx);
    if (!h) throw new AppError('NOT_FOUND', '您还没有绑定住户：只有这户已绑定的家人能处理加入申请');
    if (!(h.requests ?? []).some((r) => r.id === requestId)) throw new AppError('NOT_FOUND', '这条申请已经处理过或已撤回');
    const next = await decideRequest(ctx, h._id, requestId, approve);
    const joined = approve ? next.members.filter((m) => !h.members.includes(m)).map((m) => memberKeyOf(h._id, m)) : [];
    noteAudit(ctx, { subject: h._id, before: [requestId], after: joined });
    return { household: await view(ctx, next) };
  },

  async removeMember(ctx, { member }) {
    const h = await myHousehold(ctx);
    if (!h) throw new AppError('NOT_FOUND', '您还没有绑定住户：只有这户已绑定的家人能移除成员');
    await removeMember(ctx, h, member);
    noteAudit(ctx, { subject: h._id, before: [member] });
    const next = await present(ctx.store.collection('households').doc(h._id).get(), 'the household');
    return { household: await view(ctx, next) };
  },

  async withdraw(ctx) {
    return { withdrawn: await withdrawRequest(ctx, await ctx.user()) };
  },

  async update(ctx, input) {
    const h = await myHousehold(ctx);
    if (!h) throw new AppError('NOT_FOUND', '您还没有绑定住户，请先扫描邻长联系卡');
    if (input.phone && !input.phoneConsent) throw new AppError('INVALID_INPUT', '留手机号需要您同意邻长查看');
    const owner = phoneOwner(h);
    if ((input.phone || input.clearPhone) && owner && owner !== ctx.openid()) {
      throw new AppError('FORBIDDEN', '手机号是家人留的，只能由TA本人修改或删除');
    }
    const patch: Record<string, unknown> = {};
    if (input.people !== undefined) patch.people = input.people;
    if (input.phone) Object.assign(patch, { phone: input.phone, phoneConsentAt: ctx.clock.now(), phoneBy: ctx.openid() });
    if (input.clearPhone) Object.assign(patch, { phone: cmd.unset(), phoneConsentAt: cmd.unset(), phoneBy: cmd.unset() });
    if (Object.keys(patch).length > 0) await ctx.store.collection('households').doc(h._id).update(patch);
    // Deleting their phone deletes it from their own record too.
    if (input.clearPhone) await ctx.store.collection('users').doc(ctx.openid()).update({ phone: cmd.unset() });
    const next = await present(ctx.store.collection('households').doc(h._id).get(), 'the household');
    return { household: await view(ctx, next) };
  },

  async remove(ctx) {
    const openid = ctx.openid();
    const id = (await ctx.user())?.household?.id;
    if (!id) throw new AppError('NOT_FOUND', '您没有绑定住户');
    const removed = await leaveHousehold(ctx, openid, id);
    noteAudit(ctx, { subject: id, before: [memberKeyOf(id, openid)] });
    await ctx.store.collection('users').doc(openid).update({ household: cmd.unset(), phone: cmd.unset() });
    return { removed };
  },
});
