import { createHash } from 'node:crypto';
import { card } from '../../../contracts/card';
import { AppError } from '../../core/errors';
import { rateLimit } from '../../core/rate-limit';
import { defineFunction } from '../../core/router';
import type { z } from 'zod';
import type { Ctx } from '../../core/context';
import { addressOf, phoneOwner, type HouseholdDoc, type JoinRequest } from '../../domain/docs';
import { afterRequest, newRequestId, withdrawRequest, withRequest } from '../../domain/household-join';
import type { UserDoc } from '../../domain/users';
import { bumpStats, getNode } from '../../domain/nodes';
import { leaveHousehold } from '../../domain/households';
import { cannotServeMessage, leadOnCard, mayServe } from '../../domain/succession';
import { cardView } from './view';

/** The id a household gets when a resident is the first to bind it: the same door, the same id. */
export function householdIdFor(unitId: string, building: string, room: string): string {
  return 'h' + createHash('sha1').update(`${unitId}|${building}|${room}`).digest('hex').slice(0, 20);
}

type BindInput = z.output<(typeof card)['bind']['input']>;

/** A bind to a door that has other members: a request they approve (domain/household-join.ts); nothing of the household is returned. */
async function requestToJoin(ctx: Ctx, h: HouseholdDoc, user: UserDoc | null, input: BindInput, leaving: string | undefined) {
  const openid = ctx.openid();
  await rateLimit(ctx, `join:${openid}`, 10, 24 * 3600_000, '今天申请加入住户的次数太多了，请明天再试');
  const request: JoinRequest = {
    id: newRequestId(),
    openid,
    at: ctx.clock.now(),
    people: input.people,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(leaving ? { leaving } : {}),
  };
  const written = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('households').doc(h._id);
    const cur = await ref.get();
    if (!cur) throw new AppError('CONFLICT', '这户的登记刚刚有变化，请再点一次“确认绑定”');
    await ref.update({ requests: withRequest(cur, request) });
    return cur;
  });
  await afterRequest(ctx, user, written, request);
  return { household: null, pending: { address: addressOf(written), at: request.at } };
}

export const cardFunction = defineFunction('card', card, {
  async get(ctx, { unitId }) {
    // Anonymous scans stay one read; a signed-in caller's user document says where their household is bound.
    const [unit, user] = await Promise.all([getNode(ctx.store, unitId, ['unit']), ctx.user()]);
    return cardView(unit, !!user?.household && user.household.unitId === unit._id);
  },

  async contact(ctx, { unitId, who }) {
    const openid = ctx.openid();
    await rateLimit(ctx, `contact:${openid}`, 30, 3600_000, '查看电话太频繁，请稍后再试');
    const unit = await getNode(ctx.store, unitId, ['unit']);
    const person = leadOnCard(unit, who);
    if (!person) throw new AppError('NOT_FOUND', '这个岗位目前空缺，请拨打社区电话');
    // 外出 leads can still be phoned; one who cannot serve (or should not), at any level, is not handed out.
    if (!mayServe(person)) throw new AppError('CLOSED', cannotServeMessage(unit, who));
    return { name: person.name, phone: person.phone };
  },

  async bind(ctx, input) {
    const openid = ctx.openid();
    if (input.phone && !input.phoneConsent) {
      throw new AppError('INVALID_INPUT', '留手机号需要您同意邻长查看，请勾选同意或不填手机号');
    }
    const unit = await getNode(ctx.store, input.unitId, ['unit']);
    if (!(unit.buildings ?? []).includes(input.building)) {
      throw new AppError('INVALID_INPUT', '请选择这位邻长服务的楼栋单元');
    }
    const now = ctx.clock.now();
    const user = await ctx.user();
    const current = user?.household;
    const [existing] = await ctx.store
      .collection('households')
      .where({ unitId: unit._id, building: input.building, room: input.room })
      .limit(1)
      .get();
    const target = existing?._id ?? householdIdFor(unit._id, input.building, input.room);
    const moving = !!current && current.id !== target;
    if (moving && !input.move) {
      // Moving takes them out of their household (and erases it if they are its last member):
      // a tap on a relative's card must not do that unasked.
      const old = await ctx.store.collection('households').doc(current.id).get();
      const erases = !!old && old.members.every((m) => m === openid);
      return { household: null, moveFrom: { address: current.address, erases } };
    }
    // A door with other members: joining it waits for their consent, and the caller stays where they are until then.
    const occupied = !!existing && !existing.members.includes(openid) && existing.members.length > 0;
    if (occupied) return await requestToJoin(ctx, existing, user, input, moving ? current.id : undefined);
    if (moving) await leaveHousehold(ctx, openid, current.id);

    const phone = input.phone ? { phone: input.phone, phoneConsentAt: now, phoneBy: openid } : {};
    const fresh: HouseholdDoc = {
      _id: target,
      unitId: unit._id,
      at: unit.at,
      building: input.building,
      room: input.room,
      members: [openid],
      joined: { [openid]: now },
      boundAt: now,
      lastVisit: null,
      createdAt: now,
      people: input.people,
      ...phone,
    };
    // A transaction, so family members binding the same door at once all end up in it.
    const outcome = await ctx.store.transaction(async (tx) => {
      const ref = tx.collection('households').doc(fresh._id);
      const cur = await ref.get();
      if (!cur) {
        await tx.collection('households').add(fresh);
        return { kind: 'joined' as const, household: fresh, created: true, firstMember: true };
      }
      // Someone else bound this door since it was read: the caller asks them, as above.
      if (cur.members.length > 0 && !cur.members.includes(openid)) return { kind: 'asks' as const, occupiedBy: cur };
      // The newcomer's phone never replaces another member's.
      const owner = phoneOwner(cur);
      const patch = {
        members: cur.members.includes(openid) ? cur.members : [...cur.members, openid],
        joined: { ...cur.joined, [openid]: cur.joined?.[openid] ?? now },
        boundAt: cur.boundAt ?? now,
        ...(cur.members.length === 0 ? { people: input.people } : {}),
        ...(input.phone && (!owner || owner === openid || cur.members.length <= 1) ? phone : {}),
      };
      await ref.update(patch);
      return { kind: 'joined' as const, household: { ...cur, ...patch } as HouseholdDoc, created: false, firstMember: cur.members.length === 0 };
    });
    if (outcome.kind === 'asks') return await requestToJoin(ctx, outcome.occupiedBy, user, input, undefined);
    const { household, created, firstMember } = outcome;
    if (created) await bumpStats(ctx.store, unit.at, { households: 1, bound: 1 });
    else if (firstMember) await bumpStats(ctx.store, unit.at, { bound: 1 });

    // Bound here now: a request they had waiting at another door is withdrawn.
    if (user?.joinRequest) await withdrawRequest(ctx, user);
    const summary = { id: household._id, unitId: unit._id, address: addressOf(household) };
    const users = ctx.store.collection('users');
    if (user) await users.doc(openid).update({ household: summary, ...(input.phone ? { phone: input.phone } : {}) });
    else await users.doc(openid).set({ name: '', grants: [], household: summary, createdAt: now, ...(input.phone ? { phone: input.phone } : {}) });
    return { household: summary };
  },
});
