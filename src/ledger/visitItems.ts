// 五个一: 见一次面、聊一次天、登记一次信息、发放一份告知书、收集一批问题.
import type { Output } from '../api/client';
import { formatMonthDay } from '../utils/beijingTime';

export type VisitItemKey = 'met' | 'chatted' | 'registered' | 'noticeGiven' | 'problemsCollected';
export type VisitItemsValue = Record<VisitItemKey, boolean>;

export const VISIT_ITEMS: { key: VisitItemKey; label: string; short: string }[] = [
  { key: 'met', label: '见一次面', short: '见面' },
  { key: 'chatted', label: '聊一次天', short: '聊天' },
  { key: 'registered', label: '登记一次信息', short: '登记' },
  { key: 'noticeGiven', label: '发放一份告知书', short: '告知书' },
  { key: 'problemsCollected', label: '收集一批问题', short: '问题' },
];

export const NO_ITEMS: VisitItemsValue = { met: false, chatted: false, registered: false, noticeGiven: false, problemsCollected: false };

export const isCompleteVisit = (items: VisitItemsValue) => VISIT_ITEMS.every((i) => items[i.key]);

export type LedgerRow = Output<'ledger', 'households'>['items'][number];
type LastVisit = LedgerRow['lastVisit'];

/** The chip on a household row: 已走访 (all five done at some visit) / 未走完 / 未走访. */
export function visitChip(last: LastVisit): { text: string; kind: 'done' | 'partial' | 'none' } {
  if (!last) return { text: '未走访', kind: 'none' };
  return last.complete ? { text: '已走访', kind: 'done' } : { text: '未走完', kind: 'partial' };
}

export const lastVisitText = (last: LastVisit) => (last ? `上次走访 ${formatMonthDay(last.visitedAt)}` : '');
