// The 组织体系图 as returned by roster.tree (a flat list), and the client-side search over it.
import Taro from '@tarojs/taro';
import { call, type Output } from '../api/client';

export type TreeData = Output<'roster', 'tree'>;
export type TreeNode = TreeData['nodes'][number];

/** parentId → children, in the order the server sent them. */
export function childrenIndex(nodes: TreeNode[]): Map<string | null, TreeNode[]> {
  const index = new Map<string | null, TreeNode[]>();
  for (const n of nodes) {
    const list = index.get(n.parentId) ?? [];
    list.push(n);
    index.set(n.parentId, list);
  }
  return index;
}

/** The top of the 社区's tree: nodes whose parent is not among the nodes (the 片). */
export function rootsOf(nodes: TreeNode[]): TreeNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  return nodes.filter((n) => !n.parentId || !ids.has(n.parentId));
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A node matches by its name, its lead's name, or one of its buildings (1栋, 1栋2单元 …). */
export function matches(node: TreeNode, query: string): boolean {
  const q = norm(query);
  if (!q) return true;
  return [node.name, node.leadName ?? '', ...(node.buildings ?? [])].some((s) => norm(s).includes(q));
}

/** Ids to show for a search: every match, its ancestors (the path to it) and its descendants. */
export function visibleFor(nodes: TreeNode[], query: string): Set<string> | null {
  if (!norm(query)) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const index = childrenIndex(nodes);
  const shown = new Set<string>();
  const down = (n: TreeNode) => {
    shown.add(n.id);
    (index.get(n.id) ?? []).forEach(down);
  };
  for (const n of nodes) {
    if (!matches(n, query)) continue;
    down(n);
    for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) shown.add(p.id);
  }
  return shown;
}

const COMMUNITY_KEY = 'lzt.roster.community';

/** The 社区 a 镇街 or 区 管理员 last chose (the server opens on their first one otherwise). */
export function chosenCommunity(): string | undefined {
  try {
    const id = Taro.getStorageSync(COMMUNITY_KEY);
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Every roster page (the tree, a node's page, the node chooser) then shows this 社区. */
export function chooseCommunity(id: string): void {
  Taro.setStorageSync(COMMUNITY_KEY, id);
}

/** The tree of the chosen 社区; one no longer open to this caller (another user on the phone) is forgotten. */
export async function fetchTree() {
  const communityId = chosenCommunity();
  const reply = await call('roster', 'tree', communityId ? { communityId } : {});
  if (communityId && !reply.ok && (reply.error.code === 'FORBIDDEN' || reply.error.code === 'NOT_FOUND')) {
    Taro.removeStorageSync(COMMUNITY_KEY);
    return call('roster', 'tree', {});
  }
  return reply;
}
