// 我发布的通知 (a 管理员: every notice of their 社区): each with 已读 N / 范围内 M 户 and its state
// (置顶, 已过期, 已撤回); tap one to see it, edit or withdraw it. 发布通知 on top.
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call, type Output } from '../api/client';
import CursorList from '../components/CursorList';
import SearchBox from '../components/SearchBox';
import EmptyState from '../components/EmptyState';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCursorPaged } from '../hooks/useCursorPaged';
import { cnDate } from '../utils/beijingTime';
import { pageUrl } from '../utils/pageUrl';
import '../components/notice-row.scss';
import './notice.scss';

type Page = Output<'notice', 'published'>;
type Item = Page['items'][number];

function Row({ n }: { n: Item }) {
  const state = n.status === 'withdrawn' ? '已撤回' : n.expired ? '已过期' : null;
  return (
    <View id={`published-${n.id}`} className='published-row' hoverClass='published-row--active' onClick={() => void Taro.navigateTo({ url: pageUrl('notice/detail', { id: n.id }) })}>
      <View className='published-row__head'>
        {n.pinned && !state ? <View className='notice-row__pin'>置顶</View> : null}
        {state ? <View className='published-row__state'>{state}</View> : null}
        <View className='published-row__title'>{n.title}</View>
      </View>
      <View className='published-row__meta'>
        {n.scope.name} · {n.publisher.name} · {cnDate(n.publishedAt)}
      </View>
      <View className='published-row__reads'>
        已读 <View className='published-row__num'>{n.read}</View> / 范围内 {n.households} 户
      </View>
    </View>
  );
}

export default function PublishedPage() {
  const [q, setQ] = useState('');
  const list = useCursorPaged<Item, Page>((cursor) => call('notice', 'published', { pageSize: 20, ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) }), [q]);
  // Back from a notice (edited, withdrawn, newly published): the counts and states again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  return (
    <PageShell name='notice-published'>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='published-new' onClick={() => void Taro.navigateTo({ url: pageUrl('notice/publish') })}>
          发布通知
        </PrimaryButton>
      </View>
      <View className='lzt-section-title'>已发布的通知（已读户数随居民打开实时增加）</View>
      <SearchBox id='published-search' placeholder='标题、范围、发布人' onSearch={setQ} />
      <CursorList
        id='published-list'
        searching={!!q}
        state={list}
        loadingText='正在读取…'
        empty={<EmptyState id='published-empty' title='还没有发布过通知' description='点上面的“发布通知”，写好标题和正文，选好范围就能发布。' />}
      >
        {(items) => (
          <View className='lzt-cells'>
            {items.map((n) => (
              <Row key={n.id} n={n} />
            ))}
          </View>
        )}
      </CursorList>
    </PageShell>
  );
}
