// The caller's identity, shared by the three tab pages.
import type { Role } from '../../contracts/roles';
import { ROLE_LABELS } from '../../contracts/roles';
import { call, type Output } from './client';

export type WhoAmI = Output<'account', 'whoami'>;

export const fetchWhoami = () => call('account', 'whoami', {});

/** Roles that come with work to do (shown under 我的工作). */
const WORK_ROLES: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead', 'admin', 'department', 'clerk'];

export function workRoles(roles: readonly Role[]): Role[] {
  return roles.filter((r) => WORK_ROLES.includes(r));
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
