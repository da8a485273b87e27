// Where each number of the 工作台 leads: the list behind it, filtered to exactly what it counts.
import { minqingUrls } from '../minqing/subpackage';
import { perkUrls } from '../perk/subpackage';
import { rosterUrls } from '../roster/subpackage';
import { voteUrls } from '../vote/subpackage';

export interface Scope {
  nodeId: string;
  level: string;
  /** The 管理员 reads 辖区民情; a 片长 their own 民情待办. */
  admin: boolean;
}

export const deskLinks = {
  overdue: (s: Scope) => (s.admin ? minqingUrls.list({ nodeId: s.nodeId, overdue: '1' }) : minqingUrls.todo('overdue')),
  problems: (s: Scope, filter: { class?: string; category?: string; status?: string } = {}) =>
    s.admin ? minqingUrls.list({ nodeId: s.nodeId, ...filter }) : minqingUrls.todo(filter.status === 'resolved' || filter.status === 'closed' ? 'done' : 'pending'),
  households: (s: Scope) => `/ledger/summary?nodeId=${encodeURIComponent(s.nodeId)}`,
  leads: (s: Scope) => (s.admin ? rosterUrls.admin('adjust') : rosterUrls.tree()),
  meetings: () => minqingUrls.meetings(),
  perks: (s: Scope) => (s.admin ? perkUrls.admin('stats') : perkUrls.mine()),
  campaign: (id: string) => voteUrls.manage(id),
};
