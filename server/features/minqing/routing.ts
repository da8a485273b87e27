// 三事分流 routing: who holds a problem, and who is above them.
//   a new problem → the 邻's 邻长; none, or marked away/unable/unfit → the 组长 → the 片长 → the 社区
//   私事 → stays with the 邻长 (or the 组长 standing in) · 小事 → the 片长 · 大事 → the 社区 管理员
//   (who hands it to a 部门, or sends it up to the 镇街 / 区).
import type { At, NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import type { Store } from '../../store/port';
import type { DepartmentDoc, HandlerLevel, Holder, HolderKey, ProblemClass } from './docs';

/** A node whose 三长 is there to take problems (not away). */
const serving = (n: NodeDoc | null | undefined): n is NodeDoc & Required<Pick<NodeDoc, 'lead'>> => !!n?.lead && !n.lead.away;

export function communityHolder(unit: Pick<NodeDoc, 'at' | 'chain'>): Holder {
  return { level: 'community', id: unit.at.community as string, name: unit.chain?.community.name ?? '社区' };
}

const nodeHolder = (n: NodeDoc): Holder => ({ level: n.level as HandlerLevel, id: n._id, name: n.lead?.name ?? n.name });

/** The 片's 片长, or the 社区 when the 片 has none serving. */
export async function areaHolder(store: Store, unit: NodeDoc): Promise<Holder> {
  const area = unit.at.area ? await getNode(store, unit.at.area).catch(() => null) : null;
  return serving(area) ? nodeHolder(area) : communityHolder(unit);
}

/** Where a new (or a 私事 sent back down) problem of this 邻 goes. */
export async function firstHolder(store: Store, unit: NodeDoc): Promise<Holder> {
  if (serving(unit)) return nodeHolder(unit);
  const group = unit.at.group ? await getNode(store, unit.at.group).catch(() => null) : null;
  if (serving(group)) return nodeHolder(group);
  return areaHolder(store, unit);
}

/** Where a problem goes once classified by `current`. */
export async function holderForClass(store: Store, unit: NodeDoc, cls: ProblemClass, current: Holder): Promise<Holder> {
  if (cls === 'major') return communityHolder(unit);
  if (cls === 'minor') return current.level === 'area' ? current : areaHolder(store, unit);
  return current.level === 'unit' || current.level === 'group' ? current : firstHolder(store, unit);
}

/** The one above a holder: sees its overdue problems and may 督办 (组长 → 片长 → 管理员 → 镇街 → 区). */
export function aboveKey(level: HandlerLevel, at: At): HolderKey | null {
  const up = (l: 'group' | 'area' | 'community' | 'street' | 'district') => (at[l] ? `${l}:${at[l]}` : null);
  switch (level) {
    case 'unit':
      return up('group');
    case 'group':
      return up('area');
    case 'area':
    case 'department':
      return up('community');
    case 'community':
      return up('street');
    case 'street':
      return up('district');
    default:
      return null;
  }
}

/** One level up from the holder who resolved it (a 1–2 star rating reopens it there). */
export async function reopenHolder(store: Store, unit: NodeDoc, from: Holder): Promise<Holder> {
  switch (from.level) {
    case 'unit': {
      const group = unit.at.group ? await getNode(store, unit.at.group).catch(() => null) : null;
      return serving(group) ? nodeHolder(group) : areaHolder(store, unit);
    }
    case 'group':
      return areaHolder(store, unit);
    case 'area':
    case 'department':
      return communityHolder(unit);
    case 'community':
      return { level: 'street', id: unit.at.street as string, name: '镇街' };
    default:
      return { level: 'district', id: unit.at.district as string, name: '区' };
  }
}

export const departmentHolder = (d: DepartmentDoc): Holder => ({ level: 'department', id: d._id, name: d.name });

export async function streetOrDistrict(store: Store, at: At, to: 'street' | 'district'): Promise<Holder> {
  const id = at[to] as string;
  const node = await getNode(store, id).catch(() => null);
  return { level: to, id, name: node?.name ?? (to === 'street' ? '镇街' : '区') };
}
