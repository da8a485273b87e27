// 最美邻长评选: the campaign page, a candidate (vote, share), 推荐 / 自荐 and my nominations;
// for the 管理员: campaigns, the campaign form and the console (审核, 预警, 作废, 记录, 结果).
export const voteSubpackage = { root: 'vote', pages: ['campaign', 'candidate', 'nominate', 'mine', 'admin', 'edit', 'manage'] };

/** Page URLs of this subpackage, for the entries other packages show (首页, 工作台). */
export const voteUrls = {
  /** 评选活动 of the 管理员's scope. */
  admin: () => '/vote/admin',
  /** A campaign's console (审核, 预警, 作废, 记录, 结果). */
  manage: (id: string) => `/vote/manage?id=${encodeURIComponent(id)}`,
};
