import type { RoleGrantT } from '../../contracts/common';
import type { Role } from '../../contracts/roles';
import type { Honour } from './docs';
import type { Store } from '../store/port';

/** One per WeChat user; `_id` is the openid the runtime gives. */
export interface UserDoc {
  _id: string;
  name: string;
  phone?: string;
  avatar?: string;
  grants: RoleGrantT[];
  /** Copied here when the household is bound, so whoami is one read. */
  household?: { id: string; unitId: string; address: string };
  /** Their request to join a household that has members, until a member decides (domain/household-join.ts). */
  joinRequest?: { householdId: string; requestId: string; unitId: string; address: string; at: number };
  createdAt: number;
  /** 最美邻长 and other commendations (set when a campaign's honorees are confirmed). */
  honours?: Honour[];
  /** Last day a 三长 was seen (whoami), to keep their nodes' activity current. */
  seenAt?: number;
}

export async function loadUser(store: Store, openid: string): Promise<UserDoc | null> {
  return await store.collection('users').doc(openid).get();
}

export function effectiveRoles(openid: string | null, user: UserDoc | null): Role[] {
  if (!openid) return ['anonymous'];
  const roles = new Set<Role>(['resident']);
  for (const g of user?.grants ?? []) roles.add(g.role);
  return [...roles];
}
