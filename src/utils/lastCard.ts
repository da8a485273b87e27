// The 邻 of the last 邻长联系卡 this phone opened: a resident who has not bound a household
// yet still sees that 邻's notices on 首页.
import Taro from '@tarojs/taro';

const KEY = 'lzt-last-card-unit';

export function rememberCard(unitId: string): void {
  try {
    Taro.setStorageSync(KEY, unitId);
  } catch {
    // storage full or unavailable: 首页 then shows how to bind instead
  }
}

export function lastCardUnit(): string | undefined {
  try {
    const v = Taro.getStorageSync(KEY);
    return typeof v === 'string' && /^[0-9A-Za-z_-]{1,64}$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
