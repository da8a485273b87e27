// 专属优惠: the 三长's perks and passes, the partner clerk's 核销, the 管理员's partners.
export const perkSubpackage = {
  root: 'perk',
  pages: ['index', 'detail', 'pass', 'mine', 'verify', 'records', 'admin', 'partner', 'edit'],
};
