// A role is held at a node and reaches that node's subtree only.
import type { RoleGrantT } from '../../contracts/common';
import type { Role } from '../../contracts/roles';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import type { At } from './docs';

export async function grantsOf(ctx: Ctx, roles: readonly Role[]): Promise<RoleGrantT[]> {
  const user = await ctx.user();
  return (user?.grants ?? []).filter((g) => roles.includes(g.role));
}

/** The caller's grant (of one of `roles`) whose node is `at` or one of its ancestors; else FORBIDDEN. */
export async function requireScope(ctx: Ctx, at: At, roles: readonly Role[], message?: string): Promise<RoleGrantT> {
  const grant = (await grantsOf(ctx, roles)).find((g) => g.level !== 'partner' && at[g.level] === g.nodeId);
  if (!grant) throw new AppError('FORBIDDEN', message ?? '这不在您负责的范围内');
  return grant;
}

/** The filter for records in a grant's subtree. */
export function subtree(grant: RoleGrantT): Record<string, string> {
  return { [`at.${grant.level}`]: grant.nodeId };
}
