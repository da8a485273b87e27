import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CursorReply, CursorState } from '../hooks/useCursorPaged';
import EmptyState from './EmptyState';
import ErrorState from './ErrorState';
import { SearchOn } from './PagedList';
import Loading from './Loading';
import PrimaryButton from './PrimaryButton';
import './work.scss';

interface Props<T, P extends CursorReply<T>> {
  state: CursorState<T, P>;
  children: (items: T[]) => ReactNode;
  /** What shows when there is nothing (an EmptyState, usually). */
  empty: ReactNode;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
  /** The items are a search's: 加载更多 reads "继续查找", and an empty first reply may still go on. */
  searching?: boolean;
}

/** A list paged by cursor: spinner → error (重试) → empty → items with 加载更多. */
export default function CursorList<T, P extends CursorReply<T>>({ state, children, empty, id, loadingText, searching }: Props<T, P>) {
  const shown = state.items.length;
  if (shown === 0) {
    if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    if (state.loading) return <Loading text={loadingText} />;
    if (searching && state.hasMore) return <SearchOn id={id} onMore={() => void state.loadMore()} />;
    return <>{searching ? <EmptyState id={id ? `${id}-empty` : undefined} title='没有找到' description='换个关键词试试。' /> : empty}</>;
  }
  return (
    <View id={id} className='lzt-paged'>
      {children(state.items)}
      <View className='lzt-paged__foot'>
        {state.error ? (
          <View className='lzt-paged__error lzt-error' aria-role='alert'>
            <View className='lzt-error__message'>{state.error.message}</View>
          </View>
        ) : null}
        {state.loading ? (
          <View className='lzt-paged__loading'>
            <View className='lzt-spinner lzt-spinner--small' />
            <View className='lzt-sub'>正在加载…</View>
          </View>
        ) : state.hasMore || state.error ? (
          <PrimaryButton kind='default' className='lzt-paged__more' onClick={() => void state.loadMore()}>
            {state.error ? '重试' : searching ? `继续查找（已找到 ${shown} 条）` : `加载更多（已显示 ${shown} 条）`}
          </PrimaryButton>
        ) : (
          <View className='lzt-sub lzt-paged__end'>{searching ? `已查完，找到 ${shown} 条` : `已显示全部 ${shown} 条`}</View>
        )}
      </View>
    </View>
  );
}
