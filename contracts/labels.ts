// Chinese labels for enum values, free of zod so the mini program can import them as values.
export const APPLICATION_KIND_LABELS = {
  self: '个人自荐',
  recommend: '群众推荐',
  appoint: '组织指定',
} as const;

export const AWAY_STATUS_LABELS = {
  away: '外出超过一个月',
  unable: '不能正常履职',
  unfit: '不宜担任',
} as const;

/** 最美邻长评选 (contracts/vote.ts) */
export const CAMPAIGN_STATUS_LABELS = {
  upcoming: '即将开始',
  nominating: '提名中',
  reviewing: '审核公示中',
  voting: '投票中',
  closed: '投票已结束',
} as const;

export const VOTE_ELIGIBILITY_LABELS = {
  anyone: '所有微信用户',
  registered: '已绑定住户的居民',
  scope: '本辖区已绑定住户的居民',
} as const;

export const NOMINATION_KIND_LABELS = {
  org: '组织推荐',
  public: '群众推荐',
  self: '个人自荐',
} as const;

export const CANDIDATE_STATUS_LABELS = {
  pending: '待审核',
  approved: '已入围',
  rejected: '未通过',
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

/** 每天 / 每周 / 每月 are Beijing days, Monday-based weeks and calendar months. */
export const PERK_PERIOD_LABELS = { day: '每天', week: '每周', month: '每月', total: '累计' } as const;
