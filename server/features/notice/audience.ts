// Who may publish where, who manages a notice, and whose notices a reader sees.
//   管理员: the node of their grant (社区, or a 镇街/区) and any 片/组/邻 under it;
//   片长: their 片 or a 组 or 邻 in it;  组长: their 组 or a 邻 in it;  邻长: their 邻.
// A reader sees the notices at their household's 邻 and its ancestors (组, 片, 社区, 镇街, 区);
// without a bound household, those of the card's 邻 they scanned.
import type { RoleGrantT } from '../../../contracts/common';
import type { Level } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import type { NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import { grantsOf } from '../../domain/scope';
import type { NoticeDoc } from './docs';

const PUBLISH_LEVELS: Record<'admin' | 'areaLead' | 'groupLead' | 'neighbourLead', readonly Level[]> = {
  admin: ['district', 'street', 'community', 'area', 'group', 'unit'],
  areaLead: ['area', 'group', 'unit'],
  groupLead: ['group', 'unit'],
  neighbourLead: ['unit'],
};
export const PUBLISHERS = Object.keys(PUBLISH_LEVELS) as (keyof typeof PUBLISH_LEVELS)[];

/** The caller's grant that lets them publish to `node`, or undefined. Admin grants come first. */
export async function publishGrant(ctx: Ctx, node: Pick<NodeDoc, 'at' | 'level'>): Promise<RoleGrantT | undefined> {
  const grants = await grantsOf(ctx, PUBLISHERS);
  const order = (g: RoleGrantT) => PUBLISHERS.indexOf(g.role as (typeof PUBLISHERS)[number]);
  return grants
    .filter((g) => g.level !== 'partner' && node.at[g.level] === g.nodeId)
    .filter((g) => PUBLISH_LEVELS[g.role as (typeof PUBLISHERS)[number]].includes(node.level))
    .sort((a, b) => order(a) - order(b))[0];
}

/** The caller may edit and withdraw it: its publisher, or a 管理员 whose node is at or above its scope. */
export async function canManage(ctx: Ctx, n: NoticeDoc): Promise<boolean> {
  if (ctx.caller.openid === n.by) return true;
  return (await grantsOf(ctx, ['admin'])).some((g) => g.level !== 'partner' && n.at[g.level] === g.nodeId);
}

/** A 三长 or 管理员 whose node is at or above the notice's scope sees it whatever its state, with its read count. */
export async function oversees(ctx: Ctx, n: NoticeDoc): Promise<boolean> {
  if (ctx.caller.openid === n.by) return true;
  return (await grantsOf(ctx, PUBLISHERS)).some((g) => g.level !== 'partner' && n.at[g.level] === g.nodeId);
}

export interface Reader {
  source: 'household' | 'card' | 'none';
  /** The 邻 whose notices the reader sees (with its ancestors in `at`). */
  unit: NodeDoc | null;
  /** Only a bound household's reads are counted. */
  householdId: string | null;
}

/** Whose notices the caller reads: their bound household's 邻, else the scanned card's. */
export async function readerOf(ctx: Ctx, cardUnitId: string | undefined): Promise<Reader> {
  const home = (await ctx.user())?.household;
  if (home) return { source: 'household', unit: await getNode(ctx.store, home.unitId, ['unit']), householdId: home.id };
  // A card remembered on the phone may have been withdrawn since: then it is as if none was scanned.
  const card = cardUnitId ? await ctx.store.collection('nodes').doc(cardUnitId).get() : null;
  if (card?.level === 'unit') return { source: 'card', unit: card, householdId: null };
  return { source: 'none', unit: null, householdId: null };
}

/** Whether a notice at `scopeId` reaches the reader's 邻 (the scope is the 邻 or one of its ancestors). */
export function reaches(reader: Reader, scopeId: string): boolean {
  return !!reader.unit && Object.values(reader.unit.at).includes(scopeId);
}
