// Times are Asia/Shanghai: a campaign's "day" or a perk's "month" is a Beijing one.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

export const beijing = (t: number) => dayjs(t).tz(TZ);

/** 20261125 for any instant of that Beijing day. */
export const beijingDay = (t: number) => beijing(t).format('YYYYMMDD');
/** 202611 for any instant of that Beijing month. */
export const beijingMonth = (t: number) => beijing(t).format('YYYYMM');
/** 2026W48-style ISO-ish week key (Monday-based) of the Beijing date. */
export function beijingWeek(t: number): string {
  const d = beijing(t);
  const monday = d.subtract((d.day() + 6) % 7, 'day').startOf('day');
  return monday.format('YYYYMMDD');
}
/** Start (epoch ms) of the Beijing day containing t. */
export const startOfBeijingDay = (t: number) => beijing(t).startOf('day').valueOf();
/** "2026-11-25 10:00" in Beijing time. */
export const formatBeijing = (t: number, fmt = 'YYYY-MM-DD HH:mm') => beijing(t).format(fmt);
