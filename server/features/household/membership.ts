// Leaving a household: the last member to leave takes the household's personal data with them.
import type { Ctx } from '../../core/context';
import type { HouseholdDoc } from '../../domain/docs';
import { bumpStats } from '../../domain/nodes';

export async function leaveHousehold(ctx: Ctx, openid: string, householdId: string): Promise<'membership' | 'household'> {
  const ref = ctx.store.collection('households').doc(householdId);
  const h = (await ref.get()) as HouseholdDoc | null;
  if (!h) return 'household';
  const members = h.members.filter((m) => m !== openid);
  if (members.length > 0) {
    await ref.update({ members });
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
