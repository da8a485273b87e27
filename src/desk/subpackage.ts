// 社区工作台: the dashboard of a 管理员's subtree or a 片长's 片 (figures, charts, reports), and
// the 管理员's one desk of every list they work on.
export const deskSubpackage = { root: 'desk', pages: ['index'] };

/** Page URLs of this subpackage, for the entries other packages show (首页). */
export const deskUrls = {
  dashboard: (nodeId?: string) => `/desk/index${nodeId ? `?nodeId=${encodeURIComponent(nodeId)}` : ''}`,
  work: () => '/desk/work',
};
