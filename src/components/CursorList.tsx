import type { ReactNode } from 'react';
import type { CursorReply, CursorState } from '../hooks/useCursorPaged';
import MoreList from './MoreList';

interface Props<T, P extends CursorReply<T>> {
  state: CursorState<T, P>;
  children: (items: T[]) => ReactNode;
  /** What shows when there is nothing (an EmptyState, usually). */
  empty: ReactNode;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
  /** The items are a search's: 继续查找 goes on, and an empty first reply may still go on. */
  searching?: boolean;
}

/** A list paged by cursor: spinner → error (重试) → empty → items with 加载更多. */
export default function CursorList<T, P extends CursorReply<T>>({ state, children, empty, id, loadingText, searching }: Props<T, P>) {
  const shown = state.items.length;
  return (
    <MoreList
      state={state}
      empty={empty}
      id={id}
      loadingText={loadingText}
      searching={searching}
      moreText={searching ? `继续查找（已找到 ${shown} 条）` : `加载更多（已显示 ${shown} 条）`}
      endText={searching ? `已查完，找到 ${shown} 条` : `已显示全部 ${shown} 条`}
    >
      {children}
    </MoreList>
  );
}
