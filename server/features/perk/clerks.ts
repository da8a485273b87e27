// A partner's 核销员. Each is bound by a one-time code the 管理员 issued, and the code's
// record says who used it: so the 管理员 sees who can verify at a counter (and the codes
// still waiting to be used), and removes someone who has left. Removing takes the clerk
// role back and withdraws the code, so an unused code can no longer bind anyone.
// (The same seam binds a 部门's staff: domain/invites boundBy / withdrawBound.)
import type { ClerkRowT } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { boundBy, withdrawBound } from '../../domain/invites';
import type { PartnerDoc } from './docs';

export const listClerks = (ctx: Ctx, partner: PartnerDoc): Promise<ClerkRowT[]> => boundBy(ctx, partner._id, 'clerk');

export const removeClerk = (ctx: Ctx, partner: PartnerDoc, code: string): Promise<void> => withdrawBound(ctx, partner._id, 'clerk', code, '没有找到这位核销员');
