// 响应率 / 按期办结率 / 满意率 as a 社区 staffer reads them: a percentage and what it counts.
import type { Rates } from '../types';

export interface RateFigure {
  key: 'response' | 'onTime' | 'satisfaction';
  label: string;
  /** 92% — or — while there is nothing to count yet. */
  value: string;
  /** What it counts, two short lines: 按时受理 11 件 / 收到 12 件（1 件待受理）. */
  basis: [string, string];
  /** Nothing to count yet: the value reads — in grey. */
  none: boolean;
  /** Below 80%: shown in red, as 12345 practice flags it. */
  low: boolean;
}

const LOW_BELOW = 0.8;
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export function rateFigures(r: Rates): RateFigure[] {
  const fig = (key: RateFigure['key'], label: string, rate: number | null, basis: [string, string]): RateFigure => ({
    key,
    label,
    value: percent(rate),
    basis,
    low: rate !== null && rate < LOW_BELOW,
    none: rate === null,
  });
  // Received but not accepted yet (waiting, or past the deadline): why a fresh figure is low.
  const waiting = Math.max(0, r.received - r.accepted);
  return [
    fig('response', '响应率', r.responseRate, r.received ? [`按时受理 ${r.acceptedInTime} 件`, `收到 ${r.received} 件${waiting ? `（${waiting} 件未受理）` : ''}`] : ['还没有收到反映', '']),
    fig('onTime', '按期办结率', r.onTimeRate, r.resolved ? [`按期办结 ${r.resolvedInTime} 件`, `办结 ${r.resolved} 件`] : ['还没有办结的', '']),
    fig('satisfaction', '满意率', r.satisfactionRate, r.rated ? [`满意 ${r.satisfied} 件`, `评价 ${r.rated} 件`] : ['还没有居民评价', '']),
  ];
}

/** One line for a list row or a cell: 响应 92% · 按期 80% · 满意 100%. */
export const rateLine = (r: Rates) => `响应 ${percent(r.responseRate)} · 按期 ${percent(r.onTimeRate)} · 满意 ${percent(r.satisfactionRate)}`;

/** The same three, each with its own tone, for a list row. */
export const rateParts = (r: Rates) =>
  rateFigures(r).map((f) => ({ key: f.key, text: `${f.label.replace(/率$/, '').replace('按期办结', '按期')} ${f.value}`, low: f.low, none: f.none }));
