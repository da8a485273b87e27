import { z } from 'zod';
import { LEVELS, ROLES } from './roles';

export const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/);
export const Empty = z.object({}).strip();

/** Mainland mobile number, 11 digits starting with 1. */
export const Phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号应为11位数字');

export const Paging = z.object({
  page: z.number().int().min(1).max(10000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export const Level = z.enum(LEVELS);
export const RoleName = z.enum(ROLES);

/** Where a role is held: a node of the tree, or a partner business (for clerks). */
export const Scope = z.enum([...LEVELS, 'partner']);

export const RoleGrant = z.object({
  role: RoleName,
  nodeId: z.string(),
  nodeName: z.string(),
  level: Scope,
});
export type RoleGrantT = z.infer<typeof RoleGrant>;
