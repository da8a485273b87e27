// Cloud function `desk`: the 社区工作台 of a 管理员 (社区, 镇街 or 区, for their subtree) and of
// a 片长 (their 片): the dashboard's figures, and the 月调度/季总结/半年通报 reports built from
// the same figures (.xlsx and a printable PDF). Every figure comes from counters kept on write.
import { z } from 'zod';
import { action } from './action';
import { Id } from './common';
import type { Role } from './roles';

/** Who reads a 工作台. */
export const DESK_ROLES: readonly Role[] = ['admin', 'areaLead'];

/** A Beijing month, 202612. */
export const Month = z.string().regex(/^20\d{2}(0[1-9]|1[0-2])$/, '月份格式应为 YYYYMM');
export const REPORT_KINDS = ['month', 'quarter', 'halfYear'] as const;
export const REPORT_KIND_LABELS: Record<(typeof REPORT_KINDS)[number], string> = {
  month: '月调度',
  quarter: '季总结',
  halfYear: '半年通报',
};
export const ReportKind = z.enum(REPORT_KINDS);

const Rate = z.number().nullable();
const LeadSeats = z.object({ seats: z.number().int(), filled: z.number().int(), vacant: z.number().int(), away: z.number().int() });

/** 民情 figures of a period (events) with the state now (open, overdue). */
export const ProblemFigures = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  acceptedInTime: z.number().int(),
  resolved: z.number().int(),
  resolvedInTime: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  responseRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  /** Average hours from the start of a round to its resolution, of those resolved in the period. */
  avgResolveHours: z.number().nullable(),
  /** Now, not of the period. */
  open: z.number().int(),
  overdue: z.number().int(),
});

export const Breakdown = z.object({
  id: z.string(),
  label: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: Rate,
});

export const ChildRow = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  households: z.number().int(),
  bound: z.number().int(),
  coverageRate: Rate,
  visits: z.number().int(),
  leadsVacant: z.number().int(),
  leadsAway: z.number().int(),
  /** Null below the 片 (problems are summed at 片 and above). */
  problems: z.object({ received: z.number().int(), resolved: z.number().int(), overdue: z.number().int(), satisfactionRate: Rate }).nullable(),
});

export const TrendPoint = z.object({
  month: Month,
  received: z.number().int(),
  resolved: z.number().int(),
  visits: z.number().int(),
  satisfactionRate: Rate,
});

export const CampaignRow = z.object({ id: z.string(), title: z.string(), stage: z.string(), candidates: z.number().int(), votes: z.number().int() });

export const Summary = z.object({
  node: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  /** The period: its months (one, three or six) and its title (2026年12月, 2026年第四季度 …). */
  period: z.object({ kind: ReportKind, months: z.array(Month), title: z.string() }),
  coverage: z.object({ households: z.number().int(), bound: z.number().int(), visited: z.number().int(), coverageRate: Rate }),
  leads: z.object({ area: LeadSeats.nullable(), group: LeadSeats.nullable(), unit: LeadSeats }),
  visits: z.object({ visits: z.number().int(), complete: z.number().int() }),
  problems: ProblemFigures,
  byClass: z.array(Breakdown),
  byCategory: z.array(Breakdown),
  meetings: z.number().int(),
  redeemed: z.number().int(),
  campaigns: z.array(CampaignRow),
  children: z.array(ChildRow),
  trend: z.array(TrendPoint),
});
export type SummaryT = z.infer<typeof Summary>;

const Scope = z.object({ nodeId: Id.optional() });

/** The 工作台's 管理 entries: the counts that cost one read each (a maintained counter or an indexed count). */
export const ListCounts = z.object({
  /** 注册审核: 自荐与推荐 waiting for review. */
  registrations: z.number().int(),
  /** 待交办民情: problems held by the 管理员 (their to-do box, a maintained counter). */
  toAssign: z.number().int(),
  /** 通知: notices of the subtree. */
  notices: z.number().int(),
  /** 支持单位 of the subtree. */
  partners: z.number().int(),
});

export const desk = {
  lists: action({
    summary: '工作台“管理”：注册审核、待交办民情、通知、支持单位的数量（各一次计数）',
    input: z.object({}),
    output: ListCounts,
    roles: ['admin'],
  }),
  summary: action({
    summary: '工作台：覆盖率、三长在岗与空缺、五个一走访、民情办理、恳谈会、优惠核销、评选参与（本月或所选月份，来自随写随记的汇总）',
    input: Scope.extend({ month: Month.optional() }),
    output: Summary,
    roles: DESK_ROLES,
  }),
  report: action({
    summary: '月调度、季总结、半年通报：同一组数字导出为 Excel（每部分一张表）和可打印的 PDF（含图表）',
    input: Scope.extend({ kind: ReportKind.default('month'), month: Month.optional(), format: z.enum(['xlsx', 'pdf']) }),
    output: z.object({ url: z.string(), name: z.string(), title: z.string() }),
    roles: DESK_ROLES,
  }),
};
