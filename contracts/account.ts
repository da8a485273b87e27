import { z } from 'zod';
import { action } from './action';
import { Empty, RoleGrant, RoleName } from './common';
import { ANYONE, SIGNED_IN } from './roles';

export const WhoAmI = z.object({
  signedIn: z.boolean(),
  user: z
    .object({
      name: z.string(),
      avatar: z.string().optional(),
      phoneMasked: z.string().optional(),
      /** Commendations (最美邻长 …), newest last: badges on 我的. */
      honours: z.array(z.object({ title: z.string(), at: z.number() })),
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
  claim: action({
    summary: '输入管理员给的绑定码，获得三长（或核销员）身份',
    input: z.object({ code: z.string().trim().regex(/^\d{8}$/, '绑定码是8位数字') }),
    output: WhoAmI,
    roles: SIGNED_IN,
  }),
  templates: action({
    summary: '本环境的订阅消息模板 ID：页面在用户点按提交时用它请求订阅（requestSubscribeMessage）',
    input: Empty,
    output: z.object({
      /** 审核结果通知 (三长自荐/推荐、评选报名的审核结果); '' when this environment has none. */
      reviewResult: z.string(),
      /** 民情办理进度 (a resident's report moving on: accepted, classified, resolved …); '' when none. */
      problemProgress: z.string(),
    }),
    roles: ANYONE,
  }),
  whoami: action({
    summary: '当前用户、角色与绑定的住户',
    input: Empty,
    output: WhoAmI,
    roles: ANYONE,
  }),
};
