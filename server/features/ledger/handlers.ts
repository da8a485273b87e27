import { ledger } from '../../../contracts/ledger';
import { LEADS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { maskPhone } from '../../core/mask';
import { defineFunction } from '../../core/router';
import { addressOf, type HouseholdDoc, type NodeDoc } from '../../domain/docs';
import { bumpFigures, monthOf } from '../../domain/figures';
import { bumpStats, getNode, readAll } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { cmd } from '../../store/port';
import { visitsOf } from '../../domain/households';
import type { VisitDoc } from '../../domain/docs';
import { isComplete } from './visits';

const OVERSEERS = [...LEADS, 'admin' as const];

/** The household, if the caller is the 邻长 of its 邻 (nobody else sees household details). */
async function ownHousehold(ctx: Ctx, id: string): Promise<HouseholdDoc> {
  const h = await ctx.store.collection('households').doc(id).get();
  if (!h) throw new AppError('NOT_FOUND', '没有找到这户');
  await requireScope(ctx, { unit: h.unitId }, ['neighbourLead'], '只有本邻的邻长能查看住户详情');
  return h;
}

const summaryOf = (n: NodeDoc) => ({
  id: n._id,
  name: n.name,
  level: n.level,
  leadName: n.lead?.name ?? null,
  stats: n.stats,
});

export const ledgerFunction = defineFunction('ledger', ledger, {
  async households(ctx, { unitId, page, pageSize, onlyUnvisited }) {
    const mine = (await grantsOf(ctx, ['neighbourLead'])).map((g) => ({ id: g.nodeId, name: g.nodeName }));
    const myUnits = mine.map((u) => u.id);
    const id = unitId ?? myUnits[0];
    if (!id) throw new AppError('INVALID_INPUT', '请选择要查看的邻');
    const unit = await getNode(ctx.store, id, ['unit']);
    await requireScope(ctx, unit.at, OVERSEERS);
    const isItsLead = myUnits.includes(unit._id);

    const filter = { unitId: unit._id, ...(onlyUnvisited ? { 'lastVisit.complete': cmd.neq(true) } : {}) };
    const query = ctx.store.collection('households').where(filter);
    const [rows, total] = await Promise.all([
      query.orderBy('building', 'asc').orderBy('room', 'asc').skip((page - 1) * pageSize).limit(pageSize).get() as Promise<HouseholdDoc[]>,
      query.count(),
    ]);
    return {
      unit: { id: unit._id, name: unit.name },
      mine,
      items: rows.map((h) => ({
        id: h._id,
        unitId: h.unitId,
        address: addressOf(h),
        bound: h.members.length > 0,
        ...(isItsLead ? { people: h.people, phoneMasked: h.phone ? maskPhone(h.phone) : undefined } : {}),
        lastVisit: h.lastVisit ?? null,
      })),
      total,
      page,
      pageSize,
    };
  },

  async household(ctx, { id }) {
    const h = await ownHousehold(ctx, id);
    return {
      id: h._id,
      unitId: h.unitId,
      address: addressOf(h),
      people: h.people,
      phone: h.phone,
      bound: h.members.length > 0,
      visits: await visitsOf(ctx.store, h._id),
    };
  },

  async visit(ctx, { householdId, problems, ...items }) {
    const openid = ctx.openid();
    const h = await ownHousehold(ctx, householdId);
    if (problems) {
      const verdict = await ctx.checker.checkText(problems, { openid, scene: 2 });
      if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `问题记录含有不适宜的内容（${verdict.label}），请修改后再提交`);
    }
    const now = ctx.clock.now();
    const byName = (await ctx.user())?.name || '邻长';
    const visit: Omit<VisitDoc, '_id'> = {
      householdId: h._id,
      unitId: h.unitId,
      at: h.at,
      visitedAt: now,
      by: openid,
      byName,
      items,
      ...(problems ? { problems } : {}),
    };
    const id = await ctx.store.collection('visits').add(visit);
    const complete = isComplete(items);
    const wasComplete = !!h.lastVisit?.complete;
    await ctx.store
      .collection('households')
      .doc(h._id)
      .update({ lastVisit: { visitedAt: now, complete: complete || wasComplete } });
    if (complete && !wasComplete) await bumpStats(ctx.store, h.at, { visited: 1 });
    // The month's 五个一 visits under the 组, 片, 社区 … (the 工作台).
    await bumpFigures(ctx.store, h.at, monthOf(now), { visits: 1, visitsComplete: complete ? 1 : 0 });
    await ctx.store.collection('nodes').doc(h.unitId).update({ 'lead.activeAt': now });
    return { visit: { id, visitedAt: now, byName, items, problems } };
  },

  async summary(ctx, { nodeId }) {
    const grants = await grantsOf(ctx, OVERSEERS);
    const id = nodeId ?? grants.find((g) => g.level !== 'partner')?.nodeId;
    if (!id) throw new AppError('FORBIDDEN');
    const node = await getNode(ctx.store, id);
    await requireScope(ctx, node.at, OVERSEERS);
    const children =
      node.level === 'unit'
        ? []
        : await readAll<NodeDoc>(ctx.store.collection('nodes').where({ parentId: node._id }).orderBy('order', 'asc').orderBy('_id', 'asc'), 2000);
    return { node: summaryOf(node), children: children.map(summaryOf) };
  },
});
