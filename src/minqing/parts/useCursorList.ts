// A cursor-paged list ("加载更多"): the first page, then the page after `next`, keeping what is shown.
// The replies of minqing's lists carry an opaque cursor instead of a page number and a total.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../../contracts';

export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

export interface CursorListState<T, P extends CursorPage<unknown>> {
  items: T[];
  /** The first page's whole reply (its counts or unread number). */
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
}

interface Inner<T, P> {
  items: T[];
  next: string | null;
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
  loaded: boolean;
}

const EMPTY = { items: [], next: null, first: null, loading: true, error: null, loaded: false };

export function useCursorList<P extends CursorPage<unknown>, T = P['items'][number]>(
  fetchPage: (cursor: string | undefined) => Promise<Reply<P>>,
  deps: DependencyList,
): CursorListState<T, P> {
  const [state, setState] = useState<Inner<T, P>>(EMPTY);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(async (cursor: string | undefined, gen: number, quiet = false) => {
    busy.current = true;
    setState((s) => (cursor === undefined && !quiet ? { ...EMPTY } : { ...s, loading: true, error: null }));
    const reply = await fetchRef.current(cursor);
    if (!mounted.current || gen !== generation.current) return;
    busy.current = false;
    setState((s) => {
      if (!reply.ok) return { ...s, loading: false, error: reply.error };
      const first = cursor === undefined;
      return {
        items: first ? (reply.data.items as T[]) : [...s.items, ...(reply.data.items as T[])],
        next: reply.data.next,
        first: first ? reply.data : s.first,
        loading: false,
        error: null,
        loaded: true,
      };
    });
  }, []);

  const reload = useCallback(() => load(undefined, ++generation.current, true), [load]);
  useEffect(() => void load(undefined, ++generation.current), deps);

  const loadMore = useCallback(async () => {
    if (busy.current) return;
    await load(state.loaded ? (state.next ?? undefined) : undefined, generation.current);
  }, [load, state.next, state.loaded]);

  return { items: state.items, first: state.first, loading: state.loading, error: state.error, hasMore: state.loaded && state.next !== null, loadMore, reload };
}
