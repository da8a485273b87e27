// 专属优惠: the 三长's perks and passes, the partner clerk's 核销, the 管理员's partners.
import type { NoParams } from '../utils/pageUrl';

export const perkSubpackage = {
  root: 'perk',
  pages: ['index', 'detail', 'pass', 'mine', 'verify', 'records', 'admin', 'partner', 'edit'] satisfies PerkPage[],
};

/** The tabs of 优惠管理 (perk/admin), opened with `?tab=`. */
export type PerkAdminTab = 'partners' | 'clerks' | 'import' | 'stats';

/** Each page of this subpackage and the parameters it reads: `pageUrl('perk/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface PerkPages {
  index: NoParams;
  detail: { id: string };
  pass: { id: string };
  mine: NoParams;
  /** 优惠核销 of a partner's clerk (shop: the partner's name, shown while the page loads). */
  verify: { shop?: string };
  records: NoParams;
  admin: { tab?: PerkAdminTab };
  /** A partner (its perks, clerks), or the new-partner form. */
  partner: { id?: string };
  /** A partner's perk form: a new perk, or perk perkId. */
  edit: { partnerId: string; perkId?: string };
}
type PerkPage = keyof PerkPages;
