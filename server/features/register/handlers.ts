import { register } from '../../../contracts/register';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { rateLimit } from '../../core/rate-limit';
import { defineFunction } from '../../core/router';
import { phrase, TEMPLATES, thing } from '../../core/templates';
import type { NodeDoc } from '../../domain/docs';
import { createInvite } from '../../domain/invites';
import { assignLead, type Person } from '../../domain/leads';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope, subtree } from '../../domain/scope';
import { maskPhone } from '../../core/mask';
import { matcher, scanByOffset, searchOf } from '../../core/search';
import { cmd, present } from '../../store/port';
import { applicationView, clashesOf, type ApplicationDoc } from './applications';

async function checkStory(ctx: Ctx, story: string) {
  const verdict = await ctx.checker.checkText(story, { openid: ctx.openid(), scene: 1 });
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `内容含有不适宜的信息（${verdict.label}），请修改后再提交`);
}

async function submit(ctx: Ctx, unit: NodeDoc, fields: Partial<ApplicationDoc> & Pick<ApplicationDoc, 'kind' | 'name'>) {
  const doc: Omit<ApplicationDoc, '_id'> = {
    unitId: unit._id,
    unitName: unit.name,
    at: unit.at,
    applicant: ctx.caller.openid,
    status: 'pending',
    createdAt: ctx.clock.now(),
    ...fields,
  };
  const id = await ctx.store.collection('applications').add(doc);
  return { ...doc, _id: id } as ApplicationDoc;
}

/** Appoints the application's person to its 邻; someone without linked WeChat gets an invite code. */
async function appoint(ctx: Ctx, app: ApplicationDoc, reason: string) {
  if (!app.phone) throw new AppError('INVALID_INPUT', '被推荐人没有留电话：请先联系确认，再用“组织指定”任命');
  const unit = await getNode(ctx.store, app.unitId, ['unit']);
  const person: Person = { name: app.name, phone: app.phone, openid: app.kind === 'self' ? app.applicant : null };
  const { leadId } = await assignLead(ctx, unit, person, reason);
  const invite = person.openid
    ? undefined
    : await createInvite(ctx, {
        kind: 'lead',
        leadId,
        grant: { role: 'neighbourLead', nodeId: unit._id, nodeName: unit.name, level: 'unit' },
      });
  return { leadId, invite };
}

