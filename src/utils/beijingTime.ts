// Times in Beijing time (Asia/Shanghai, UTC+8, no daylight saving) whatever the phone's own
// zone: the way residents read them (2025年11月25日 14:05), the values the date and time
// pickers show (2025-11-25 / 14:05) and back. Plain arithmetic keeps dayjs out of the small bundles.
// The rule itself and the forms the main package shows are in ./beijingDay (main-package pages
// import that; everything else imports this module).
import { cnDate, cnDateTime, formatTime, OFFSET_MS, pad, parts, DAY_MS } from './beijingDay';

export { cnDate, cnDateTime, DAY_MS, formatTime };

/** 2025-11-25 (also the value a mode='date' Picker shows) */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** 2025-11-25 14:05 */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

/** 11月25日 */
export function formatMonthDay(ms: number): string {
  const p = parts(ms);
  return `${p.m}月${p.d}日`;
}

/** 11月25日 20:00 */
export function shortDateTime(ms: number): string {
  return `${formatMonthDay(ms)} ${formatTime(ms)}`;
}

/** 11-25 20:03:15 (for vote rows and alerts) */
export function clockTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}:${pad(p.s)}`;
}

/** 2025年11月25日 09:00 至 12月7日 20:00 (the year once, when both ends share it). */
export function span(from: number, until: number): string {
  const sameYear = parts(from).y === parts(until).y;
  return `${cnDateTime(from)} 至 ${sameYear ? shortDateTime(until) : cnDateTime(until)}`;
}

/** A Beijing date (2025-11-25) and time (20:00) from the pickers back to epoch ms. */
export function fromPickers(date: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h || 0, min || 0) - OFFSET_MS;
}

/** The first ms of the Beijing day `ms` falls in. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}
