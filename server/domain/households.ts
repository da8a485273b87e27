// Households and their visits, used by household, card and ledger.
// Leaving a household: a member takes the phone they left with them; the last member to leave
// takes the household's personal data with them.
import type { Ctx } from '../core/context';
import { phoneOwner } from './docs';
import { cmd, type Store } from '../store/port';
import { bumpStats } from './nodes';

export async function leaveHousehold(ctx: Ctx, openid: string, householdId: string): Promise<'membership' | 'household'> {
  const ref = ctx.store.collection('households').doc(householdId);
  const h = await ref.get();
  if (!h) return 'household';
  const members = h.members.filter((m) => m !== openid);
  if (members.length > 0) {
    const { [openid]: _gone, ...joined } = h.joined ?? {};
    // The phone they left goes with them: it was their consent, not the family's.
    const theirPhone = phoneOwner(h) === openid ? { phone: cmd.unset(), phoneConsentAt: cmd.unset(), phoneBy: cmd.unset() } : {};
    await ref.update({ members, ...(h.joined ? { joined } : {}), ...theirPhone });
    return 'membership';
  }
  // The last member: remove the household and every visit record about it.
  await ctx.store.collection('visits').where({ householdId }).remove();
  await ref.remove();
  await bumpStats(ctx.store, h.at, {
    households: -1,
    bound: h.members.length > 0 ? -1 : 0,
    visited: h.lastVisit?.complete ? -1 : 0,
  });
  return 'household';
}

/** The visits of one household, newest first (at most 20: a household is visited a few times a year). */
export async function visitsOf(store: Store, householdId: string) {
  const visits = await store.collection('visits').where({ householdId }).orderBy('visitedAt', 'desc').limit(20).get();
  return visits.map((v) => ({ id: v._id, visitedAt: v.visitedAt, byName: v.byName, items: v.items, problems: v.problems }));
}
