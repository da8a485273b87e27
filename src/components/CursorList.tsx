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
}

/** A list paged by cursor: spinner → error (重试) → empty → items with 加载更多. */
export default function CursorList<T, P extends CursorReply<T>>({ state, children, empty, id, loadingText }: Props<T, P>) {
  const shown = state.items.length;
  return (
    <MoreList state={state} empty={empty} id={id} loadingText={loadingText} moreText={`加载更多（已显示 ${shown} 条）`} endText={`已显示全部 ${shown} 条`}>
      {children}
    </MoreList>
  );
}
