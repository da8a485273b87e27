// What the two "加载更多" hooks share (usePaged by page number, useCursorPaged by cursor): the
// first page on mount and on each deps change, one more page per loadMore, a reload that drops
// what an older load still brings, nothing set after unmount.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';

/** What a "加载更多" list shows and does, however it pages (components/MoreList draws it). */
export interface LoadMoreState<T, P> {
  items: T[];
  /** The first page's whole reply (for fields next to the items, e.g. the 邻 it lists). */
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
}

interface Loadable {
  loading: boolean;
  error: AppErrorBody | null;
}

export interface PageLoaderSpec<K, R, S extends Loadable> {
  /** The state before any page (loading). */
  empty: S;
  /** The key of the first page (1, or no cursor). */
  firstKey: K;
  /** The state once page `key` came; `first` when it is the first page. */
  merge: (s: S, data: R, first: boolean, key: K) => S;
  /** The key loadMore asks for next (the first page again after a failed first page). */
  next: (s: S) => K;
}

export function usePageLoader<K, R, S extends Loadable>(
  spec: PageLoaderSpec<K, R, S>,
  fetchPage: (key: K) => Promise<Reply<R>>,
  deps: DependencyList,
) {
  const [state, setState] = useState<S>(spec.empty);
  const generation = useRef(0);
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const specRef = useRef(spec);
  specRef.current = spec;

  const load = useCallback(async (key: K, gen: number) => {
    const { empty, firstKey, merge } = specRef.current;
    const first = key === firstKey;
    busy.current = true;
    setState((s) => (first ? { ...empty } : { ...s, loading: true, error: null }));
    const reply = await fetchRef.current(key);
    if (!mounted.current || gen !== generation.current) return;
    busy.current = false;
    setState((s) => (reply.ok ? merge(s, reply.data, first, key) : { ...s, loading: false, error: reply.error }));
  }, []);

  const reload = useCallback(() => load(specRef.current.firstKey, ++generation.current), [load]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when the first page is read again
  useEffect(() => void reload(), deps);

  const nextKey = spec.next(state);
  const loadMore = useCallback(async () => {
    if (busy.current) return;
    await load(nextKey, generation.current);
  }, [load, nextKey]);

  return { state, setState, reload, loadMore };
}
