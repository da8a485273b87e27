// Campaign times in Beijing time (UTC+8, no daylight saving), whatever the phone's own zone:
// for reading (2025年11月25日 20:00) and for the date and time pickers (2025-11-25 / 20:00).
import { cnDate, cnDateTime } from '../../utils/cnDate';

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const bj = (ms: number) => new Date(ms + OFFSET_MS);

/** The value a mode='date' Picker shows: 2025-11-25. */
export function pickerDate(ms: number): string {
  const d = bj(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The value a mode='time' Picker shows: 20:00. */
export function pickerTime(ms: number): string {
  const d = bj(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A Beijing date and time from the pickers back to epoch ms. */
export function fromPickers(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h || 0, min || 0) - OFFSET_MS;
}

/** 11月25日 20:00 */
export function shortDateTime(ms: number): string {
  const d = bj(ms);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 11-25 20:03:15 (for vote rows and alerts) */
export function clockTime(ms: number): string {
  const d = bj(ms);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 2025年11月25日 09:00 至 12月7日 20:00 (the year once, when both ends share it). */
export function span(from: number, until: number): string {
  const sameYear = bj(from).getUTCFullYear() === bj(until).getUTCFullYear();
  return `${cnDateTime(from)} 至 ${sameYear ? shortDateTime(until) : cnDateTime(until)}`;
}

export { cnDate, cnDateTime };
