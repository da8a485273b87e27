// 居民信息账: the households a 邻长 serves and their 五个一 visits; aggregates for 组长 and 片长.
import { z } from 'zod';
import { action } from './action';
import { Id, Level, NodeStats, PageOf, Paging, UserText } from './common';
import { VisitItems, VisitView } from './household';
import { LEADS } from './roles';

export const LedgerRow = z.object({
  id: z.string(),
  unitId: z.string(),
  address: z.string(),
  bound: z.boolean(),
  /** Only for the 邻长 of this 邻: */
  people: z.number().int().optional(),
  phoneMasked: z.string().optional(),
  lastVisit: z.object({ visitedAt: z.number(), complete: z.boolean() }).nullable(),
});

export const LedgerHousehold = z.object({
  id: z.string(),
  unitId: z.string(),
  address: z.string(),
  people: z.number().int(),
  phone: z.string().optional(),
  bound: z.boolean(),
  visits: z.array(VisitView),
});

export const SummaryNode = z.object({
  id: z.string(),
  name: z.string(),
  level: Level,
  leadName: z.string().nullable(),
  stats: NodeStats,
});

export const ledger = {
  households: action({
    summary: '居民信息账：一个邻的住户（邻长看本邻详情，组长、片长、管理员只看走访情况）',
    input: Paging.extend({ unitId: Id.optional(), onlyUnvisited: z.boolean().optional() }),
    output: PageOf(LedgerRow).extend({
      unit: z.object({ id: z.string(), name: z.string() }),
      /** The 邻 the caller leads (a 邻长 may lead two), to switch between. */
      mine: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
    roles: [...LEADS, 'admin'],
  }),
  household: action({
    summary: '一户的详细信息与走访记录（仅本邻邻长）',
    input: z.object({ id: Id }),
    output: LedgerHousehold,
    roles: ['neighbourLead'],
  }),
  visit: action({
    summary: '登记一次“五个一”走访',
    input: VisitItems.extend({ householdId: Id, problems: UserText(500).optional() }),
    output: z.object({ visit: VisitView }),
    roles: ['neighbourLead'],
  }),
  summary: action({
    summary: '组长、片长看下级的住户、绑定、走访汇总，可逐级下钻',
    input: z.object({ nodeId: Id.optional() }),
    output: z.object({ node: SummaryNode, children: z.array(SummaryNode) }),
    roles: [...LEADS, 'admin'],
  }),
};
