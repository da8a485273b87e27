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
