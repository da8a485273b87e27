// A paged list ("加载更多"): the first page, then one more page per call, keeping what is shown.
import { useCallback, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';
import { usePageLoader } from './usePageLoader';

export interface PageReply<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PagedState<T, P extends PageReply<T>> {
  items: T[];
  total: number;
  /** The first page's whole reply (for fields next to the items, e.g. the 邻 it lists). */
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  /** Changes shown items in place, e.g. after an action on one of them. */
  patch: (change: (items: T[]) => T[]) => void;
}

interface Inner<T, P> {
  items: T[];
  total: number;
  page: number;
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
}

const EMPTY = { items: [], total: 0, page: 0, first: null, loading: true, error: null };

export function usePaged<T, P extends PageReply<T>>(fetchPage: (page: number) => Promise<Reply<P>>, deps: DependencyList): PagedState<T, P> {
  const { state, setState, reload, loadMore } = usePageLoader<number, P, Inner<T, P>>(
    {
      empty: EMPTY,
      firstKey: 1,
      merge: (s, data, first, page) => ({
        items: first ? data.items : [...s.items, ...data.items],
        total: data.total,
        page,
        first: first ? data : s.first,
        loading: false,
        error: null,
      }),
      // After a failed first page, "retry" means the first page again.
      next: (s) => (s.page === 0 ? 1 : s.page + 1),
    },
    fetchPage,
    deps,
  );
  const hasMore = state.page > 0 && state.items.length < state.total;
  const patch = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), [setState]);
  return { ...state, hasMore, loadMore, reload, patch };
}
