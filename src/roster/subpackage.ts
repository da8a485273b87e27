// The 社区's roster: 组织体系图, import, printable cards, 动态调整, reviews.
export const rosterSubpackage = { root: 'roster', pages: ['tree', 'admin', 'unit'] };

/** The tabs of 社区管理 (roster/admin). */
export type RosterAdminTab = 'roster' | 'import' | 'cards' | 'adjust' | 'review' | 'appoint';

/** Page URLs of this subpackage, for the entries other packages show (首页, 工作台). */
export const rosterUrls = {
  /** 社区管理, opened on a tab (名册, 导入, 联系卡, 调整, 审核, 指定). */
  admin: (tab?: RosterAdminTab) => `/roster/admin${tab ? `?tab=${tab}` : ''}`,
  /** 组织体系图; manage: the 管理员's, each node opening its 管理 page. */
  tree: (manage?: boolean) => `/roster/tree${manage ? '?manage=1' : ''}`,
  unit: (id: string) => `/roster/unit?id=${encodeURIComponent(id)}`,
};
