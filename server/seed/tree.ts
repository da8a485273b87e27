// Builds a district tree (区 → 镇街 → 社区 → 片 → 组 → 邻 → 户) of any size, with the
// 三长 of each node, as plain documents. Used by the demo seed and the scale generator.
import type { Level } from '../../contracts/roles';
import { DEFAULT_PROMISE, type HouseholdDoc, type LeadDoc, type NodeDoc } from '../domain/docs';
import { FigureBatch, NOW, seatDelta, type FigureDoc } from '../domain/figures';
import { chainLeadOf } from '../domain/succession';
import { fakeName, fakePhone } from './names';

export interface TreeSize {
  streets: number;
  communities: number;
  areas: number;
  groups: number;
  units: number;
  households: number;
}

export const DEMO_SIZE: TreeSize = { streets: 1, communities: 1, areas: 3, groups: 9, units: 30, households: 400 };
/** 岳塘区, from the source: 689 片长, 2,753 组长, 13,752 邻长, 190,000+ households, 12 镇街. */
export const YUETANG_SIZE: TreeSize = {
  streets: 12,
  communities: 72,
  areas: 689,
  groups: 2753,
  units: 13752,
  households: 190000,
};

export interface Tree {
  nodes: NodeDoc[];
  leads: LeadDoc[];
  households: HouseholdDoc[];
  /** The 三长 seats under each 组, 片, 社区, 镇街 and the 区 (the 工作台's figures, deskstats). */
  figures: FigureDoc[];
}

/** Split n children among m parents as evenly as possible: counts[i] for parent i. */
export function spread(n: number, m: number): number[] {
  const base = Math.floor(n / m);
  const extra = n % m;
  return Array.from({ length: m }, (_, i) => base + (i < extra ? 1 : 0));
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function cnOrdinal(n: number): string {
  if (n <= 10) return CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

export interface BuildOptions {
  size: TreeSize;
  now: number;
  districtName?: string;
  /** Names for streets and communities; defaults are plainly fictitious. */
  streetName?: (i: number) => string;
  communityName?: (i: number) => string;
}

export function buildTree(opts: BuildOptions): Tree {
  const { size, now } = opts;
  const nodes: NodeDoc[] = [];
  const leads: LeadDoc[] = [];
  const households: HouseholdDoc[] = [];
  let person = 0;

  const district: NodeDoc = {
    _id: 'yt',
    level: 'district',
    name: opts.districtName ?? '岳塘区',
    parentId: null,
    at: { district: 'yt' },
    order: 1,
    stats: { households: 0, bound: 0, visited: 0 },
  };
  nodes.push(district);

  const addLead = (node: NodeDoc, role: LeadDoc['role']) => {
    person++;
    const lead: LeadDoc = {
      _id: `L${person}`,
      role,
      nodeId: node._id,
      name: fakeName(person),
      phone: fakePhone(person),
      openid: null,
      status: 'active',
      since: now,
      at: node.at,
    };
    leads.push(lead);
    node.lead = { id: lead._id, name: lead.name, phone: lead.phone, since: now, activeAt: now };
  };

  const children = (parents: NodeDoc[], total: number, level: Level, prefix: string, name: (i: number, p: NodeDoc) => string) => {
    const out: NodeDoc[] = [];
    const counts = spread(total, parents.length);
    let n = 0;
    parents.forEach((parent, pi) => {
      for (let i = 1; i <= counts[pi]; i++) {
        n++;
        const id = `${prefix}${n}`;
        const node: NodeDoc = {
          _id: id,
          level,
          name: name(i, parent),
          parentId: parent._id,
          at: { ...parent.at, [level]: id },
          order: i,
          stats: { households: 0, bound: 0, visited: 0 },
        };
        out.push(node);
      }
    });
    nodes.push(...out);
    return out;
  };

  const streets = children([district], size.streets, 'street', 's', (i) => opts.streetName?.(i) ?? `演示${cnOrdinal(i)}街道`);
  const communities = children(streets, size.communities, 'community', 'c', (i, p) =>
    opts.communityName?.(i) ?? `${p.name.replace(/街道$/, '')}${cnOrdinal(i)}社区`,
  );
  communities.forEach((c, i) => (c.hotline = `0731-5800${String(i + 1).padStart(4, '0')}`));
  const areas = children(communities, size.areas, 'area', 'a', (i) => `第${cnOrdinal(i)}片`);
  areas.forEach((a) => addLead(a, 'areaLead'));
  const groups = children(areas, size.groups, 'group', 'g', (i) => `第${cnOrdinal(i)}组`);
  groups.forEach((g) => addLead(g, 'groupLead'));
  const units = children(groups, size.units, 'unit', 'u', (i) => `${i}号邻`);

  // Buildings: each 组 takes consecutive building numbers; each 邻 serves one 单元 of one.
  const byId = new Map(nodes.map((n) => [n._id, n]));
  let buildingNo = 0;
  let lastGroup = '';
  let unitNo = 0;
  for (const u of units) {
    if (u.parentId !== lastGroup || unitNo === 3) {
      buildingNo++;
      unitNo = 0;
      lastGroup = u.parentId as string;
    }
    unitNo++;
    u.buildings = [`${buildingNo}栋${unitNo}单元`];
    u.name = `${buildingNo}栋${unitNo}单元邻`;
    u.promise = DEFAULT_PROMISE;
    u.wechatGroup = { name: `${buildingNo}栋${unitNo}单元邻里群`, joinHint: '请邻长拉您进群，或扫楼道公示栏上的群二维码' };
    addLead(u, 'neighbourLead');
  }
  for (const g of [...groups, ...areas]) {
    g.wechatGroup = { name: `${g.name}三长群`, joinHint: '由组长、片长管理，居民可请邻长转达' };
  }
  const link = (n: NodeDoc) => ({
    id: n._id,
    name: n.name,
    lead: chainLeadOf(n.lead),
    wechatGroup: n.wechatGroup,
  });
  for (const u of units) {
    const g = seededNode(byId, u.at.group);
    const a = seededNode(byId, u.at.area);
    const c = seededNode(byId, u.at.community);
    u.chain = { group: link(g), area: link(a), community: { id: c._id, name: c.name, hotline: c.hotline ?? '' } };
  }

  const perUnit = spread(size.households, units.length);
  let h = 0;
  units.forEach((u, ui) => {
    const building = (u.buildings as string[])[0];
    for (let i = 0; i < perUnit[ui]; i++) {
      h++;
      const floor = Math.floor(i / 2) + 1;
      const room = `${floor}0${(i % 2) + 1}`;
      households.push({
        _id: `h${h}`,
        unitId: u._id,
        at: u.at,
        building,
        room,
        people: 1 + ((h * 7) % 4),
        members: [],
        createdAt: now,
      });
    }
    for (const level of ['unit', 'group', 'area', 'community', 'street', 'district'] as const) {
      const id = u.at[level];
      if (id) seededNode(byId, id).stats.households += perUnit[ui];
    }
  });

  const seats = new FigureBatch();
  for (const n of nodes) if (n.level === 'area' || n.level === 'group' || n.level === 'unit') seats.add(n.at, NOW, seatDelta(n.level, n.lead));
  return { nodes, leads, households, figures: seats.docs() };
}

/** A node the seed made: one it names and did not make is a bug of the seed itself. */
export function seededNode(byId: Map<string, NodeDoc>, id: string | undefined): NodeDoc {
  const n = id === undefined ? undefined : byId.get(id);
  if (!n) throw new Error(`seed: no node ${id}`);
  return n;
}
