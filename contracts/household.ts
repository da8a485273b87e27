// A resident's own household record: see it, correct it, delete it.
import { z } from 'zod';
import { action } from './action';
import { JoinPending } from './card';
import { Id, Phone } from './common';
import { SIGNED_IN } from './roles';

export const VisitItems = z.object({
  met: z.boolean(),
  chatted: z.boolean(),
  registered: z.boolean(),
  noticeGiven: z.boolean(),
  problemsCollected: z.boolean(),
});
export type VisitItemsT = z.infer<typeof VisitItems>;

export const VisitView = z.object({
  id: z.string(),
  visitedAt: z.number(),
  byName: z.string(),
  items: VisitItems,
  problems: z.string().optional(),
});

export const MyHousehold = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  address: z.string(),
  building: z.string(),
  room: z.string(),
  people: z.number().int(),
  /** The phone, when the caller left it (only they see it in full, change or delete it) … */
  phone: z.string().optional(),
  /** … or, left by another member of the family, masked. */
  familyPhoneMasked: z.string().optional(),
  members: z.number().int(),
  /** Each member as the others see them: an opaque key, when they joined, whether the caller may remove them. */
  memberList: z.array(z.object({ key: z.string(), joinedAt: z.number(), you: z.boolean(), removable: z.boolean() })),
  /** Requests to join, waiting for a member's answer (what the newcomer gave, their phone masked). */
  requests: z.array(z.object({ id: z.string(), at: z.number(), people: z.number().int(), phoneMasked: z.string().optional() })),
  boundAt: z.number().optional(),
  visits: z.array(VisitView),
});

export const household = {
  mine: action({
    summary: '我家登记了哪些信息',
    input: z.object({}),
    output: z.object({
      household: MyHousehold.nullable(),
      /** The caller's own request to join an occupied household, while it waits. */
      pending: JoinPending.optional(),
    }),
    roles: SIGNED_IN,
  }),
  decide: action({
    summary: '家人申请加入我家：同意或拒绝（本户成员）',
    input: z.object({ requestId: Id, approve: z.boolean() }),
    output: z.object({ household: MyHousehold }),
    roles: SIGNED_IN,
  }),
  removeMember: action({
    summary: '把误加入的人移出我家（只能移除比自己晚加入的成员）',
    input: z.object({ member: Id }),
    output: z.object({ household: MyHousehold }),
    roles: SIGNED_IN,
  }),
  withdraw: action({
    summary: '撤回我加入住户的申请',
    input: z.object({}),
    output: z.object({ withdrawn: z.boolean() }),
    roles: SIGNED_IN,
  }),
  update: action({
    summary: '更正我家的信息',
    input: z
      .object({
        people: z.number().int().min(1).max(20).optional(),
        phone: Phone.optional(),
        phoneConsent: z.boolean().optional(),
        clearPhone: z.boolean().optional(),
      })
      .refine((v) => !(v.phone && v.clearPhone), { message: '不能同时填写和删除手机号' }),
    output: z.object({ household: MyHousehold }),
    roles: SIGNED_IN,
  }),
  remove: action({
    summary: '删除我家的登记（最后一位成员删除时，整户记录与走访记录一并删除）',
    input: z.object({}),
    output: z.object({ removed: z.enum(['membership', 'household']) }),
    roles: SIGNED_IN,
  }),
};
