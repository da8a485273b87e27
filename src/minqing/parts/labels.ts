// How a problem's state reads in the lists and on its page (labels from the zod-free contract file).
import {
  DEADLINE_KIND_LABELS,
  HANDLER_LEVEL_LABELS,
  PROBLEM_CLASS_LABELS,
  PROBLEM_STATUS_LABELS,
} from '../../../contracts/minqing-labels';
import { formatDateTime } from '../../utils/beijingTime';
import type { ProblemRow } from '../types';

export type Tone = 'done' | 'partial' | 'none' | 'warn';

/** 待受理 / 办理中 / 待评价 / 已完结, coloured like the other chips of the app. */
export function statusChip(p: Pick<ProblemRow, 'status' | 'overdue' | 'overdueKind'>): { text: string; tone: Tone } {
  if (p.overdue && (p.status === 'pending' || p.status === 'handling')) return { text: p.overdueKind ? DEADLINE_KIND_LABELS[p.overdueKind] : '已超时', tone: 'warn' };
  const tone: Tone = p.status === 'closed' ? 'done' : p.status === 'resolved' ? 'done' : p.status === 'handling' ? 'partial' : 'none';
  return { text: PROBLEM_STATUS_LABELS[p.status], tone };
}

export const classLabel = (c: ProblemRow['class']) => (c ? PROBLEM_CLASS_LABELS[c] : '未分类');

/** 邻长 张三 / 部门 区住建局 */
export const handlerText = (h: ProblemRow['handler']) => `${HANDLER_LEVEL_LABELS[h.level]} ${h.name}`.trim();

/** 2026-12-07 14:05 前受理 / 办结 */
export function dueText(p: Pick<ProblemRow, 'dueAt' | 'status'>): string | null {
  if (p.dueAt === null || (p.status !== 'pending' && p.status !== 'handling')) return null;
  return `${formatDateTime(p.dueAt)} 前${p.status === 'pending' ? '受理' : '办结'}`;
}

export { formatDateTime };
