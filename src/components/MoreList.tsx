// What PagedList and CursorList show, whichever way their hook pages: spinner → error (重试) →
// empty → the items with a foot (the next page's error, 正在加载…, 加载更多 or 已显示全部).
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AppErrorBody } from '../../contracts';
import ErrorState from './ErrorState';
import Loading from './Loading';
import PrimaryButton from './PrimaryButton';
import './work.scss';

export interface MoreListState<T> {
  items: T[];
  loading: boolean;
  error: AppErrorBody | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
}

interface Props<T> {
  state: MoreListState<T>;
  children: (items: T[]) => ReactNode;
  /** What shows when there is nothing. */
  empty: ReactNode;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
  /** The 加载更多 button's text and the line once everything shows. */
  moreText: string;
  endText: string;
}

export default function MoreList<T>({ state, children, empty, id, loadingText, moreText, endText }: Props<T>) {
  if (state.items.length === 0) {
    if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    if (state.loading) return <Loading text={loadingText} />;
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
