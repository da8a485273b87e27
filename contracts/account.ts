import { z } from 'zod';
import { action } from './action';
import { Empty, RoleGrant, RoleName } from './common';
import { ANYONE } from './roles';

export const WhoAmI = z.object({
  signedIn: z.boolean(),
  user: z
    .object({
      name: z.string(),
      avatar: z.string().optional(),
      phoneMasked: z.string().optional(),
    })
    .nullable(),
  /** Effective roles, always including `resident` for a signed-in caller. */
  roles: z.array(RoleName),
  grants: z.array(RoleGrant),
  household: z
    .object({
      id: z.string(),
      unitId: z.string(),
      address: z.string(),
    })
    .nullable(),
});
export type WhoAmIT = z.infer<typeof WhoAmI>;

export const account = {
  ping: action({
    summary: '连通检查（不读写数据库）',
    input: Empty,
    output: z.object({ pong: z.literal(true) }),
    roles: ANYONE,
  }),
  whoami: action({
    summary: '当前用户、角色与绑定的住户',
    input: Empty,
    output: WhoAmI,
    roles: ANYONE,
  }),
};
