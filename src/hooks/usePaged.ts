// A paged list ("加载更多"): the first page, then one more page per call, keeping what is shown.
// A searched list (a reply with `next`) goes on from where the function's bounded search
// stopped ("继续查找") instead of by page, until `next` is null.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';

export interface PageReply<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A search's reply: where it goes on (null: searched to the end). */
  next?: number | null;
}

export interface PagedState<T, P extends PageReply<T>> {
  items: T[];
  total: number;
  /** The first page's whole reply (for fields next to the items, e.g. the 邻 it lists). */
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
  hasMore: boolean;
  /** The shown items are a search's (total is what was found so far). */
  searching: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  /** Changes shown items in place, e.g. after an action on one of them. */
  patch: (change: (items: T[]) => T[]) => void;
}

interface Inner<T, P> {
  items: T[];
  total: number;
  page: number;
  next: number | null | undefined;
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
}

const EMPTY = { items: [], total: 0, page: 0, next: undefined, first: null, loading: true, error: null };

export function usePaged<T, P extends PageReply<T>>(fetchPage: (page: number, from?: number) => Promise<Reply<P>>, deps: DependencyList): PagedState<T, P> {
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

  const load = useCallback(async (page: number, gen: number, from?: number) => {
    busy.current = true;
    setState((s) => (page === 1 ? { ...EMPTY } : { ...s, loading: true, error: null }));
    const reply = await fetchRef.current(page, from);
    if (!mounted.current || gen !== generation.current) return;
    busy.current = false;
    setState((s) => {
      if (!reply.ok) return { ...s, loading: false, error: reply.error };
      const items = page === 1 ? reply.data.items : [...s.items, ...reply.data.items];
      const next = reply.data.next;
      const total = next === undefined ? reply.data.total : items.length;
      return { items, total, page, next, first: page === 1 ? reply.data : s.first, loading: false, error: null };
    });
  }, []);

  const reload = useCallback(() => load(1, ++generation.current), [load]);

  useEffect(() => void reload(), deps);

  const searching = state.next !== undefined;
  const hasMore = state.page > 0 && (searching ? state.next !== null : state.items.length < state.total);
  const loadMore = useCallback(async () => {
    if (busy.current) return;
    // After a failed first page, "retry" means the first page again.
    await load(state.page === 0 ? 1 : state.page + 1, generation.current, state.next ?? undefined);
  }, [load, state.page, state.next]);

  const patch = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), []);

  const { next: _next, ...shown } = state;
  return { ...shown, hasMore, searching, loadMore, reload, patch };
}
