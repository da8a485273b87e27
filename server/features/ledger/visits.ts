import type { VisitItemsT } from '../../../contracts/household';
import type { At } from '../../domain/docs';

/** One 五个一 home visit: 见一次面、聊一次天、登记一次信息、发放一份告知书、收集一批问题. */
export interface VisitDoc {
  _id: string;
  householdId: string;
  unitId: string;
  at: At;
  visitedAt: number;
  by: string;
  byName: string;
  items: VisitItemsT;
  problems?: string;
  [field: string]: unknown;
}

export const isComplete = (items: VisitItemsT) => Object.values(items).every(Boolean);
