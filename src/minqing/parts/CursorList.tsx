import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import EmptyState from '../../components/EmptyState';
import ErrorState from '../../components/ErrorState';
import Loading from '../../components/Loading';
import PrimaryButton from '../../components/PrimaryButton';
import type { CursorListState, CursorPage } from './useCursorList';
import '../../components/work.scss';

interface Props<T, P extends CursorPage<unknown>> {
  state: CursorListState<T, P>;
  children: (items: T[]) => ReactNode;
  emptyTitle: string;
  emptyDescription?: string;
  /** Stable hook for tests, set on the wrapper (`${id}-empty` when empty). */
  id: string;
  loadingText?: string;
}

/** spinner → error (重试) → empty → items with 加载更多 while there is a next page. */
export default function CursorList<T, P extends CursorPage<unknown>>({ state, children, emptyTitle, emptyDescription, id, loadingText }: Props<T, P>) {
  if (state.items.length === 0) {
    if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    if (state.loading) return <Loading text={loadingText} />;
    return <EmptyState id={`${id}-empty`} title={emptyTitle} description={emptyDescription} />;
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
            {state.error ? '重试' : `加载更多（已显示 ${state.items.length} 条）`}
          </PrimaryButton>
        ) : (
          <View className='lzt-sub lzt-paged__end'>已显示全部 {state.items.length} 条</View>
        )}
      </View>
    </View>
  );
}
