// The 工作台's figures, kept by increments on write (collection deskstats), so the dashboard
// and the 月调度/季总结/半年通报 reports are a few reads at one 社区 or the whole 区:
//   <nodeId>:<YYYYMM>   what happened in a Beijing month under a 组, 片, 社区, 镇街 or the 区
//                       (五个一 visits, problems received / accepted in time / resolved / rated,
//                       by class and category, 民情恳谈会 held, perks redeemed by its 三长);
//   <nodeId>:now        the state now (problems open and overdue);
//   camp:<campaignId>   a 最美邻长评选's votes and voter-days.
// A write adds to every level above the record in one update (plus one add per document
// met for the first time).
import { beijingMonth } from '../core/time';
import { cmd, StoreError, type Store } from '../store/port';
import type { At } from './docs';
import { setPath } from '../store/doc-patch';

/** Dotted counter paths (mq.received, cls.minor.rated, cat.c_park.satisfied …) and what to add. */
export type FigureDelta = Record<string, number>;

export interface FigureDoc {
  _id: string;
  /** The node (or campaign) and the month ('now' for the state) the counters are of. */
  key: string;
  period: string;
  [counter: string]: unknown;
}

/** Levels whose figures are kept: the 组 and everything above it. */
export const FIGURE_LEVELS = ['group', 'area', 'community', 'street', 'district'] as const;
export const NOW = 'now';

export const figureId = (key: string, period: string) => `${key}:${period}`;
export const monthOf = (t: number) => beijingMonth(t);

/** The ids a record at `at` adds to, for one period. */
export function figureIds(at: At, period: string): string[] {
  return FIGURE_LEVELS.map((l) => at[l]).filter((v): v is string => !!v).map((id) => figureId(id, period));
}

const patchOf = (d: FigureDelta) => Object.fromEntries(Object.entries(d).filter(([, n]) => n).map(([f, n]) => [f, cmd.inc(n)]));

function fresh(id: string, delta: FigureDelta): FigureDoc {
  const i = id.lastIndexOf(':');
  const doc: FigureDoc = { _id: id, key: id.slice(0, i), period: id.slice(i + 1) };
  for (const [f, n] of Object.entries(delta)) if (n) setPath(doc, f, n);
  return doc;
}

/** Adds `delta` to each of `ids` (one update; a document met for the first time is created). */
export async function bumpFigureIds(store: Store, ids: string[], delta: FigureDelta): Promise<void> {
  const patch = patchOf(delta);
  if (!ids.length || !Object.keys(patch).length) return;
  const col = store.collection('deskstats');
  const updated = ids.length === 1 ? ((await col.doc(ids[0]).update(patch)) ? 1 : 0) : await col.where({ _id: cmd.in(ids) }).update(patch);
  if (updated === ids.length) return;
  const have = new Set(ids.length === 1 ? [] : (await col.where({ _id: cmd.in(ids) }).field(['_id']).get()).map((d) => d._id));
  for (const id of ids.filter((x) => !have.has(x))) {
    try {
      await col.add(fresh(id, delta));
    } catch (e) {
      // Two writers met the same new document: the loser adds to the winner's.
      if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
      await col.doc(id).update(patch);
    }
  }
}

/** Adds `delta` to the figures of every level above a record, for one period. */
export function bumpFigures(store: Store, at: At, period: string, delta: FigureDelta): Promise<void> {
  return bumpFigureIds(store, figureIds(at, period), delta);
}

/** Reads figure documents by id (100 per read). */
export async function readFigures(store: Store, ids: string[]): Promise<Map<string, FigureDoc>> {
  const out = new Map<string, FigureDoc>();
  const col = store.collection('deskstats');
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const docs = chunk.length === 1 ? [await col.doc(chunk[0]).get()].filter((d): d is FigureDoc => !!d) : await col.where({ _id: cmd.in(chunk) }).limit(100).get();
    for (const d of docs) out.set(d._id, d);
  }
  return out;
}

/** Sums many records' deltas and writes them at the end (an import of thousands of nodes: a few writes). */
export class FigureBatch {
  private readonly sums = new Map<string, FigureDelta>();
  /** Ids whose documents cannot exist yet (their node was made in this batch): added at once. */
  private readonly fresh = new Set<string>();

  /** The node was made in this batch: its figure document is new (one add, no update first). */
  made(nodeId: string, period: string): void {
    this.fresh.add(figureId(nodeId, period));
  }

  add(at: At, period: string, delta: FigureDelta): void {
    for (const id of figureIds(at, period)) {
      const d = this.sums.get(id) ?? {};
      for (const [f, n] of Object.entries(delta)) if (n) d[f] = (d[f] ?? 0) + n;
      this.sums.set(id, d);
    }
  }

  /** The sums as whole documents (a seed writes these in bulk). */
  docs(): FigureDoc[] {
    return [...this.sums].map(([id, d]) => fresh(id, d));
  }

  /** One update per distinct delta (100 ids at most each). */
  async flush(store: Store): Promise<void> {
    const groups = new Map<string, { ids: string[]; delta: FigureDelta }>();
    const col = store.collection('deskstats');
    for (const [id, delta] of this.sums) {
      if (this.fresh.has(id)) {
        try {
          await col.add(fresh(id, delta));
          continue;
        } catch (e) {
          if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
        }
      }
      const key = JSON.stringify(Object.entries(delta).sort());
      const g = groups.get(key) ?? { ids: [], delta };
      g.ids.push(id);
      groups.set(key, g);
    }
    this.sums.clear();
    this.fresh.clear();
    for (const { ids, delta } of groups.values()) {
      for (let i = 0; i < ids.length; i += 100) await bumpFigureIds(store, ids.slice(i, i + 100), delta);
    }
  }
}

/** What one seat of a 片长, 组长 or 邻长 adds to the 三长 figures (leads.<level>.seats / filled / away). */
export function seatDelta(level: 'area' | 'group' | 'unit', lead: { away?: unknown } | null | undefined, sign = 1): FigureDelta {
  return {
    [`leads.${level}.seats`]: sign,
    [`leads.${level}.filled`]: lead ? sign : 0,
    [`leads.${level}.away`]: lead?.away ? sign : 0,
  };
}

/** The change in the 三长 figures when a seat's lead goes from `before` to `after`. */
export function leadChangeDelta(level: 'area' | 'group' | 'unit', before: { away?: unknown } | null | undefined, after: { away?: unknown } | null | undefined): FigureDelta {
  return {
    [`leads.${level}.filled`]: (after ? 1 : 0) - (before ? 1 : 0),
    [`leads.${level}.away`]: (after?.away ? 1 : 0) - (before?.away ? 1 : 0),
  };
}
