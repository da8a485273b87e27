// Times are Asia/Shanghai: a campaign's "day" or a perk's "month" is a Beijing one.
// China has kept UTC+8 without daylight saving since 1991, so day, week and month keys
// and formats are plain arithmetic on a fixed offset (hot paths such as a vote compute them
// per call; dayjs' time-zone plugin costs tens of µs a call). `beijing()` (dayjs) stays for
// calendar arithmetic off the hot paths.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export const beijing = (t: number) => dayjs(t).tz(TZ);

const shifted = (t: number) => new Date(t + OFFSET_MS);
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 20261125 for any instant of that Beijing day. */
export function beijingDay(t: number): string {
  const d = shifted(t);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
}
/** 202611 for any instant of that Beijing month. */
export function beijingMonth(t: number): string {
  const d = shifted(t);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}`;
}
/** Start (epoch ms) of the Beijing day containing t. */
export const startOfBeijingDay = (t: number) => Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
/** The week's key: the Beijing date of its Monday, e.g. 20261123. */
export function beijingWeek(t: number): string {
  const start = startOfBeijingDay(t);
  const weekday = shifted(start).getUTCDay(); // 0 = Sunday
  return beijingDay(start - ((weekday + 6) % 7) * DAY_MS);
}
/** "2026-11-25 10:00" in Beijing time; tokens YYYY MM M DD D HH mm ss (others are kept as written). */
export function formatBeijing(t: number, fmt = 'YYYY-MM-DD HH:mm'): string {
  const d = shifted(t);
  const month = d.getUTCMonth() + 1;
  const date = d.getUTCDate();
  return fmt.replace(/YYYY|MM|DD|HH|mm|ss|M|D/g, (token) => {
    switch (token) {
      case 'YYYY':
        return String(d.getUTCFullYear());
      case 'MM':
        return two(month);
      case 'M':
        return String(month);
      case 'DD':
        return two(date);
      case 'D':
        return String(date);
      case 'HH':
        return two(d.getUTCHours());
      case 'mm':
        return two(d.getUTCMinutes());
      default:
        return two(d.getUTCSeconds());
    }
  });
}
