// Per 社区: the categories (the fixed list plus the 社区's own) and the deadlines.
import type { DeadlinesT } from '../../../contracts/minqing';
import { DEFAULT_DEADLINES, PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS } from '../../../contracts/minqing-labels';
import { AppError } from '../../core/errors';
import type { Store } from '../../store/port';
import type { MinqingConfigDoc, ProblemClass } from './docs';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export async function loadConfig(store: Store, communityId: string): Promise<MinqingConfigDoc> {
  const doc = await store.collection('mqconfig').doc(communityId).get();
  return doc ?? { _id: communityId, categories: [] };
}

export function deadlinesOf(cfg: MinqingConfigDoc): DeadlinesT {
  return cfg.deadlines ?? { ...DEFAULT_DEADLINES };
}

export function categoriesOf(cfg: MinqingConfigDoc): { id: string; label: string; custom: boolean }[] {
  const fixed = PROBLEM_CATEGORIES.map((id) => ({ id, label: PROBLEM_CATEGORY_LABELS[id], custom: false }));
  const own = cfg.categories.filter((c) => c.active).map((c) => ({ id: c.id, label: c.label, custom: true }));
  // 其他 stays last.
  return [...fixed.slice(0, -1), ...own, fixed[fixed.length - 1]];
}

/** The label of a category the 社区 offers (a stopped one of its own is refused for new reports). */
export function categoryLabel(cfg: MinqingConfigDoc, id: string): string {
  const found = categoriesOf(cfg).find((c) => c.id === id);
  if (!found) throw new AppError('INVALID_INPUT', '请选择问题类别');
  return found.label;
}

export function acceptDue(d: DeadlinesT, from: number, urgent: boolean): number {
  return from + (urgent ? d.urgentAcceptHours : d.acceptHours) * HOUR;
}

export function resolveDue(d: DeadlinesT, from: number, cls: ProblemClass): number {
  const days = cls === 'personal' ? d.personalDays : cls === 'minor' ? d.minorDays : d.majorDays;
  return from + days * DAY;
}

export const confirmDue = (d: DeadlinesT, from: number) => from + d.confirmDays * DAY;
