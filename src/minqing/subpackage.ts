// 民情 (residents' problems, 三事分流): the report form, a problem with its timeline and the
// handler's actions, 我的反映, the handlers' 待办, the 管理员's list, 民情恳谈会, 消息, the
// handlers' 办理统计 and the 管理员's 民情设置 and 部门账号.
import type { NoParams } from '../utils/pageUrl';

export const minqingSubpackage = {
  root: 'minqing',
  pages: [
    'report',
    'detail',
    'mine',
    'todo',
    'list',
    'meetings',
    'meeting',
    'inbox',
    'stats',
    'settings',
    'departments',
  ] satisfies MinqingPage[],
};

/** Each page of this subpackage and the parameters it reads: `pageUrl('minqing/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface MinqingPages {
  /** A resident's report (unitId: the card they scanned, when no household is bound), or 收集一批问题: the 邻长 files for a household on a 五个一 visit. */
  report: { unitId?: string } | { householdId: string; visitId?: string; address?: string };
  detail: { id: string };
  mine: NoParams;
  todo: { box?: 'pending' | 'overdue' | 'done' };
  /** 辖区民情, opened on a filter (the 工作台's numbers: overdue=1, a 片, a class or category). */
  list: { nodeId?: string; overdue?: '1'; class?: string; category?: string; status?: string };
  meetings: NoParams;
  meeting: { id: string };
  inbox: NoParams;
  /** 办理统计: the caller's own level, or a node below it. */
  stats: { nodeId?: string };
  /** 民情设置 (管理员): categories and deadlines of the 社区. */
  settings: NoParams;
  /** 部门账号 (管理员): binding codes for a 部门's staff, and unbinding one who left. */
  departments: NoParams;
}
type MinqingPage = keyof MinqingPages;
