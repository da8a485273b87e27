import { roster } from '../../../contracts/roster';
import { LEADS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { requireOwnedFiles } from '../../domain/uploads';
import { maskPhone } from '../../core/mask';
import { matcher, scanByOffset, searchOf } from '../../core/search';
import { defineFunction } from '../../core/router';
import type { NodeDoc } from '../../domain/docs';
import { LEAD_ROLE_OF } from '../../domain/docs';
import { createInvite } from '../../domain/invites';
import { assignLead, markAway, markBack, setLeadPhoto } from '../../domain/leads';
import { getNode, readAll } from '../../domain/nodes';
import { grantsOf, requireScope, subtree } from '../../domain/scope';
import { cmd } from '../../store/port';
import { renderCards } from './cards-pdf';
import { importRoster } from './import';
import { rosterTemplate } from './template';
import { noteAudit } from '../../domain/audit';

const INACTIVE_DAYS = 30;
const DAY_MS = 24 * 3600_000;

async function adminGrant(ctx: Ctx) {
  const [grant] = await grantsOf(ctx, ['admin']);
  if (!grant) throw new AppError('FORBIDDEN');
  return grant;
}

/**
 * The 社区 a caller looks at by default: where they work (a 管理员's, else a 三长's), else
 * their household's. A 管理员 living in another 社区 still lands on the one they run.
 */
async function defaultCommunity(ctx: Ctx): Promise<string> {
  const user = await ctx.user();
  const roles = user?.grants.filter((g) => g.level !== 'partner') ?? [];
  const grant = roles.find((g) => g.role === 'admin') ?? roles[0];
  if (!grant && user?.household) {
    const unit = await getNode(ctx.store, user.household.unitId, ['unit']);
    if (unit.at.community) return unit.at.community;
  }
  if (grant && (grant.level === 'district' || grant.level === 'street')) {
    // A 镇街 or 区 管理员 starts at the first 社区 of their area and picks others from `communities`.
    const [first] = await ctx.store.collection('nodes').where({ level: 'community', ...subtree(grant) }).orderBy('_id', 'asc').limit(1).get();
    if (first) return first._id;
  } else if (grant) {
    const node = await getNode(ctx.store, grant.nodeId);
    if (node.at.community) return node.at.community;
  }
  throw new AppError('NOT_FOUND', '请先扫描邻长联系卡绑定住户，再查看您所在社区的组织体系');
}

/** A node as the 组织体系图 and the 名册 show it: its 三长 with the phone masked. */
function treeNodeOf(n: NodeDoc) {
  return {
    id: n._id,
    parentId: n.parentId,
    level: n.level,
    name: n.name,
    leadName: n.lead?.name ?? null,
    leadPhoneMasked: n.lead ? maskPhone(n.lead.phone) : null,
    ...(n.lead?.photo ? { leadPhoto: n.lead.photo } : {}),
    buildings: n.buildings,
    households: n.stats.households,
    leadStatus: !n.lead ? ('vacant' as const) : n.lead.away ? ('away' as const) : ('active' as const),
    away: n.lead?.away ? { status: n.lead.away.status, since: n.lead.away.since } : undefined,
  };
}

export const rosterFunction = defineFunction('roster', roster, {
  async tree(ctx, { communityId }) {
    const community = await getNode(ctx.store, communityId ?? (await defaultCommunity(ctx)), ['community']);
    const nodes = await readAll<NodeDoc>(
      ctx.store
        .collection('nodes')
        .where({ 'at.community': community._id, level: cmd.in(['area', 'group', 'unit']) })
        .orderBy('_id', 'asc'),
    );
    // 片 before 组 before 邻, each in its order (ids are random, so they order nothing).
    const rank = { area: 0, group: 1, unit: 2 } as Record<string, number>;
    nodes.sort((a, b) => rank[a.level] - rank[b.level] || a.order - b.order || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const wide = (await grantsOf(ctx, ['admin'])).find((g) => g.level === 'district' || g.level === 'street');
    const communities = wide
      ? (await ctx.store.collection('nodes').where({ level: 'community', ...subtree(wide) }).orderBy('_id', 'asc').limit(100).get())
      : [];
    return {
      community: { id: community._id, name: community.name, hotline: community.hotline ?? '' },
      ...(wide ? { communities: communities.map((c) => ({ id: c._id, name: c.name })) } : {}),
      nodes: nodes.map(treeNodeOf),
    };
  },

  async nodes(ctx, { communityId, levels, q, from, page, pageSize }) {
    const community = await getNode(ctx.store, communityId ?? (await defaultCommunity(ctx)), ['community']);
    await requireScope(ctx, community.at, ['admin']);
    const want = levels ?? (['area', 'group', 'unit'] as const);
    // The community_level index (at.community, level); 'area' < 'group' < 'unit', so 片 come
    // before 组 before 邻, each in its order.
    const query = ctx.store
      .collection('nodes')
      .where({ 'at.community': community._id, level: want.length === 1 ? want[0] : cmd.in([...want]) })
      .orderBy('level', 'asc')
      .orderBy('order', 'asc');
    const search = searchOf(q);
    // A search walks that order in bounded batches (a 社区 has some hundreds of nodes), matching
    // the node's name, its 片 and 组, its 楼栋, the 三长's name and their phone's last 4.
    const match = search ? matcher(search) : null;
    const keep = (n: NodeDoc) => match!([n.name, n.lead?.name, ...(n.buildings ?? []), n.chain?.group.name, n.chain?.area.name], [n.lead?.phone]);
    const found = match ? await scanByOffset(query, keep, from, pageSize) : null;
    const [docs, total] = found ? [found.items, found.items.length] : await Promise.all([query.skip((page - 1) * pageSize).limit(pageSize).get(), query.count()]);
    // A 组's 片 by name: one read for the page (a 邻 carries its chain).
    const parents = [...new Set(docs.filter((n) => n.level === 'group' && n.parentId).map((n) => n.parentId as string))];
    const names = new Map(
      parents.length ? (await ctx.store.collection('nodes').where({ _id: cmd.in(parents) }).limit(parents.length).field(['name']).get()).map((n) => [n._id, n.name]) : [],
    );
    return {
      community: { id: community._id, name: community.name },
      items: docs.map((n) => ({
        ...treeNodeOf(n),
        path: n.chain ? `${n.chain.area.name} · ${n.chain.group.name}` : n.level === 'group' ? (names.get(n.parentId ?? '') ?? '') : '',
      })),
      total,
      page,
      pageSize,
      ...(found ? { next: found.next } : {}),
    };
  },

  async template(ctx) {
    return { url: await rosterTemplate(ctx) };
  },

  async import(ctx, { fileId, dryRun }) {
    const grant = await adminGrant(ctx);
    await requireOwnedFiles(ctx, [fileId], 'sheet');
    return importRoster(ctx, grant, fileId, dryRun);
  },

  async cards(ctx, { nodeId }) {
    const node = await getNode(ctx.store, nodeId, ['community', 'area', 'group']);
    await requireScope(ctx, node.at, ['admin']);
    return renderCards(ctx, node);
  },

  async history(ctx, { nodeId }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin', ...LEADS]);
    const leads = await ctx.store.collection('leads').where({ nodeId }).orderBy('since', 'desc').limit(100).get();
    return {
      items: leads.map((l) => ({
        id: l._id,
        name: l.name,
        phoneMasked: maskPhone(l.phone),
        status: l.status,
        since: l.since,
        until: l.until,
        reason: l.reason,
        away: l.away,
        linked: !!l.openid,
      })),
    };
  },

  async markAway(ctx, { nodeId, status, reason }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin']);
    await markAway(ctx, node, status, reason);
    return { ok: true as const };
  },

  async markBack(ctx, { nodeId }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin']);
    await markBack(ctx, node);
    return { ok: true as const };
  },

  async succeed(ctx, { nodeId, name, phone, reason }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin']);
    if (node.lead?.phone === phone) throw new AppError('CONFLICT', '接替人选就是现任三长，请填写新的人选');
    const { leadId } = await assignLead(ctx, node, { name, phone }, reason);
    noteAudit(ctx, { at: node.at }); // before/after: the leads assignLead noted
    const role = LEAD_ROLE_OF[node.level]!;
    const invite = await createInvite(ctx, {
      kind: 'lead',
      leadId,
      grant: { role, nodeId: node._id, nodeName: node.name, level: node.level },
    });
    return { leadId, invite };
  },

  async setPhoto(ctx, { nodeId, fileId }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin']);
    await setLeadPhoto(ctx, node, fileId);
    return { ok: true as const };
  },

  async invite(ctx, { nodeId }) {
    const node = await getNode(ctx.store, nodeId, ['area', 'group', 'unit']);
    await requireScope(ctx, node.at, ['admin']);
    if (!node.lead) throw new AppError('NOT_FOUND', '这里目前没有三长，请先推选接替人选');
    return createInvite(ctx, {
      kind: 'lead',
      leadId: node.lead.id,
      grant: { role: LEAD_ROLE_OF[node.level]!, nodeId: node._id, nodeName: node.name, level: node.level },
    });
  },

  async inactive(ctx, { page, pageSize, q, from }) {
    const grant = await adminGrant(ctx);
    const now = ctx.clock.now();
    const cutoff = now - INACTIVE_DAYS * DAY_MS;
    const query = ctx.store
      .collection('nodes')
      .where({ level: 'unit', ...subtree(grant) })
      .where(cmd.or({ lead: null }, { 'lead.away.since': cmd.lt(cutoff) }, { 'lead.activeAt': cmd.lt(cutoff) }))
      .orderBy('lead.activeAt', 'asc');
    const search = searchOf(q);
    // A search walks the same order in bounded batches, matching the 邻, its 组, its 楼栋, the
    // 邻长's name and their phone's last 4.
    const match = search ? matcher(search) : null;
    const keep = (u: NodeDoc) => match!([u.name, u.chain?.group.name, u.lead?.name, ...(u.buildings ?? [])], [u.lead?.phone]);
    const found = match ? await scanByOffset(query, keep, from, pageSize) : null;
    const [units, total] = found ? [found.items, found.items.length] : await Promise.all([query.skip((page - 1) * pageSize).limit(pageSize).get(), query.count()]);
    const days = (t: number) => Math.floor((now - t) / DAY_MS);
    return {
      items: units.map((u) => ({
        unitId: u._id,
        unitName: u.name,
        groupName: u.chain?.group.name ?? '',
        leadName: u.lead?.name ?? null,
        reason: !u.lead ? ('vacant' as const) : u.lead.away && u.lead.away.since < cutoff ? u.lead.away.status : ('inactive' as const),
        sinceDays: !u.lead ? 0 : u.lead.away && u.lead.away.since < cutoff ? days(u.lead.away.since) : days(u.lead.activeAt),
      })),
      total,
      page,
      pageSize,
      ...(found ? { next: found.next } : {}),
    };
  },
});
