// 民情 figures (data: bench/seed/minqing.ts) at 岳塘 scale (190,000 households): a 邻长's to-do
// on a server holding 1,000 problems and on one holding 100,000 — the same reads per call and
// p95 within 1.2× — and a report, which writes a bounded number of documents.
import type { Figure } from './types';

const SMALL = { BENCH_MINQING_PROBLEMS: '1000' };
const LARGE = { BENCH_MINQING_PROBLEMS: '100000' };
/** 邻 of the generated district other than the measured u1. */
const UNITS = 13_000;

export const MINQING_FIGURES: Figure[] = [
  {
    name: 'minqing.todo.1k',
    fn: 'minqing',
    body: () => ({ action: 'todo', box: 'pending', pageSize: 20 }),
    as: 'neighbourLead',
    env: SMALL,
    // The caller, one indexed page, the holder's counter.
    target: { maxReads: 3, maxWrites: 0 },
  },
  {
    name: 'minqing.todo.100k',
    fn: 'minqing',
    body: () => ({ action: 'todo', box: 'pending', pageSize: 20 }),
    as: 'neighbourLead',
    env: LARGE,
    target: { maxReads: 3, maxWrites: 0, maxP95Ratio: { of: 'minqing.todo.1k', ratio: 1.2 } },
  },
  {
    // Residents who scanned a card (no household) report against 13,000 邻; 10 reports an
    // hour each is the rate limit, so 1,000 callers take turns.
    name: 'minqing.submit',
    fn: 'minqing',
    body: (i) => ({ action: 'submit', unitId: `u${2 + (i % UNITS)}`, category: 'repair', description: `压测反映 ${i}：楼道灯坏了` }),
    as: 'resident',
    callers: 1000,
    env: LARGE,
    // Writes: the problem, its timeline entry, the holder's counter, the roll-ups (one write),
    // the rate-limit window — 5 (6 on a caller's first report of the hour, which creates it).
    // Reads: the caller, the rate-limit window, the 邻, the 社区's settings.
    target: { maxReads: 4, maxWrites: 6 },
  },
];
