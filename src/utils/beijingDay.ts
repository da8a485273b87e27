// The Beijing-time rule (Asia/Shanghai, UTC+8, no daylight saving, whatever the phone's own zone)
// and the reading forms the main package's pages show (2025年11月25日 14:05). The picker values
// and the other forms are in ./beijingTime, which re-exports these: kept apart so the main
// package carries only this much and the rest stays in the subpackages that use it.
export const DAY_MS = 24 * 3600_000;
export const OFFSET_MS = 8 * 3600_000;
export const pad = (n: number) => String(n).padStart(2, '0');

export function parts(ms: number) {
  const d = new Date(ms + OFFSET_MS); // read with getUTC*
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** 20:00 (the value a mode='time' Picker shows) */
export function formatTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.h)}:${pad(p.min)}`;
}

/** 2025年11月25日 */
export function cnDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** 2025年11月25日 14:05 */
export function cnDateTime(ms: number): string {
  return `${cnDate(ms)} ${formatTime(ms)}`;
}
