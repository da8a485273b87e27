// 民情 (residents' problems, 三事分流): the report form, a problem with its timeline and the
// handler's actions, 我的反映, the handlers' 待办, the 管理员's list, 民情恳谈会, 消息, the
// handlers' 办理统计 and the 管理员's 民情设置 and 部门账号.
export const minqingSubpackage = { root: 'minqing', pages: ['report', 'detail', 'mine', 'todo', 'list', 'meetings', 'meeting', 'inbox', 'stats', 'settings', 'departments'] };

const q = (params: Record<string, string | undefined>) => {
  const s = Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  return s ? `?${s}` : '';
};

/** Page URLs of this subpackage, for the entries other packages show (首页, 联系卡, 我的, 居民信息账). */
export const minqingUrls = {
  /** A resident's report (unitId: the card they scanned, when no household is bound). */
  report: (p: { unitId?: string } = {}) => `/minqing/report${q(p)}`,
  /** 收集一批问题: the 邻长 files for a household on a 五个一 visit. */
  collect: (p: { householdId: string; visitId?: string; address?: string }) => `/minqing/report${q(p)}`,
  detail: (id: string) => `/minqing/detail${q({ id })}`,
  mine: () => '/minqing/mine',
  todo: (box?: 'pending' | 'overdue' | 'done') => `/minqing/todo${q({ box })}`,
  /** 辖区民情, opened on a filter (the 工作台's numbers: overdue=1, a 片, a class or category). */
  list: (p: { nodeId?: string; overdue?: '1'; class?: string; category?: string; status?: string } = {}) => `/minqing/list${q(p)}`,
  meetings: () => '/minqing/meetings',
  meeting: (id: string) => `/minqing/meeting${q({ id })}`,
  inbox: () => '/minqing/inbox',
  /** 办理统计: the caller's own level, or a node below it. */
  stats: (nodeId?: string) => `/minqing/stats${q({ nodeId })}`,
  /** 民情设置 (管理员): categories and deadlines of the 社区. */
  settings: () => '/minqing/settings',
  /** 部门账号 (管理员): binding codes for a 部门's staff, and unbinding one who left. */
  departments: () => '/minqing/departments',
};
