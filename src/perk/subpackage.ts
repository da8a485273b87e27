// 专属优惠: the 三长's perks and passes, the partner clerk's 核销, the 管理员's partners.
export const perkSubpackage = {
  root: 'perk',
  pages: ['index', 'detail', 'pass', 'mine', 'verify', 'records', 'admin', 'partner', 'edit'],
};

/** The tabs of 优惠管理 (perk/admin). */
export type PerkAdminTab = 'partners' | 'clerks' | 'import' | 'stats';

/** Page URLs of this subpackage, for the entries other packages show (首页, 我的, 工作台). */
export const perkUrls = {
  /** 优惠管理, opened on a tab (商家, 核销员, 导入, 统计). */
  admin: (tab?: PerkAdminTab) => `/perk/admin${tab ? `?tab=${tab}` : ''}`,
  /** A partner (its perks and clerks), or the new-partner form. */
  partner: (id?: string) => `/perk/partner${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  mine: () => '/perk/mine',
};
