// Maintained counters (collection mqstats), so the 首页 counts and the 响应率/按期办结率/满意率
// are one read, never a scan:
//   h:<HolderKey>  a handler's to-do boxes (pending, overdue, done) and their figures;
//   n:<nodeId>     the figures of every problem in a 片, 社区, 镇街 or the 区, with the state
//                  now (done, overdue: open = received − reopened − done) and the figures by
//                  class (cls.<class>.<figure>) and category (cat.<category>.<figure>);
//   n:<nodeId>:<YYYYMM>  the same figures of the events of one Beijing month (the 工作台's
//                  month, its 12-month trend and the 月调度/季总结/半年通报 reports).
// A state change adds the difference of the problem's contribution before and after; the
// figures grow by events (received, accepted in time, resolved in time, rated, satisfied).
import { beijingMonth } from '../../core/time';
import { setPath } from '../../store/doc-patch';
import { cmd, StoreError, type Store } from '../../store/port';
import type { HolderKey, ProblemDoc } from './docs';

export const RATE_FIELDS = ['received', 'accepted', 'acceptedInTime', 'resolved', 'resolvedInTime', 'rated', 'satisfied'] as const;
export const BOX_FIELDS = ['pending', 'overdue', 'done'] as const;
/** Event figures beyond the rates: rounds reopened by a 1–2 star rating, time to resolve (ms summed), 民情恳谈会 held. */
export const EXTRA_FIELDS = ['reopened', 'resolveMs', 'meetings'] as const;
type Field = (typeof RATE_FIELDS)[number] | (typeof BOX_FIELDS)[number] | (typeof EXTRA_FIELDS)[number];
/** Figures by field; the roll-ups also hold cls.<class>.<field> and cat.<category>.<field>. */
export type Delta = Partial<Record<Field, number>> & Record<string, number | undefined>;

export interface CounterDoc extends Partial<Record<Field, number>> {
  _id: string;
  cls?: Record<string, Partial<Record<Field, number>>>;
  cat?: Record<string, Partial<Record<Field, number>>>;
}

export const handlerId = (k: HolderKey) => `h:${k}`;
export const nodeAggId = (nodeId: string) => `n:${nodeId}`;

export const monthAggId = (nodeId: string, month: string) => `n:${nodeId}:${month}`;
const ROLLUP_LEVELS = ['area', 'community', 'street', 'district'] as const;
const rollupNodes = (p: Pick<ProblemDoc, 'at'>) => ROLLUP_LEVELS.map((l) => p.at[l]).filter((v): v is string => !!v);

/** The 片, 社区, 镇街 and 区 a problem's figures roll up to. */
export function rollupIds(p: Pick<ProblemDoc, 'at'>): string[] {
  return rollupNodes(p).map(nodeAggId);
}

/** The same, for the Beijing month of `now` (events only: the state lives in the all-time roll-ups). */
export function monthIds(p: Pick<ProblemDoc, 'at'>, now: number): string[] {
  const m = beijingMonth(now);
  return rollupNodes(p).map((id) => monthAggId(id, m));
}

/** A roll-up's figures also by class and category (the problem's, when it has them). */
export function detailed(p: Pick<ProblemDoc, 'class' | 'category'>, delta: Delta): Delta {
  const out: Delta = { ...delta };
  for (const [f, n] of Object.entries(delta)) {
    if (!n || f === 'meetings') continue;
    if (p.class) out[`cls.${p.class}.${f}`] = n;
    if (p.category) out[`cat.${p.category}.${f}`] = n;
  }
  return out;
}

/** What a problem adds to the to-do boxes in this state. */
function boxes(p: ProblemDoc | null): Map<string, Delta> {
  const out = new Map<string, Delta>();
  if (!p) return out;
  const add = (k: string, f: Field) => {
    const d = out.get(k) ?? {};
    d[f] = (d[f] ?? 0) + 1;
    out.set(k, d);
  };
  if (p.box === 'open') {
    add(handlerId(p.hk), 'pending');
    if (p.overdue) {
      add(handlerId(p.hk), 'overdue');
      if (p.wk) add(handlerId(p.wk), 'overdue');
      // The 片/社区/镇街/区: open and overdue now (the 工作台's 超时 count; minqing.list overdue).
      for (const id of rollupIds(p)) add(id, 'overdue');
    }
  } else {
    add(handlerId(p.resolvedBy ?? p.hk), 'done');
    for (const id of rollupIds(p)) add(id, 'done');
  }
  return out;
}

