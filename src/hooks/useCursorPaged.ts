// A list paged by cursor ("加载更多"): the first page, then the page after the last cursor the
// function gave, keeping what is shown. For lists whose order moves under offsets (newest first).
import type { DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';
import { usePageLoader, type LoadMoreState } from './usePageLoader';

export interface CursorReply<T> {
  items: T[];
  next: string | null;
}

export type CursorState<T, P extends CursorReply<T>> = LoadMoreState<T, P>;

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
  const { state, reload, loadMore } = usePageLoader<string | undefined, P, Inner<T, P>>(
    {
      empty: EMPTY,
      firstKey: undefined,
      merge: (s, data, first) => ({
        items: first ? data.items : [...s.items, ...data.items],
        next: data.next,
        first: first ? data : s.first,
        loading: false,
        error: null,
        started: true,
      }),
      // After a failed first page, "retry" means the first page again.
      next: (s) => (s.started ? (s.next ?? undefined) : undefined),
    },
    fetchPage,
    deps,
  );
  return { items: state.items, first: state.first, loading: state.loading, error: state.error, hasMore: !!state.next, loadMore, reload };
}
