// The search box of the 管理员's lists (名册, 联系卡, 注册审核, 动态调整, 通知, 待交办民情, 核销员,
// 评选活动). The store has no text index, so a search is a bounded scan: it walks the list's own
// indexed order in batches of MAX_LIMIT, keeps what matches, and stops at a page of matches or
// after SCAN_BATCHES reads, answering where the next call goes on. A search call so costs at most
// SCAN_BATCHES reads of the list, at 40 documents or 40,000, and "继续查找" walks on from there.
import { MAX_LIMIT, cmd, type Filter, type Query, type Doc } from '../store/port';

/** Reads of the list one search call makes at most (each of MAX_LIMIT documents). */
export const SCAN_BATCHES = 3;

/**
 * Whether a document matches the search text: the text inside one of `texts` (a name, a title,
 * a 楼栋), or, for 4 digits, the last 4 of one of `phones` (for 11 digits, the whole number).
 * Phones are only matched here: a reply carries them masked.
 */
export function matcher(q: string): (texts: readonly (string | null | undefined)[], phones?: readonly (string | null | undefined)[]) => boolean {
  const needle = q.trim().toLowerCase();
  const digits = /^\d{4}$/.test(needle) || /^1\d{10}$/.test(needle);
  return (texts, phones = []) =>
    needle === '' ||
    texts.some((t) => !!t && t.toLowerCase().includes(needle)) ||
    (digits && phones.some((p) => !!p && (needle.length === 4 ? p.endsWith(needle) : p === needle)));
}

/** The search text of an input, or undefined for none (empty or blank is no search). */
export const searchOf = (q: string | undefined): string | undefined => (q && q.trim() ? q.trim() : undefined);

interface Scan<D, C> {
  from: C | undefined;
  pageSize: number;
  keep: (d: D) => boolean;
  /** The next batch of the list from `from` (at most MAX_LIMIT documents). */
  read: (from: C | undefined) => Promise<D[]>;
  /** Where the list goes on after the i-th document of a batch read from `from`. */
  after: (from: C | undefined, batch: D[], i: number) => C;
}

async function scan<D, C>(s: Scan<D, C>): Promise<{ items: D[]; next: C | null }> {
  const items: D[] = [];
  let from = s.from;
  for (let b = 0; b < SCAN_BATCHES; b++) {
    const batch = await s.read(from);
    for (let i = 0; i < batch.length; i++) {
      if (!s.keep(batch[i])) continue;
      items.push(batch[i]);
      if (items.length === s.pageSize) return { items, next: i < batch.length - 1 || batch.length === MAX_LIMIT ? s.after(from, batch, i) : null };
    }
    if (batch.length < MAX_LIMIT) return { items, next: null };
    from = s.after(from, batch, batch.length - 1);
  }
  return { items, next: from ?? null };
}

/**
 * A search of a list paged by offset (an ordered query): `from` and `next` are offsets into
 * the unfiltered list.
 */
export function scanByOffset<D extends Doc>(query: Query<D>, keep: (d: D) => boolean, from: number | undefined, pageSize: number) {
  return scan<D, number>({
    from,
    pageSize,
    keep,
    read: (at) => query.skip(at ?? 0).limit(MAX_LIMIT).get(),
    after: (at, _batch, i) => (at ?? 0) + i + 1,
  });
}

/**
 * A search of a list paged by a unique sort key (a cursor: the key of the last document shown):
 * `from` and `next` are such keys.
 */
export function scanByKey<D extends Doc>(
  query: (filter: Filter) => Query<D>,
  filter: Filter,
  key: keyof D & string,
  dir: 'asc' | 'desc',
  keep: (d: D) => boolean,
  from: string | undefined,
  pageSize: number,
) {
  return scan<D, string>({
    from,
    pageSize,
    keep,
    read: (after) =>
      query(after ? cmd.and(filter, { [key]: dir === 'asc' ? cmd.gt(after) : cmd.lt(after) }) : filter)
        .orderBy(key, dir)
        .limit(MAX_LIMIT)
        .get(),
    after: (_at, batch, i) => String(batch[i][key]),
  });
}