/** The change in every to-do box between two states of a problem. */
export function boxDiff(before: ProblemDoc | null, after: ProblemDoc | null): Map<string, Delta> {
  const b = boxes(before);
  const a = boxes(after);
  const out = new Map<string, Delta>();
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const d: Delta = {};
    for (const f of BOX_FIELDS) {
      const n = (a.get(id)?.[f] ?? 0) - (b.get(id)?.[f] ?? 0);
      if (n) d[f] = n;
    }
    if (Object.keys(d).length) out.set(id, d);
  }
  return out;
}

export function merge(into: Map<string, Delta>, ids: string[], delta: Delta): Map<string, Delta> {
  for (const id of ids) {
    const d = { ...(into.get(id) ?? {}) };
    for (const [f, n] of Object.entries(delta) as [Field, number][]) d[f] = (d[f] ?? 0) + n;
    into.set(id, d);
  }
  return into;
}

/**
 * The figures of an event, for the handler it counts for and the 片/社区/镇街/区 above the
 * problem (by class and category too), all time and in the month of `now`.
 */
export function eventDeltas(p: Pick<ProblemDoc, 'at' | 'class' | 'category'>, handler: HolderKey, delta: Delta, now: number): Map<string, Delta> {
  const up = detailed(p, delta);
  return merge(merge(merge(new Map(), [handlerId(handler)], delta), rollupIds(p), up), monthIds(p, now), up);
}

const patchOf = (d: Delta) => Object.fromEntries(Object.entries(d).filter(([, n]) => n).map(([f, n]) => [f, cmd.inc(n as number)]));

/** A counter document made from a delta (dotted fields become nested objects). */
function fresh(id: string, delta: Delta): CounterDoc {
  const doc: CounterDoc = { _id: id };
  for (const [f, n] of Object.entries(delta)) if (n) setPath(doc, f, n);
  return doc;
}

/**
 * Applies the deltas: counters with the same delta share one write; a counter met for the
 * first time is created (two callers creating it at once: the loser adds to the winner's).
 */
export async function applyDeltas(store: Store, deltas: Map<string, Delta>): Promise<void> {
  const groups = new Map<string, { ids: string[]; delta: Delta }>();
  for (const [id, delta] of deltas) {
    const patch = patchOf(delta);
    if (!Object.keys(patch).length) continue;
    const key = JSON.stringify(Object.entries(delta).sort());
    const g = groups.get(key) ?? { ids: [], delta };
    g.ids.push(id);
    groups.set(key, g);
  }
  const stats = store.collection('mqstats');
  for (const { ids, delta } of groups.values()) {
    const patch = patchOf(delta);
    const updated = ids.length === 1 ? ((await stats.doc(ids[0]).update(patch)) ? 1 : 0) : await stats.where({ _id: cmd.in(ids) }).update(patch);
    if (updated === ids.length) continue;
    const have = new Set(ids.length === 1 ? [] : ((await stats.where({ _id: cmd.in(ids) }).field(['_id']).get()).map((d) => d._id)));
    for (const id of ids.filter((i) => !have.has(i))) {
      try {
        await stats.add(fresh(id, delta));
      } catch (e) {
        if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
        await stats.doc(id).update(patch);
      }
    }
  }
}

export async function readCounters(store: Store, ids: string[]): Promise<Map<string, CounterDoc>> {
  const out = new Map<string, CounterDoc>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const docs = chunk.length === 1 ? [await store.collection('mqstats').doc(chunk[0]).get()] : await store.collection('mqstats').where({ _id: cmd.in(chunk) }).limit(100).get();
    for (const d of docs) if (d) out.set(d._id, d);
  }
  return out;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

export function ratesOf(c: CounterDoc | undefined) {
  const n = (f: Field) => (c?.[f] as number | undefined) ?? 0;
  return {
    received: n('received'),
    accepted: n('accepted'),
    acceptedInTime: n('acceptedInTime'),
    resolved: n('resolved'),
    resolvedInTime: n('resolvedInTime'),
    rated: n('rated'),
    satisfied: n('satisfied'),
    responseRate: ratio(n('acceptedInTime'), n('received')),
    onTimeRate: ratio(n('resolvedInTime'), n('resolved')),
    satisfactionRate: ratio(n('satisfied'), n('rated')),
  };
}
