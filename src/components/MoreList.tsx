// What PagedList and CursorList show, whichever way their hook pages: spinner → error (重试) →
// empty → the items with a foot (the next page's error, 正在加载…, 加载更多 or 已显示全部); for a
// search, 继续查找 where the function's bounded search stopped.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import EmptyState from './EmptyState';
import type { LoadMoreState } from '../hooks/usePageLoader';
import ErrorState from './ErrorState';
import Loading from './Loading';
import PrimaryButton from './PrimaryButton';
import './work.scss';

interface Props<T> {
  state: LoadMoreState<T, unknown>;
  children: (items: T[]) => ReactNode;
  /** What shows when there is nothing. */
  empty: ReactNode;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
  /** The 加载更多 button's text and the line once everything shows. */
  moreText: string;
  endText: string;
  /** The items are a search's: an empty reply that may go on offers 继续查找. */
  searching?: boolean;
}

/** A search that has not found anything yet in the part of the list it read: 继续查找 reads on. */
function SearchOn({ id, onMore }: { id?: string; onMore: () => void }) {
  return (
    <View id={id ? `${id}-search-on` : undefined} className='lzt-paged'>
      <EmptyState title='前面的记录里没有找到' description='列表较长，一次只查一部分。' />
      <View className='lzt-paged__foot'>
        <PrimaryButton kind='default' className='lzt-paged__more' onClick={onMore}>
          继续查找
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function MoreList<T>({ state, children, empty, id, loadingText, moreText, endText, searching }: Props<T>) {
  if (state.items.length === 0) {
    if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    if (state.loading) return <Loading text={loadingText} />;
    if (searching && state.hasMore) return <SearchOn id={id} onMore={() => void state.loadMore()} />;
    if (searching) return <EmptyState id={id ? `${id}-empty` : undefined} title='没有找到' description='换个关键词试试。' />;
    return <>{empty}</>;
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
            {state.error ? '重试' : moreText}
          </PrimaryButton>
        ) : (
          <View className='lzt-sub lzt-paged__end'>{endText}</View>
        )}
      </View>
    </View>
  );
}