export const registerFunction = defineFunction('register', register, {
  async apply(ctx, { unitId, name, phone, story }) {
    const openid = ctx.openid();
    const unit = await getNode(ctx.store, unitId, ['unit']);
    const pending = await ctx.store
      .collection('applications')
      .where({ applicant: openid, unitId, kind: 'self', status: 'pending' })
      .count();
    if (pending > 0) throw new AppError('CONFLICT', '您已经申请过这个邻，请等待社区审核');
    await checkStory(ctx, story);
    return { application: applicationView(await submit(ctx, unit, { kind: 'self', name, phone, story }), false) };
  },

  async recommend(ctx, { unitId, name, phone, story }) {
    const openid = ctx.openid();
    await rateLimit(ctx, `recommend:${openid}`, 10, 24 * 3600_000, '今天推荐的次数已经很多了，明天再来吧');
    const unit = await getNode(ctx.store, unitId, ['unit']);
    await checkStory(ctx, story);
    return { application: applicationView(await submit(ctx, unit, { kind: 'recommend', name, phone, story }), false) };
  },

  async appoint(ctx, { unitId, name, phone, reason }) {
    const unit = await getNode(ctx.store, unitId, ['unit']);
    await requireScope(ctx, unit.at, ['admin']);
    const now = ctx.clock.now();
    const app = await submit(ctx, unit, { kind: 'appoint', name, phone, applicant: null, status: 'approved', reviewedAt: now, reviewedBy: ctx.openid() });
    const { leadId, invite } = await appoint(ctx, app, reason ?? '组织指定');
    await ctx.store.collection('applications').doc(app._id).update({ leadId, ...(invite ? { invite } : {}) });
    return { application: applicationView({ ...app, leadId, invite }, true) };
  },

  async confirmPhone(ctx, { id, code }) {
    const openid = ctx.openid();
    const ref = ctx.store.collection('applications').doc(id);
    const app = (await ref.get()) as ApplicationDoc | null;
    if (!app || app.applicant !== openid || app.kind !== 'self') throw new AppError('NOT_FOUND', '没有找到这条自荐');
    if (app.status !== 'pending') throw new AppError('CONFLICT', '这条自荐已经审核过了');
    if (app.phoneConfirmedAt) return { application: applicationView(app, false) };
    // WeChat bills each number read: a few tries a day are plenty for a real applicant.
    await rateLimit(ctx, `phone-check:${openid}`, 10, 24 * 3600_000, '今天验证的次数已经很多了，明天再来吧');
    const wechat = await ctx.phones.numberOf(code);
    if (wechat.countryCode !== '86' || wechat.phone !== app.phone) {
      throw new AppError(
        'CONFLICT',
        `您微信绑定的手机号是 ${maskPhone(wechat.phone)}，与自荐时填写的 ${maskPhone(app.phone ?? '')} 不一致：请用自己的手机号重新自荐`,
      );
    }
    const at = ctx.clock.now();
    await ref.update({ phoneConfirmedAt: at });
    return { application: applicationView({ ...app, phoneConfirmedAt: at }, false) };
  },

  async mine(ctx) {
    const items = await ctx.store
      .collection('applications')
      .where({ applicant: ctx.openid() })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .get();
    return { items: items.map((a) => applicationView(a, false)) };
  },

  async pending(ctx, { page, pageSize, status, q, from }) {
    const [grant] = await grantsOf(ctx, ['admin']);
    const query = ctx.store.collection('applications').where({ ...subtree(grant), status }).orderBy('createdAt', 'desc');
    const search = searchOf(q);
    // A search walks the same indexed order (at.<level>, status, createdAt) in bounded batches,
    // matching the name, the 邻 and the phone's last 4 (no text index on this store).
    const match = search ? matcher(search) : null;
    const found = match ? await scanByOffset(query, (a) => match([a.name, a.unitName], [a.phone]), from, pageSize) : null;
    const [items, total] = found
      ? [found.items, found.items.length]
      : await Promise.all([query.skip((page - 1) * pageSize).limit(pageSize).get() as Promise<ApplicationDoc[]>, query.count()]);
    const clashes = await clashesOf(ctx.store, items);
    return { items: items.map((a) => applicationView(a, true, clashes.get(a._id))), total, page, pageSize, ...(found ? { next: found.next } : {}) };
  },

  async review(ctx, { id, approve, reason }) {
    const ref = ctx.store.collection('applications').doc(id);
    const app = await ref.get();
    if (!app) throw new AppError('NOT_FOUND', '没有找到这条申请');
    await requireScope(ctx, app.at, ['admin']);
    noteAudit(ctx, { at: app.at, subject: id }); // before/after: the 三长 an approval replaced and appointed (assignLead notes them)
    if (approve && !app.phoneConfirmedAt) {
      const clash = (await clashesOf(ctx.store, [app])).get(app._id);
      if (clash) throw new AppError('CONFLICT', `${clash}：请申请人先在“我的自荐与推荐”里用微信手机号验证，验证后才能通过`);
    }
    const now = ctx.clock.now();
    // Claim the review first, so two 管理员 cannot both decide it.
    await ctx.store.transaction(async (tx) => {
      const current = await present(tx.collection('applications').doc(id).get(), 'the application');
      if (current.status !== 'pending') throw new AppError('CONFLICT', '这条申请已经审核过了');
      await tx.collection('applications').doc(id).update({
        status: approve ? 'approved' : 'rejected',
        reviewedAt: now,
        reviewedBy: ctx.openid(),
        ...(reason ? { reason } : {}),
      });
    });
    let result: ApplicationDoc = { ...app, status: approve ? 'approved' : 'rejected', reviewedAt: now, reason };
    if (approve) {
      try {
        const { leadId, invite } = await appoint(ctx, app, reason ?? (app.kind === 'self' ? '个人自荐' : '群众推荐'));
        await ref.update({ leadId, ...(invite ? { invite } : {}) });
        result = { ...result, leadId, invite };
      } catch (e) {
        // Nobody was appointed (no phone, a phone of another 三长 …): the application waits
        // again, for a decision the 管理员 can still make, instead of reading 已通过.
        await ref.update({ status: 'pending', reviewedAt: cmd.unset(), reviewedBy: cmd.unset(), ...(reason ? { reason: cmd.unset() } : {}) });
        throw e;
      }
    }
    if (app.applicant) {
      await ctx.notifier.send({
        touser: app.applicant,
        templateId: TEMPLATES.reviewResult,
        page: 'register/mine',
        data: { phrase1: phrase(approve ? '已通过' : '未通过'), thing2: thing(`${app.unitName}邻长${app.kind === 'self' ? '自荐' : '推荐'}`), thing3: thing(reason ?? '感谢您的参与') },
      });
    }
    return { application: applicationView(result, true) };
  },
});
