import type { ReactNode } from 'react';
import type { PagedState, PageReply } from '../hooks/usePaged';
import EmptyState from './EmptyState';
import MoreList from './MoreList';

interface Props<T, P extends PageReply<T>> {
  state: PagedState<T, P>;
  children: (items: T[]) => ReactNode;
  emptyTitle: string;
  emptyDescription?: string;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
}

/** A paged list: spinner → error (重试) → empty → items with a 加载更多 button and a count. */
export default function PagedList<T, P extends PageReply<T>>({ state, children, emptyTitle, emptyDescription, id, loadingText }: Props<T, P>) {
  return (
    <MoreList
      state={state}
      empty={<EmptyState id={id ? `${id}-empty` : undefined} title={emptyTitle} description={emptyDescription} />}
      id={id}
      loadingText={loadingText}
      searching={state.searching}
      moreText={state.searching ? `继续查找（已找到 ${state.items.length} 条）` : `加载更多（已显示 ${state.items.length} / 共 ${state.total}）`}
      endText={state.searching ? `已查完，找到 ${state.items.length} 条` : `已显示全部 ${state.total} 条`}
    >
      {children}
    </MoreList>
  );
}
