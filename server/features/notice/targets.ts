// Where the caller may publish (the publish form's choice), each with its households (the
// nodes' maintained counts): a 社区 管理员 gets the 社区, its 片 and their 组; a 镇街/区 管理员
// their node and the nodes just below; a 片长 the 片 and its 组; a 组长 the 组; a 邻长 the 邻.
import type { Ctx } from '../../core/context';
import type { NodeDoc } from '../../domain/docs';
import { getNode, readAll } from '../../domain/nodes';
import { grantsOf } from '../../domain/scope';
import { cmd } from '../../store/port';
import { PUBLISHERS } from './audience';

export interface Target {
  id: string;
  name: string;
  level: NodeDoc['level'];
  households: number;
}

/** A 组's name with its 片 (第一片第一组): 组 are numbered within each 片. */
export async function scopeNameOf(ctx: Ctx, node: NodeDoc): Promise<string> {
  if (node.level !== 'group' || !node.parentId) return node.name;
  const area = await getNode(ctx.store, node.parentId);
  return `${area.name}${node.name}`;
}

const target = (n: NodeDoc, name = n.name): Target => ({ id: n._id, name, level: n.level, households: n.stats?.households ?? 0 });

/** The node, then its 片 each followed by its 组 (all under a 社区, from one indexed query). */
async function communityTargets(ctx: Ctx, community: NodeDoc): Promise<Target[]> {
  const below = await readAll<NodeDoc>(
    ctx.store
      .collection('nodes')
      .where({ 'at.community': community._id, level: cmd.in(['area', 'group']) })
      .orderBy('level', 'asc')
      .orderBy('order', 'asc')
      .orderBy('_id', 'asc'),
    2000,
  );
  const areas = below.filter((n) => n.level === 'area');
  const out: Target[] = [target(community)];
  for (const a of areas) {
    out.push(target(a));
    for (const g of below.filter((n) => n.parentId === a._id)) out.push(target(g, `${a.name}${g.name}`));
  }
  return out;
}

async function childrenOf(ctx: Ctx, node: NodeDoc): Promise<NodeDoc[]> {
  return readAll<NodeDoc>(ctx.store.collection('nodes').where({ parentId: node._id }).orderBy('order', 'asc').orderBy('_id', 'asc'), 2000);
}

export async function targetsOf(ctx: Ctx): Promise<Target[]> {
  const out: Target[] = [];
  for (const g of await grantsOf(ctx, PUBLISHERS)) {
    if (g.level === 'partner') continue;
    const node = await getNode(ctx.store, g.nodeId);
    if (g.role === 'admin' && node.level === 'community') out.push(...(await communityTargets(ctx, node)));
    else if (g.role === 'admin' || g.role === 'areaLead') {
      out.push(target(node), ...(await childrenOf(ctx, node)).map((c) => target(c, g.role === 'areaLead' ? `${node.name}${c.name}` : c.name)));
    } else out.push(target(node, await scopeNameOf(ctx, node)));
  }
  const seen = new Set<string>();
  return out.filter((t) => !seen.has(t.id) && seen.add(t.id));
}
