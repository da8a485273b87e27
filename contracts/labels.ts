// Chinese labels for enum values, free of zod so the mini program can import them as values.
// 最美邻长评选's are in ./vote-labels (the 首页 banner needs them in the main package).
import { ROLE_LABELS, type Level } from './roles';

/** The 三长 seat of each level that has one: 片 → 片长, 组 → 组长, 邻 → 邻长. */
export const LEAD_TITLE_LABELS: Partial<Record<Level, string>> = {
  area: ROLE_LABELS.areaLead,
  group: ROLE_LABELS.groupLead,
  unit: ROLE_LABELS.neighbourLead,
};
export const APPLICATION_KIND_LABELS = {
  self: '个人自荐',
  recommend: '群众推荐',
  appoint: '组织指定',
} as const;

/** 三长 registration (contracts/register.ts): where an application stands. */
export const APPLICATION_STATUS_LABELS = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
} as const;

export const AWAY_STATUS_LABELS = {
  away: '外出超过一个月',
  unable: '不能正常履职',
  unfit: '不宜担任',
} as const;

/** 专属优惠: the eight categories of 岳塘区's 支持单位. */
export const PERK_CATEGORY_LABELS = {
  health: '卫生健康',
  eldercare: '养老',
  education: '就学',
  dining: '餐饮',
  culture: '文体',
  travel: '出行',
  services: '生活服务',
  shopping: '购物',
} as const;

/** Who a perk is for (a 最美邻长 honoree is a 三长 with a commendation). */
export const PERK_ELIGIBILITY_LABELS = {
  neighbourLead: '邻长',
  groupLead: '组长',
  areaLead: '片长',
  honoree: '最美邻长',
} as const;

/** A 支持单位's standing (contracts/perk.ts). */
export const PARTNER_STATUS_LABELS = { active: '合作中', suspended: '已暂停' } as const;

/** 每天 / 每周 / 每月 are Beijing days, Monday-based weeks and calendar months. */
export const PERK_PERIOD_LABELS = { day: '每天', week: '每周', month: '每月', total: '累计' } as const;
