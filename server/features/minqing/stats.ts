// 响应率 (accepted in time), 按期办结率 (resolved in time), 满意率 (3 stars and more, 默认满意
// included): for a node, each handler under it and each 片, read from the maintained counters.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { handlerId, nodeAggId, ratesOf, readCounters } from './counters';
import type { HandlerLevel } from './docs';
import { HANDLER_ROLES } from './lists';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;
const ROLLED_UP = ['area', 'community', 'street', 'district'];

const label = (n: NodeDoc) => (n.lead?.name ? `${n.name}（${n.lead.name}）` : n.name);
/** A node's own figures: its roll-up above the 组, its holder's counter below. */
const ownId = (n: NodeDoc) => (ROLLED_UP.includes(n.level) ? nodeAggId(n._id) : handlerId(`${n.level}:${n._id}`));

export async function stats(ctx: Ctx, { nodeId }: In<'stats'>) {
  const grants = (await grantsOf(ctx, HANDLER_ROLES)).filter((g) => g.level !== 'partner');
  const dep = grants.find((g) => g.level === 'department');
  if (!nodeId && dep && grants.length === 1) {
    const d = await ctx.store.collection('departments').doc(dep.nodeId).get();
    if (!d) throw new AppError('NOT_FOUND', '没有找到这个部门');
    const c = await readCounters(ctx.store, [handlerId(`department:${d._id}`)]);
    return { node: { id: d._id, name: d.name, level: 'department' as const, rates: ratesOf(c.get(handlerId(`department:${d._id}`))) }, handlers: [], areas: [] };
  }
  const id = nodeId ?? grants.find((g) => g.level !== 'department')?.nodeId;
  if (!id) throw new AppError('FORBIDDEN');
  const node = await getNode(ctx.store, id);
  await requireScope(ctx, node.at, ['neighbourLead', 'groupLead', 'areaLead', 'admin']);
  const nodes = ctx.store.collection('nodes');
  const children = node.level === 'unit' ? [] : (await nodes.where({ parentId: node._id }).orderBy('order', 'asc').limit(100).get());
  const areas =
    node.level === 'area'
      ? [node]
      : node.level === 'community'
        ? children
        : ['street', 'district'].includes(node.level)
          ? (await nodes.where({ [`at.${node.level}`]: node._id, level: 'area' }).orderBy('order', 'asc').limit(100).get())
          : [];
  // Handlers: the node's own holder and each child's (a 社区's 片长, a 片's 组长 …).
  const handlerNodes = [node, ...children];
  const ids = [ownId(node), ...handlerNodes.map((n) => handlerId(`${n.level}:${n._id}`)), ...areas.map((a) => nodeAggId(a._id))];
  const c = await readCounters(ctx.store, [...new Set(ids)]);
  const row = (n: NodeDoc, counter: string) => ({ id: n._id, name: label(n), level: n.level as HandlerLevel, rates: ratesOf(c.get(counter)) });
  return {
    node: row(node, ownId(node)),
    handlers: handlerNodes.map((n) => row(n, handlerId(`${n.level}:${n._id}`))),
    areas: areas.map((a) => row(a, nodeAggId(a._id))),
  };
}
