// Times shown in Asia/Shanghai (UTC+8, no daylight saving) whatever the phone's own zone.
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms + OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** 2025-11-25 */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** 2025-11-25 14:05 */
export function formatDateTime(ms: number): string {
  const p = parts(ms);
  return `${formatDate(ms)} ${pad(p.h)}:${pad(p.min)}`;
}

/** 11月25日 */
export function formatMonthDay(ms: number): string {
  const p = parts(ms);
  return `${p.m}月${p.d}日`;
}
