// 邻长联系卡: what a scan of the card on a door opens, and binding a household to it.
import { z } from 'zod';
import { action } from './action';
import { AwayStatus, Building, Id, Phone, Room } from './common';
import { ANYONE, SIGNED_IN } from './roles';

export const LeadContact = z.object({
  name: z.string(),
  phoneMasked: z.string(),
  /** 动态调整 at this level too: 外出 can still be phoned; 不能履职/不宜担任 cannot. */
  away: z.object({ status: AwayStatus, since: z.number() }).optional(),
});

export const WechatGroup = z.object({
  level: z.enum(['unit', 'group', 'area']),
  name: z.string(),
  joinHint: z.string(),
});

export const CardView = z.object({
  unit: z.object({ id: z.string(), name: z.string(), buildings: z.array(z.string()) }),
  /** The caller's household is bound to this 邻 (the card then gives the 邻长's number in full). */
  mine: z.boolean(),
  /** null while the 邻 has no 邻长 (between a departure and a successor). */
  lead: z
    .object({
      name: z.string(),
      phoneMasked: z.string(),
      /** In full only for a caller whose household is bound to this 邻 (their door card prints it in full). */
      phone: z.string().optional(),
      photo: z.string().optional(),
      since: z.number(),
      honours: z.array(z.string()),
      /** Marked by the 管理员 (动态调整): the card says so and points to the 组长. */
      away: z.object({ status: AwayStatus, since: z.number() }).optional(),
    })
    .nullable(),
  /** Whom to turn to while the 邻长 is away or cannot serve: the nearest lead above who can, else the 社区. */
  turnTo: z.enum(['groupLead', 'areaLead', 'community']),
  promise: z.string(),
  wechatGroups: z.array(WechatGroup),
  group: z.object({ name: z.string(), lead: LeadContact.nullable() }),
  area: z.object({ name: z.string(), lead: LeadContact.nullable() }),
  community: z.object({ id: z.string(), name: z.string(), hotline: z.string() }),
});
export type CardViewT = z.infer<typeof CardView>;

/** A request to join an occupied household, as its sender sees it: the door they named, and when. */
export const JoinPending = z.object({ address: z.string(), at: z.number() });

export const HouseholdSummary = z.object({ id: z.string(), unitId: z.string(), address: z.string() });

export const card = {
  get: action({
    summary: '打开邻长联系卡（扫码落地页，一次读取）',
    input: z.object({ unitId: Id }),
    output: CardView,
    roles: ANYONE,
  }),
  contact: action({
    summary: '查看三长的完整电话（登录后，限频）',
    input: z.object({ unitId: Id, who: z.enum(['neighbourLead', 'groupLead', 'areaLead']) }),
    output: z.object({ name: z.string(), phone: z.string() }),
    roles: SIGNED_IN,
  }),
  bind: action({
    summary: '这是我的邻长：把我家绑定到这个邻',
    input: z.object({
      unitId: Id,
      building: Building,
      room: Room,
      people: z.number().int().min(1).max(20),
      phone: Phone.optional(),
      /** Must be true when a phone is given: the resident agreed to let the 邻长 see it. */
      phoneConsent: z.boolean().optional(),
      /** Confirms leaving the household the caller is bound to now (see `moveFrom`). */
      move: z.boolean().optional(),
    }),
    output: z.object({
      /** null: nothing written, the caller is bound elsewhere and must confirm the move first. */
      household: HouseholdSummary.nullable(),
      /** Where the caller is bound now, and whether leaving erases that household's record (they are its last member). */
      moveFrom: z.object({ address: z.string(), erases: z.boolean() }).optional(),
      /** The door has other members: the caller's request waits for one of them (or the 邻长) to approve it. */
      pending: JoinPending.optional(),
    }),
    roles: SIGNED_IN,
  }),
};
