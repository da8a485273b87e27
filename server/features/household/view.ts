import type { Store } from '../../store/port';
import type { HouseholdDoc } from '../../domain/docs';
import type { VisitDoc } from '../ledger/visits';

/** The visits of one household, newest first (at most 20: a household is visited a few times a year). */
export async function visitsOf(store: Store, householdId: string) {
  const visits = (await store.collection('visits').where({ householdId }).orderBy('visitedAt', 'desc').limit(20).get()) as VisitDoc[];
  return visits.map((v) => ({ id: v._id, visitedAt: v.visitedAt, byName: v.byName, items: v.items, problems: v.problems }));
}

export type { HouseholdDoc };
