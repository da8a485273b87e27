import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedState, PageReply } from '../hooks/usePaged';
import EmptyState from './EmptyState';
import ErrorState from './ErrorState';
import Loading from './Loading';
import PrimaryButton from './PrimaryButton';
import './work.scss';

interface Props<T, P extends PageReply<T>> {
  state: PagedState<T, P>;
  children: (items: T[]) => ReactNode;
  emptyTitle: string;
  emptyDescription?: string;
  /** Stable hook for tests, set on the wrapper. */
  id?: string;
  loadingText?: string;
}

/** A search that has not found anything yet in the part of the list it read: 继续查找 reads on. */
export function SearchOn({ id, onMore }: { id?: string; onMore: () => void }) {
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

/** A paged list: spinner → error (重试) → empty → items with a 加载更多 button and a count. */
export default function PagedList<T, P extends PageReply<T>>({ state, children, emptyTitle, emptyDescription, id, loadingText }: Props<T, P>) {
  const shown = state.items.length;
  if (shown === 0) {
    if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    if (state.loading) return <Loading text={loadingText} />;
    // A search that walked part of the list without a match yet: it goes on from there.
    if (state.searching && state.hasMore) return <SearchOn id={id} onMore={() => void state.loadMore()} />;
    return <EmptyState id={id ? `${id}-empty` : undefined} title={state.searching ? '没有找到' : emptyTitle} description={state.searching ? '换个姓名、手机号后四位或楼栋试试。' : emptyDescription} />;
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
            {state.error ? '重试' : state.searching ? `继续查找（已找到 ${shown} 条）` : `加载更多（已显示 ${shown} / 共 ${state.total}）`}
          </PrimaryButton>
        ) : (
          <View className='lzt-sub lzt-paged__end'>{state.searching ? `已查完，找到 ${shown} 条` : `已显示全部 ${state.total} 条`}</View>
        )}
      </View>
    </View>
  );
}
