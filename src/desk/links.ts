// Where each number of the 工作台 leads: the list behind it, filtered to exactly what it counts.
import { pageUrl } from '../utils/pageUrl';

export interface Scope {
  nodeId: string;
  level: string;
  /** The 管理员 reads 辖区民情; a 片长 their own 民情待办. */
  admin: boolean;
}

export const deskLinks = {
  overdue: (s: Scope) => (s.admin ? pageUrl('minqing/list', { nodeId: s.nodeId, overdue: '1' }) : pageUrl('minqing/todo', { box: 'overdue' })),
  problems: (s: Scope, filter: { class?: string; category?: string; status?: string } = {}) =>
    s.admin ? pageUrl('minqing/list', { nodeId: s.nodeId, ...filter }) : pageUrl('minqing/todo', { box: filter.status === 'resolved' || filter.status === 'closed' ? 'done' : 'pending' }),
  households: (s: Scope) => pageUrl('ledger/summary', { nodeId: s.nodeId }),
  leads: (s: Scope) => (s.admin ? pageUrl('roster/admin', { tab: 'adjust' }) : pageUrl('roster/tree')),
  meetings: () => pageUrl('minqing/meetings'),
  perks: (s: Scope) => (s.admin ? pageUrl('perk/admin', { tab: 'stats' }) : pageUrl('perk/mine')),
  campaign: (id: string) => pageUrl('vote/manage', { id }),
};
