// Who may see a problem, and how much of it:
//   the reporter (their own only; a resident never sees another's report);
//   the holder and everyone who held it (the handling chain: they see an anonymous reporter,
//   the holder alone the phone, and only with the reporter's consent);
//   overseers (三长 and 管理员 above it in the tree): the problem, no phone, and no name when anonymous;
//   a 部门: only what is (or was) handed to it.
import type { RoleGrantT } from '../../../contracts/common';
import type { Role } from '../../../contracts/roles';
import type { HandlerLevel, ProblemDoc } from './docs';

export type Relation = 'holder' | 'chain' | 'overseer' | 'reporter';

export interface Access {
  relation: Relation;
  /** The caller's grant that gives the access (none for the reporter). */
  grant: RoleGrantT | null;
  isReporter: boolean;
}

const TREE_ROLES: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead', 'admin'];
const RANK: Record<HandlerLevel, number> = { unit: 0, group: 1, area: 2, department: 2.5, community: 3, street: 4, district: 5 };

const holds = (g: RoleGrantT, level: string, id: string) => g.role !== 'clerk' && g.level === level && g.nodeId === id;

export function holderGrant(p: ProblemDoc, grants: RoleGrantT[]): RoleGrantT | null {
  return grants.find((g) => holds(g, p.holder.level, p.holder.id)) ?? null;
}

function overseerGrant(p: ProblemDoc, grants: RoleGrantT[]): RoleGrantT | null {
  return (
    grants.find((g) => TREE_ROLES.includes(g.role) && g.level !== 'partner' && g.level !== 'department' && p.at[g.level] === g.nodeId) ?? null
  );
}

export function accessOf(p: ProblemDoc, openid: string | null, grants: RoleGrantT[]): Access | null {
  const isReporter = !!openid && p.by === openid;
  const holder = holderGrant(p, grants);
  if (holder) return { relation: 'holder', grant: holder, isReporter };
  const chain = grants.find((g) => g.role !== 'clerk' && p.chain.includes(`${g.level}:${g.nodeId}`));
  if (chain) return { relation: 'chain', grant: chain, isReporter };
  const over = overseerGrant(p, grants);
  if (over) return { relation: 'overseer', grant: over, isReporter };
  if (isReporter) return { relation: 'reporter', grant: null, isReporter };
  return null;
}

/** A grant above the holder in the problem's own tree (the one above, or higher): may 督办. */
export function supervisorGrant(p: ProblemDoc, grants: RoleGrantT[]): RoleGrantT | null {
  const rank = RANK[p.holder.level];
  return (
    grants.find(
      (g) =>
        (g.role === 'groupLead' || g.role === 'areaLead' || g.role === 'admin') &&
        g.level !== 'partner' &&
        g.level !== 'department' &&
        p.at[g.level] === g.nodeId &&
        RANK[g.level as HandlerLevel] > rank,
    ) ?? null
  );
}

/** Whether the caller sees who reported it. */
export const seesReporter = (p: ProblemDoc, a: Access) => a.isReporter || !p.anonymous || a.relation === 'holder' || a.relation === 'chain';
/** Only the holder, with the reporter's consent, gets the phone; overseers never do. */
export const seesPhone = (p: ProblemDoc, a: Access) => a.relation === 'holder' && p.contactConsent && !!p.reporterPhone;
