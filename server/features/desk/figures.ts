// Reading the maintained counters the 工作台 is made of: the 民情 roll-ups (mqstats: n:<node>
// all time with the state now, n:<node>:<YYYYMM> per month) and the 工作台's own (deskstats:
// <node>:<YYYYMM>, <node>:now). One `in` query per collection (100 ids each), whatever the
// size of the district: the dashboard never counts records.
import type { Ctx } from '../../core/context';
import { figureId, NOW } from '../../domain/figures';
import { getPath } from '../../store/doc-patch';
import { cmd } from '../../store/port';

type Counters = Map<string, Record<string, unknown>>;

export const mqAll = (nodeId: string) => `n:${nodeId}`;
export const mqMonth = (nodeId: string, month: string) => `n:${nodeId}:${month}`;
export const deskMonth = (nodeId: string, month: string) => figureId(nodeId, month);
export const deskNow = (nodeId: string) => figureId(nodeId, NOW);

async function readIds(ctx: Ctx, collection: 'mqstats' | 'deskstats', ids: string[]): Promise<Counters> {
  const out: Counters = new Map();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    const docs = await ctx.store.collection(collection).where({ _id: cmd.in(chunk) }).limit(100).get();
    for (const d of docs) out.set(d._id, d as unknown as Record<string, unknown>);
  }
  return out;
}

/** The counters of both collections, by id. */
export class Figures {
  private constructor(
    private readonly mq: Counters,
    private readonly desk: Counters,
  ) {}

  static async read(ctx: Ctx, mqIds: string[], deskIds: string[]): Promise<Figures> {
    const [mq, desk] = await Promise.all([readIds(ctx, 'mqstats', mqIds), readIds(ctx, 'deskstats', deskIds)]);
    return new Figures(mq, desk);
  }

  private static sum(from: Counters, ids: string[], field: string): number {
    let n = 0;
    for (const id of ids) {
      const v = getPath(from.get(id), field);
      if (typeof v === 'number') n += v;
    }
    return n;
  }

  mqSum(ids: string[], field: string): number {
    return Figures.sum(this.mq, ids, field);
  }

  deskSum(ids: string[], field: string): number {
    return Figures.sum(this.desk, ids, field);
  }

  /** The keys under a nested counter (cls / cat) across documents. */
  mqKeys(ids: string[], field: 'cls' | 'cat'): string[] {
    const keys = new Set<string>();
    for (const id of ids) {
      const v = this.mq.get(id)?.[field];
      if (v && typeof v === 'object') for (const k of Object.keys(v)) keys.add(k);
    }
    return [...keys];
  }
}

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
