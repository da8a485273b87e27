// 最美邻长评选: the campaign page, a candidate (vote, share), 推荐 / 自荐 and my nominations;
// for the 管理员: campaigns, the campaign form and the console (审核, 预警, 作废, 记录, 结果).
export const voteSubpackage = { root: 'vote', pages: ['campaign', 'candidate', 'nominate', 'mine', 'admin', 'edit', 'manage'] };
