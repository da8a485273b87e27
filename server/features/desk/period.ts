// The periods of the 工作台: a Beijing month, its quarter (季总结) or its half-year (半年通报),
// and the 12 months of the trend that ends with the period.
import type { REPORT_KINDS } from '../../../contracts/desk';
import { beijingMonth } from '../../core/time';

export type ReportKindT = (typeof REPORT_KINDS)[number];

const CN_QUARTERS = ['一', '二', '三', '四'];

export const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(4)) - 1;
export const monthKey = (n: number) => `${Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, '0')}`;
export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(4))}月`;
export const shortMonth = (m: string) => `${Number(m.slice(4))}月`;

export interface Period {
  kind: ReportKindT;
  months: string[];
  title: string;
}

/** The period of `kind` that holds `month` (default: this Beijing month). */
export function periodOf(kind: ReportKindT, month: string | undefined, now: number): Period {
  const m = month ?? beijingMonth(now);
  const n = monthNumber(m);
  const year = m.slice(0, 4);
  const index = n % 12;
  if (kind === 'month') return { kind, months: [m], title: monthLabel(m) };
  const span = kind === 'quarter' ? 3 : 6;
  const first = n - (index % span);
  const months = Array.from({ length: span }, (_, i) => monthKey(first + i));
  const title = kind === 'quarter' ? `${year}年第${CN_QUARTERS[Math.floor(index / 3)]}季度` : `${year}年${index < 6 ? '上' : '下'}半年`;
  return { kind, months, title };
}

/** The 12 months up to the period's last one, oldest first. */
export function trendMonths(p: Period): string[] {
  const last = monthNumber(p.months[p.months.length - 1]);
  return Array.from({ length: 12 }, (_, i) => monthKey(last - 11 + i));
}
