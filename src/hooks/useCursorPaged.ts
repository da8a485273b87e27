// A list paged by cursor ("加载更多"): the first page, then the page after the last cursor the
// function gave, keeping what is shown. For lists whose order moves under offsets (newest first).
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';

export interface CursorReply<T> {
  items: T[];
  next: string | null;
}

export interface CursorState<T, P extends CursorReply<T>> {
  items: T[];
  /** The first page's whole reply (for fields next to the items). */
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
  started: boolean;
}

const EMPTY = { items: [], next: null, first: null, loading: true, error: null, started: false };

export function useCursorPaged<T, P extends CursorReply<T>>(fetchPage: (cursor: string | undefined) => Promise<Reply<P>>, deps: DependencyList): CursorState<T, P> {
  const [state, setState] = useState<Inner<T, P>>(EMPTY);
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

  const load = useCallback(async (cursor: string | undefined, gen: number) => {
    busy.current = true;
    setState((s) => (cursor === undefined ? { ...EMPTY } : { ...s, loading: true, error: null }));
    const reply = await fetchRef.current(cursor);
    if (!mounted.current || gen !== generation.current) return;
    busy.current = false;
    setState((s) => {
      if (!reply.ok) return { ...s, loading: false, error: reply.error };
      const first = cursor === undefined;
      return {
        items: first ? reply.data.items : [...s.items, ...reply.data.items],
        next: reply.data.next,
        first: first ? reply.data : s.first,
        loading: false,
        error: null,
        started: true,
      };
    });
  }, []);

  const reload = useCallback(() => load(undefined, ++generation.current), [load]);
  useEffect(() => void reload(), deps);

  const loadMore = useCallback(async () => {
    if (busy.current) return;
    // After a failed first page, "retry" means the first page again.
    await load(state.started ? (state.next ?? undefined) : undefined, generation.current);
  }, [load, state.started, state.next]);

  return { items: state.items, first: state.first, loading: state.loading, error: state.error, hasMore: !!state.next, loadMore, reload };
}
