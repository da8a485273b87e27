// 长辈版 (适老化, once 长辈版): applied by PageShell on every page. It follows WeChat's own
// font setting (我-设置-通用-字体大小, or 关怀模式) until the resident switches it in 我的 or on
// 首页; that choice is remembered and wins.
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

export const LARGE_TEXT_KEY = 'lzt:largeText';
/** H5 has no WeChat font setting: a stored scale factor (e.g. 1.4) stands in for it, for tests. */
export const H5_FONT_SCALE_KEY = 'lzt:h5FontScale';
/** WeChat's 标准 font size in px (fontSizeSetting), for clients that give no scale factor. */
const WECHAT_STANDARD_FONT_PX = 17;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

/** Reads storage each time: the scan page (an independent subpackage) holds its own copy of this module. */
export function readLargeText(): boolean {
  try {
    const chosen: unknown = Taro.getStorageSync(LARGE_TEXT_KEY);
    if (chosen === true || chosen === false) return chosen;
  } catch {
    // storage unavailable: follow WeChat
  }
  return wechatFontEnlarged();
}

/** Whether the resident made WeChat's font larger than 标准. */
export function wechatFontEnlarged(): boolean {
  try {
    if (process.env.TARO_ENV === 'h5') return Number(Taro.getStorageSync(H5_FONT_SCALE_KEY)) > 1;
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync();
    const font = info as { fontSizeScaleFactor?: number; fontSizeSetting?: number };
    const factor = Number(font.fontSizeScaleFactor);
    if (factor > 0) return factor > 1;
    return Number(font.fontSizeSetting) > WECHAT_STANDARD_FONT_PX;
  } catch {
    return false;
  }
}

export function setLargeText(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_TEXT_KEY, on);
  } catch {
    // storage full or unavailable: the switch still applies until the app closes
  }
  listeners.forEach((l) => l(on));
}

export function subscribeLargeText(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useLargeText(): boolean {
  const [on, setOn] = useState(readLargeText);
  useEffect(() => subscribeLargeText(setOn), []);
  useDidShow(() => setOn(readLargeText()));
  return on;
}
