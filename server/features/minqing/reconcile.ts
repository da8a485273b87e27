// The to-do boxes and the open/overdue/done state of the roll-ups are kept on write (counters.ts):
// the problem is written in its transaction, the counters right after. A crash between the two
// leaves the counters off by that step, for good. The reconcile, run by the sweep timer after
// each sweep, walks the problems written since its last run (oldest first, `max` a run, a cursor
// kept in mqreconcile) and recounts every counter such a problem touches or touched — each
// holder of its chain and the one above each, its 片/社区/镇街/区 — from the problems
// themselves by indexed counts, then moves each counter by the difference.
//
// Only the state can be recounted (pending, overdue, done: what the problems are now). The
// event figures (received, accepted in time, resolved in time, rated, satisfied, reopened) are
// history, not state: a step whose counter write was lost stays uncounted there.
// The walk keeps LAG_MS behind the clock so a write whose counters are still on their way is
// never recounted early (its own increment would then count twice).
import type { Ctx } from '../../core/context';
import { cmd, MAX_LIMIT, type Filter } from '../../store/port';
import { applyDeltas, handlerId, nodeAggId, readCounters, type Delta } from './counters';
import { parseKey, type ProblemDoc } from './docs';
import { aboveKey } from './routing';

export const LAG_MS = 60_000;
const CURSOR_ID = 'problems';
const LEVELS = ['area', 'community', 'street', 'district'] as const;

export interface ReconcileDoc {
  _id: string;
  /** The last problem walked: its updatedAt and id (the walk's order). */
  since: number;
  sinceId: string;
  at: number;
}

/** The counters a problem's writes can have moved. */
function touchedBy(p: ProblemDoc): { handlers: string[]; nodes: { level: (typeof LEVELS)[number]; id: string }[] } {
  const keys = new Set<string>([p.hk, ...(p.chain ?? [])]);
  if (p.resolvedBy) keys.add(p.resolvedBy);
  for (const k of [...keys]) {
    const up = aboveKey(parseKey(k).level, p.at);
    if (up) keys.add(up);
  }
  if (p.wk) keys.add(p.wk);
  const nodes = LEVELS.filter((l) => p.at[l]).map((level) => ({ level, id: p.at[level] as string }));
  return { handlers: [...keys], nodes };
}

async function truthOfHandler(ctx: Ctx, key: string): Promise<Delta> {
  const problems = ctx.store.collection('problems');
  const [pending, overHeld, overAbove, done] = await Promise.all([
    problems.where({ hk: key, box: 'open' }).count(),
    problems.where({ hk: key, box: 'open', overdue: true }).count(),
    problems.where({ wk: key, box: 'open', overdue: true }).count(),
    problems.where({ resolvedBy: key, box: 'done' }).count(),
  ]);
  return { pending, overdue: overHeld + overAbove, done };
}

async function truthOfNode(ctx: Ctx, level: (typeof LEVELS)[number], id: string): Promise<Delta> {
  const problems = ctx.store.collection('problems');
  const at: Filter = { [`at.${level}`]: id };
  const [overdue, done] = await Promise.all([
    problems.where({ ...at, box: 'open', overdue: true }).count(),
    problems.where({ ...at, box: 'done' }).count(),
  ]);
  return { overdue, done };
}

export async function reconcileWith(ctx: Ctx, max: number): Promise<{ problems: number; counters: number; fixed: number; more: boolean }> {
  const now = ctx.clock.now();
  const until = now - LAG_MS;
  const state = ctx.store.collection('mqreconcile');
  const cur = await state.doc(CURSOR_ID).get();
  const since = cur?.since ?? 0;
  const sinceId = cur?.sinceId ?? '';
  const batch = Math.min(max, MAX_LIMIT - 1);
  const docs = await ctx.store
    .collection('problems')
    .where(cmd.or({ updatedAt: since, _id: cmd.gt(sinceId) }, { updatedAt: cmd.both(cmd.gt(since), cmd.lt(until)) }))
    .orderBy('updatedAt', 'asc')
    .limit(batch + 1)
    .get();
  const walked = docs.slice(0, batch);

  const handlers = new Set<string>();
  const nodes = new Map<string, { level: (typeof LEVELS)[number]; id: string }>();
  for (const p of walked) {
    const t = touchedBy(p);
    for (const k of t.handlers) handlers.add(k);
    for (const n of t.nodes) nodes.set(nodeAggId(n.id), n);
  }
  const truths = new Map<string, Delta>();
  for (const k of handlers) truths.set(handlerId(k), await truthOfHandler(ctx, k));
  for (const [id, n] of nodes) truths.set(id, await truthOfNode(ctx, n.level, n.id));

  const have = await readCounters(ctx.store, [...truths.keys()]);
  const deltas = new Map<string, Delta>();
  for (const [id, truth] of truths) {
    const d: Delta = {};
    for (const [f, n] of Object.entries(truth)) {
      const diff = (n ?? 0) - (((have.get(id) as Record<string, unknown> | undefined)?.[f] as number | undefined) ?? 0);
      if (diff) d[f] = diff;
    }
    if (Object.keys(d).length) deltas.set(id, d);
  }
  await applyDeltas(ctx.store, deltas);

  // The next run starts after the last one walked (a problem written again later is walked again).
  const last = walked[walked.length - 1];
  const next = last ? { since: last.updatedAt, sinceId: last._id, at: now } : { since, sinceId, at: now };
  if (!cur) await state.add({ _id: CURSOR_ID, ...next });
  else await state.doc(CURSOR_ID).update(next);
  return { problems: walked.length, counters: truths.size, fixed: deltas.size, more: docs.length > batch };
}
