// The local store's memory of documents: keyed by collection and id, and the bounded,
// exact cache of frozen documents the SQLite store serves reads from.
import type { AnyDoc } from './port';

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A document and its version, or (ABSENT) an id known to have no document. */
export type CacheEntry = { v: number; doc: AnyDoc } | { v: 0; doc: null };
/** What the cache holds for an id with no document. */
export const ABSENT: CacheEntry = Object.freeze({ v: 0, doc: null });

/**
 * A map keyed by collection and id, in two levels: the id strings a handler already holds are
 * hashed once, where a joined key would be a new string to build and hash on every lookup.
 */
export class DocKeyMap<V> {
  private readonly byCollection = new Map<string, Map<string, V>>();
  size = 0;

  get(collection: string, id: string): V | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  set(collection: string, id: string, value: V): void {
    let ids = this.byCollection.get(collection);
    if (!ids) this.byCollection.set(collection, (ids = new Map()));
    const before = ids.size;
    ids.set(id, value);
    this.size += ids.size - before;
  }

  delete(collection: string, id: string): void {
    const ids = this.byCollection.get(collection);
    if (ids?.delete(id)) this.size--;
  }

  clear(): void {
    this.byCollection.clear();
    this.size = 0;
  }

  /** The collections that have entries. */
  collections(): string[] {
    return [...this.byCollection.keys()];
  }

  /** Removes and returns one collection's entries. */
  take(collection: string): Map<string, V> | undefined {
    const ids = this.byCollection.get(collection);
    if (!ids) return undefined;
    this.byCollection.delete(collection);
    this.size -= ids.size;
    return ids;
  }

  forEach(fn: (collection: string, id: string, value: V) => void): void {
    for (const [collection, ids] of this.byCollection) for (const [id, v] of ids) fn(collection, id, v);
  }

  /** Whether `fn` holds for every entry (stops at the first that does not). */
  every(fn: (collection: string, id: string, value: V) => boolean): boolean {
    for (const [collection, ids] of this.byCollection) for (const [id, v] of ids) if (!fn(collection, id, v)) return false;
    return true;
  }
}

/**
 * A bounded cache in two generations: when the young map is full it becomes the old one
 * (the old one is dropped whole); a hit in the old one moves back to the young one. Nearly
 * LRU at the cost of two map lookups, without evicting entry by entry.
 */
export class DocCache {
  private young = new DocKeyMap<CacheEntry>();
  private old = new DocKeyMap<CacheEntry>();
  private readonly generation: number;

  constructor(max: number) {
    this.generation = Math.max(1, Math.floor(max / 2));
  }

  get(collection: string, id: string): CacheEntry | undefined {
    const hit = this.young.get(collection, id);
    if (hit !== undefined) return hit;
    const older = this.old.get(collection, id);
    if (older !== undefined) {
      this.old.delete(collection, id);
      this.set(collection, id, older);
    }
    return older;
  }

  set(collection: string, id: string, entry: CacheEntry): void {
    this.young.set(collection, id, entry);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new DocKeyMap();
    }
  }

  delete(collection: string, id: string): void {
    this.young.delete(collection, id);
    this.old.delete(collection, id);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
