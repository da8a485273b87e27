// 最美邻长评选 (contracts/vote.ts): the Chinese labels of its enums, free of zod so the mini
// program can import them as values. Apart from ./labels so that the 首页 banner brings only
// these into the weapp main package.

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
