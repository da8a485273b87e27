// A partner's 核销员. Each is bound by a one-time code the 管理员 issued, and the code's
// record says who used it: so the 管理员 sees who can verify at a counter (and the codes
// still waiting to be used), and removes someone who has left. Removing takes the clerk
// role back and withdraws the code, so an unused code can no longer bind anyone.
// (The same seam binds a 部门's staff: domain/invites boundBy / withdrawBound.)
import type { z } from 'zod';
import type { ClerkListRow, ClerkRowT } from '../../../contracts/perk';
import type { RoleGrantT } from '../../../contracts/common';
import type { Ctx } from '../../core/context';
import { matcher, SCAN_BATCHES, searchOf } from '../../core/search';
import { boundBy, boundByMany, withdrawBound } from '../../domain/invites';
import { subtree } from '../../domain/scope';
import { C, type PartnerDoc } from './docs';

export const listClerks = (ctx: Ctx, partner: PartnerDoc): Promise<ClerkRowT[]> => boundBy(ctx, partner._id, 'clerk');

export const removeClerk = (ctx: Ctx, partner: PartnerDoc, code: string): Promise<void> => withdrawBound(ctx, partner._id, 'clerk', code, '没有找到这位核销员');

/** Partners read per step of the 核销员 list: their codes fit one read of invites. */
const PARTNERS_PER_STEP = 10;

/**
 * The 管理员's 核销员 across the partners of their subtree, by partner name: each step reads 10
 * partners (the name index) and their codes (one read of the grant_node index), at most
 * SCAN_BATCHES steps a call; a search keeps the rows whose 店员称呼 or partner name holds it.
 * `cursor` and `next` are offsets into the partners.
 */
export async function clerkList(ctx: Ctx, grant: RoleGrantT, { cursor, pageSize, q }: { cursor?: string; pageSize: number; q?: string }) {
  const partners = ctx.store.collection(C.partners).where(subtree(grant)).orderBy('name', 'asc');
  const search = searchOf(q);
  const match = search ? matcher(search) : null;
  const items: z.infer<typeof ClerkListRow>[] = [];
  let from = cursor ? Number(cursor) : 0;
  for (let step = 0; step < SCAN_BATCHES && items.length < pageSize; step++) {
    const batch = await partners.skip(from).limit(PARTNERS_PER_STEP).field(['name']).get();
    const rows = await boundByMany(ctx, batch.map((p) => p._id), 'clerk');
    for (const p of batch) {
      for (const r of rows.get(p._id) ?? []) if (!match || match([r.label, p.name])) items.push({ ...r, partnerId: p._id, partnerName: p.name });
    }
    from += batch.length;
    if (batch.length < PARTNERS_PER_STEP) return { items, next: null };
  }
  return { items, next: String(from) };
}
