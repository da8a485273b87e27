// Roster import, the reads: the 社区 in the admin's scope, each involved 社区's 片/组/邻
// (as the states the plan works on), and the stored 三长 of the phones the file names.
import type { RoleGrantT } from '../../../contracts/common';
import type { Ctx } from '../../core/context';
import { inPool } from '../../core/pool';
import type { At, LeadRole, NodeDoc } from '../../domain/docs';
import { readAll } from '../../domain/nodes';
import { cmd, MAX_LIMIT } from '../../store/port';
import { nodeName, personName, type Person } from './import-parse';

const READ_CONCURRENCY = 4;
const NODE_FIELDS = ['level', 'name', 'parentId', 'at', 'order', 'lead', 'buildings', 'wechatGroup'] as const;
/** A node as the import reads it (the fields it compares and writes back). */
export type NodeRow = Pick<NodeDoc, (typeof NODE_FIELDS)[number] | '_id'>;

export interface Place {
  community: NodeDoc;
  streetName: string;
}

export interface Claim extends Person {
  row: number;
}

/** A 片 or 组 as the plan sees it: the stored node (null: new), and the file row that names its lead. */
interface LedState {
  id: string;
  name: string;
  node: NodeRow | null;
  at: At;
  order: number;
  claim: Claim | null;
}

export interface AreaState extends LedState {
  groups: Map<string, GroupState>;
  nextOrder: number;
  community: CommunityState;
}

export interface GroupState extends LedState {
  area: AreaState;
  nextOrder: number;
}

export interface UnitState {
  id: string;
  name: string;
  node: NodeRow | null;
  at: At;
  order: number;
  group: GroupState;
  /** The file row that speaks for this 邻 (null: not in the file). */
  row: number | null;
  lead: Person | null;
  buildings: string[] | null;
}

export interface CommunityState {
  place: Place;
  areas: Map<string, AreaState>;
  units: Map<string, UnitState>;
  nextOrder: number;
  byId: Map<string, NodeRow>;
}

const nextOrderOf = (nodes: { order: number }[]) => nodes.reduce((m, n) => Math.max(m, n.order ?? 0), 0) + 1;

export async function loadPlaces(ctx: Ctx, scope: RoleGrantT): Promise<Place[]> {
  const nodes = ctx.store.collection('nodes');
  const found = await readAll<NodeDoc>(
    nodes.where({ [`at.${scope.level}`]: scope.nodeId, level: cmd.in(['street', 'community']) }).orderBy('_id', 'asc'),
  );
  const communities = found.filter((n) => n.level === 'community');
  const streets = new Map(found.filter((n) => n.level === 'street').map((n) => [n._id, n]));
  const missing = [...new Set(communities.map((c) => c.at.street).filter((id): id is string => !!id && !streets.has(id)))];
  for (let i = 0; i < missing.length; i += MAX_LIMIT) {
    for (const s of await nodes.where({ _id: cmd.in(missing.slice(i, i + MAX_LIMIT)) }).get()) streets.set(s._id, s);
  }
  return communities.map((c) => ({ community: c, streetName: nodeName(streets.get(c.at.street ?? '')?.name ?? '') }));
}

async function loadCommunity(ctx: Ctx, place: Place): Promise<CommunityState> {
  const docs = await readAll(
    ctx.store.collection('nodes').where({ 'at.community': place.community._id }).field(NODE_FIELDS).orderBy('_id', 'asc'),
  );
  return communityState(place, docs);
}

/** A 社区's 片/组/邻 as the import sees them, from its stored nodes (pure). */
export function communityState(place: Place, docs: NodeRow[]): CommunityState {
  const state: CommunityState = { place, areas: new Map(), units: new Map(), nextOrder: 1, byId: new Map() };
  const byOrder = (a: NodeRow, b: NodeRow) => (a.order ?? 0) - (b.order ?? 0);
  const of = (level: NodeDoc['level']) => docs.filter((d) => d.level === level).sort(byOrder);
  for (const d of docs) state.byId.set(d._id, d);

  const areasById = new Map<string, AreaState>();
  const areas = of('area');
  state.nextOrder = nextOrderOf(areas);
  for (const n of areas) {
    const a: AreaState = {
      id: n._id,
      name: nodeName(n.name),
      node: n,
      at: n.at,
      order: n.order,
      claim: null,
      groups: new Map(),
      nextOrder: 1,
      community: state,
    };
    areasById.set(n._id, a);
    if (!state.areas.has(a.name)) state.areas.set(a.name, a);
  }
  const groupsById = new Map<string, GroupState>();
  const groups = of('group');
  for (const n of groups) {
    const area = areasById.get(n.parentId ?? '');
    if (!area) continue;
    const g: GroupState = { id: n._id, name: nodeName(n.name), node: n, at: n.at, order: n.order, claim: null, area, nextOrder: 1 };
    groupsById.set(n._id, g);
    area.nextOrder = Math.max(area.nextOrder, (n.order ?? 0) + 1);
    if (!area.groups.has(g.name)) area.groups.set(g.name, g);
  }
  for (const n of of('unit')) {
    const group = groupsById.get(n.parentId ?? '');
    if (!group) continue;
    group.nextOrder = Math.max(group.nextOrder, (n.order ?? 0) + 1);
    const u: UnitState = {
      id: n._id,
      name: nodeName(n.name),
      node: n,
      at: n.at,
      order: n.order,
      group,
      row: null,
      lead: null,
      buildings: null,
    };
    if (!state.units.has(u.name)) state.units.set(u.name, u);
  }
  return state;
}

export interface StoredLead {
  name: string;
  nodeId: string;
  role: LeadRole;
}

export async function storedLeadsByPhone(ctx: Ctx, phones: string[]): Promise<Map<string, StoredLead[]>> {
  const out = new Map<string, StoredLead[]>();
  const chunks: string[][] = [];
  for (let i = 0; i < phones.length; i += MAX_LIMIT) chunks.push(phones.slice(i, i + MAX_LIMIT));
  await inPool(chunks, READ_CONCURRENCY, async (chunk) => {
    const docs = await readAll(
      ctx.store
        .collection('leads')
        .where({ phone: cmd.in(chunk), status: cmd.in(['active', 'away']) })
        .field(['name', 'phone', 'nodeId', 'role'])
        .orderBy('_id', 'asc'),
    );
    for (const d of docs) {
      const list = out.get(d.phone) ?? [];
      list.push({ name: personName(d.name), nodeId: d.nodeId, role: d.role });
      out.set(d.phone, list);
    }
  });
  return out;
}

/** Of these 社区 names, the ones that exist anywhere (outside the admin's scope, then). */
export async function communitiesNamed(ctx: Ctx, names: string[]): Promise<Set<string>> {
  const elsewhere = new Set<string>();
  for (let i = 0; i < names.length; i += MAX_LIMIT) {
    const docs = await ctx.store
      .collection('nodes')
      .where({ level: 'community', name: cmd.in(names.slice(i, i + MAX_LIMIT)) })
      .field(['name'])
      .get();
    for (const d of docs) elsewhere.add(nodeName(String(d.name)));
  }
  return elsewhere;
}

/** The 片/组/邻 of every 社区 the file's rows were placed in, each read once. */
export async function loadCommunities(ctx: Ctx, places: Place[]): Promise<Map<string, CommunityState>> {
  const states = new Map<string, CommunityState>();
  const involved = [...new Map(places.map((pl) => [pl.community._id, pl])).values()];
  await inPool(involved, READ_CONCURRENCY, async (place) => {
    states.set(place.community._id, await loadCommunity(ctx, place));
  });
  return states;
}
