// The deadline settings form (民情设置 › 办理时限): the text in each box, checked in Chinese
// before sending, with the same bounds as the contract's Deadlines (the server checks again).
import { DEFAULT_DEADLINES } from '../../../contracts/minqing-labels';
import type { Deadlines } from '../types';

export type DeadlineKey = keyof Deadlines;
export interface DeadlineSpec {
  key: DeadlineKey;
  label: string;
  unit: '小时' | '天';
  min: number;
  max: number;
  hint: string;
}

/** The order and wording a 社区 staffer sees; bounds as in contracts/minqing-schemas.ts. */
export const DEADLINE_SPECS: readonly DeadlineSpec[] = [
  { key: 'acceptHours', label: '受理时限', unit: '小时', min: 1, max: 168, hint: '提交后多久内要有人受理' },
  { key: 'urgentAcceptHours', label: '紧急问题受理时限', unit: '小时', min: 1, max: 24, hint: '居民勾选了“紧急（涉及人身财产安全）”的问题' },
  { key: 'personalDays', label: '私事办结时限', unit: '天', min: 1, max: 60, hint: '邻长办理，从提交时算起' },
  { key: 'minorDays', label: '小事办结时限', unit: '天', min: 1, max: 60, hint: '片长办理、上民情恳谈会，从提交时算起' },
  { key: 'majorDays', label: '大事办结时限', unit: '天', min: 1, max: 120, hint: '社区交部门办理或上报，从提交时算起' },
  { key: 'confirmDays', label: '居民评价期限', unit: '天', min: 1, max: 30, hint: '办结后居民这么多天不评价，按“默认满意”完结' },
];

export type DeadlineTexts = Record<DeadlineKey, string>;

export const textsOf = (d: Deadlines): DeadlineTexts =>
  Object.fromEntries(DEADLINE_SPECS.map((s) => [s.key, String(d[s.key])])) as DeadlineTexts;

export const defaultTexts = (): DeadlineTexts => textsOf({ ...DEFAULT_DEADLINES });

export type Checked = { ok: true; deadlines: Deadlines } | { ok: false; key: DeadlineKey; message: string };

/** Whole numbers within bounds, and 紧急 no longer than the ordinary 受理时限. */
export function checkDeadlines(texts: DeadlineTexts): Checked {
  const out: Partial<Deadlines> = {};
  for (const s of DEADLINE_SPECS) {
    const raw = texts[s.key].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < s.min || n > s.max) return { ok: false, key: s.key, message: `${s.label}请填 ${s.min}–${s.max} ${s.unit}的整数` };
    out[s.key] = n;
  }
  const d = out as Deadlines;
  if (d.urgentAcceptHours > d.acceptHours) return { ok: false, key: 'urgentAcceptHours', message: '紧急问题的受理时限不能长于一般受理时限' };
  return { ok: true, deadlines: d };
}

/** 受理 24 小时（紧急 2 小时），私事 3 天、小事 7 天、大事 15 天 */
export const deadlineSummary = (d: Deadlines) =>
  `受理 ${d.acceptHours} 小时（紧急 ${d.urgentAcceptHours} 小时），私事 ${d.personalDays} 天、小事 ${d.minorDays} 天、大事 ${d.majorDays} 天办结，评价 ${d.confirmDays} 天`;
