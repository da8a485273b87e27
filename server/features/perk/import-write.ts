// Partner-and-perk import, step 3: writing the plan, a partner (with its perks) at a time, so a
// call stops starting partners once its time is spent (server/core/budget.ts) and the same file
// imported again goes on from what is stored (the plan then finds those partners unchanged).
import type { Ctx } from '../../core/context';
import { inPool } from '../../core/pool';
import { noteAuditIds } from '../../domain/audit';
import { C, snapshotOf } from './docs';
import type { WriteUnit } from './import-plan';

/** Store calls in flight at once while writing (CloudBase answers each in ~10–30 ms): partners side by side, a partner's perks a few at a time. */
const PARTNERS_AT_ONCE = 4;
const PERKS_AT_ONCE = 4;

export interface WriteBudget {
  /** Partners (with their perks) one call writes at most. */
  units: number;
  /** performance.now() after which no partner is started. */
  deadline: number;
}

/** Writes whole units until the budget is spent (at least one a call, so every call makes progress); answers how many. */
export async function writeUnits(ctx: Ctx, units: readonly WriteUnit[], budget: WriteBudget): Promise<{ done: number; total: number }> {
  let done = 0;
  await inPool(units, PARTNERS_AT_ONCE, async (u) => {
    if (done > 0 && (done >= budget.units || performance.now() >= budget.deadline)) return;
    done++;
    await writeUnit(ctx, u);
  });
  return { done, total: units.length };
}

async function writeUnit(ctx: Ctx, u: WriteUnit): Promise<void> {
  // The partners and perks this import wrote (added or changed), for the 操作记录.
  noteAuditIds(ctx, { after: [u.partner?._id, ...u.perks.map((k) => k._id)] });
  if (u.partner) {
    const { _id, ...rest } = u.partner;
    await ctx.store.collection(C.partners).doc(_id).set(rest);
  }
  await inPool(u.perks, PERKS_AT_ONCE, async ({ _id, ...rest }) => {
    await ctx.store.collection(C.perks).doc(_id).set(rest);
  });
  if (u.propagate && u.partner) {
    // Perks of a changed partner that the file did not mention carry its new snapshot too.
    const d = u.partner;
    await ctx.store.collection(C.perks).where({ partnerId: d._id }).update({ partner: snapshotOf(d) });
    await ctx.store.collection(C.stats).where({ partnerId: d._id }).update({ partnerName: d.name, category: d.category, at: d.at });
  }
}
