// 大字模式 (large-text mode): one remembered switch, applied by PageShell on every page.
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

export const LARGE_TEXT_KEY = 'lzt:largeText';

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

/** Reads storage each time: the scan page (an independent subpackage) holds its own copy of this module. */
export function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true;
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
