// Reading the district tree.
import type { Level } from '../../contracts/roles';
import { AppError } from '../core/errors';
import { cmd, MAX_LIMIT, type Doc, type Query, type Store } from '../store/port';
import type { At, NodeDoc, NodeStatsDoc } from './docs';

export async function getNode(store: Store, id: string, levels?: Level[]): Promise<NodeDoc> {
  const node = await store.collection('nodes').doc(id).get();
  if (!node || (levels && !levels.includes(node.level))) {
    throw new AppError('NOT_FOUND', levels?.length === 1 && levels[0] === 'unit' ? '没有找到这个邻，联系卡可能已停用' : '没有找到这个组织');
  }
  return node;
}

export function ancestorIds(at: At): string[] {
  return Object.values(at).filter((v): v is string => typeof v === 'string');
}

/** Adds to the counters of a node and all its ancestors in one write. */
export async function bumpStats(store: Store, at: At, delta: Partial<NodeStatsDoc>): Promise<void> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(delta)) if (v) patch[`stats.${k}`] = cmd.inc(v);
  if (Object.keys(patch).length === 0) return;
  await store.collection('nodes').where({ _id: cmd.in(ancestorIds(at)) }).update(patch);
}

/**
 * Every document of a query, 100 per read (for bounded sets such as one 社区's tree).
 * Give the query a total order (end it with orderBy('_id')): CloudBase keeps no stable
 * order between pages otherwise.
 */
export async function readAll<T extends Doc>(query: Query<T>, max = 50_000): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; skip < max; skip += MAX_LIMIT) {
    const page = await query.skip(skip).limit(MAX_LIMIT).get();
    out.push(...page);
    if (page.length < MAX_LIMIT) break;
  }
  return out;
}
