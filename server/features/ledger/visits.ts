import type { VisitItemsT } from '../../../contracts/household';

export const isComplete = (items: VisitItemsT) => Object.values(items).every(Boolean);
