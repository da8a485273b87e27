// A resident's own household record: see it, correct it, delete it.
import { z } from 'zod';
import { action } from './action';
import { Phone } from './common';
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
  boundAt: z.number().optional(),
  visits: z.array(VisitView),
});

export const household = {
  mine: action({
    summary: '我家登记了哪些信息',
    input: z.object({}),
    output: z.object({ household: MyHousehold.nullable() }),
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
