// Client-side checks that mirror the contracts, so a mistake is explained in Chinese before
// anything is sent (the phone and room patterns themselves: contracts/rules.ts). The server checks again.
export const CLAIM_CODE_RE = /^\d{8}$/;
export const PEOPLE_MIN = 1;
export const PEOPLE_MAX = 20;
export const NAME_MAX = 20;

export const MSG = {
  phone: '手机号应为11位数字，以1开头',
  phoneConsent: '留手机号需要勾选“同意邻长查看我的手机号”；不想留可以把手机号清空',
  room: '门牌号只能是数字、字母或短横线，最多8位，例如 302',
  roomMissing: '请填写门牌号，例如 302',
  building: '请选择您家所在的楼栋单元',
  people: `家庭人数应在${PEOPLE_MIN}到${PEOPLE_MAX}人之间`,
  claimCode: '绑定码是8位数字，请核对后重新输入',
};

/** A phone field's text with spaces and dashes people type removed. */
export function cleanPhone(text: string): string {
  return text.replace(/[\s-]/g, '');
}

