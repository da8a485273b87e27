// A paged list ("加载更多"): the first page, then one more page per call, keeping what is shown.
// A searched list (a reply with `next`) goes on from where the function's bounded search
// stopped ("继续查找") instead of by page, until `next` is null.
import { useCallback, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';
import { usePageLoader, type LoadMoreState } from './usePageLoader';

export interface PageReply<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A search's reply: the offset it goes on from (null: searched to the end). */
  next?: number | null;
}

export interface PagedState<T, P extends PageReply<T>> extends LoadMoreState<T, P> {
  total: number;
  /** The items are a search's: total is what it found so far. */
  searching: boolean;
  /** Changes shown items in place, e.g. after an action on one of them. */
  patch: (change: (items: T[]) => T[]) => void;
}

interface Inner<T, P> {
  items: T[];
  total: number;
  page: number;
  /** A search's `next` (undefined: not a search). */
  next: number | null | undefined;
  first: P | null;
  loading: boolean;
  error: AppErrorBody | null;
}

const EMPTY = { items: [], total: 0, page: 0, next: undefined, first: null, loading: true, error: null };

/** A page to load: its number, and for a search the offset it goes on from ('2:300'). */
const keyOf = (page: number, from?: number | null) => (from === undefined || from === null ? `${page}` : `${page}:${from}`);
const parseKey = (key: string) => {
  const [page, from] = key.split(':');
  return { page: Number(page), from: from === undefined ? undefined : Number(from) };
};

export function usePaged<T, P extends PageReply<T>>(fetchPage: (page: number, from?: number) => Promise<Reply<P>>, deps: DependencyList): PagedState<T, P> {
  const { state, setState, reload, loadMore } = usePageLoader<string, P, Inner<T, P>>(
    {
      empty: EMPTY,
      firstKey: '1',
      merge: (s, data, first, key) => {
        const items = first ? data.items : [...s.items, ...data.items];
        return {
          items,
          total: data.next === undefined ? data.total : items.length,
          page: parseKey(key).page,
          next: data.next,
          first: first ? data : s.first,
          loading: false,
          error: null,
        };
      },
      // After a failed first page, "retry" means the first page again.
      next: (s) => (s.page === 0 ? '1' : keyOf(s.page + 1, s.next)),
    },
    (key) => {
      const { page, from } = parseKey(key);
      return fetchPage(page, from);
    },
    deps,
  );
  const { next, ...shown } = state;
  const searching = next !== undefined;
  const hasMore = state.page > 0 && (searching ? next !== null : state.items.length < state.total);
  const patch = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), [setState]);
  return { ...shown, hasMore, searching, loadMore, reload, patch };
}
