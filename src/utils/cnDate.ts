// Dates written the way residents read them (2025年11月25日), in Beijing time (UTC+8, no
// daylight saving) whatever the phone's own zone. Plain arithmetic keeps dayjs out of the
// small bundles.
const BEIJING_OFFSET_MS = 8 * 3600_000;

function beijing(ts: number): Date {
  return new Date(ts + BEIJING_OFFSET_MS); // read with getUTC*
}

/** 2025年11月25日 */
export function cnDate(ts: number): string {
  const d = beijing(ts);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 2025年11月25日 14:05 */
export function cnDateTime(ts: number): string {
  const d = beijing(ts);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${cnDate(ts)} ${hh}:${mm}`;
}
