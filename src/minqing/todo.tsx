// 民情待办 for 邻长, 组长, 片长, 部门 (and 管理员): 待处理 / 已超时 / 已办结 with their counts, and
// the handler's own 响应率 / 按期办结率 / 满意率 (办理统计).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TODO_BOXES, TODO_BOX_LABELS } from '../../contracts/minqing-labels';
import { call } from '../api/client';
import { BlockedPage, isFinalError } from '../components/BlockedState';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import EmptyState from '../components/EmptyState';
import ProblemList from './parts/ProblemList';
import { rateLine } from './parts/rates';
import { useCall } from '../hooks/useCall';
import { useCursorPaged } from '../hooks/useCursorPaged';
import SearchBox from '../components/SearchBox';
import type { ProblemRow, TodoBox, TodoCounts, TodoReply } from './types';
import { pageUrl } from '../utils/pageUrl';
import Tabs from '../components/Tabs';
import '../components/work.scss';
import './minqing.scss';

const EMPTY: Record<TodoBox, string> = {
  pending: '没有待处理的问题',
  overdue: '没有超时的问题',
  done: '还没有办结的问题',
};

export function BoxTabs({ box, counts, onPick }: { box: TodoBox; counts: TodoCounts | null; onPick: (b: TodoBox) => void }) {
  return (
    <Tabs
      id='todo-tabs'
      className='mq-tabs'
      idPrefix='todo-tab-'
      value={box}
      onChange={onPick}
      items={TODO_BOXES.map((b) => ({
        key: b,
        label: (
          <>
            {TODO_BOX_LABELS[b]}
            {counts ? <View className={`mq-tab__count${b === 'overdue' && counts.overdue > 0 ? ' mq-tab__count--warn' : ''}`}>{counts[b]}</View> : null}
          </>
        ),
      }))}
    />
  );
}

export default function TodoPage() {
  const initial = useRouter().params.box;
  const [box, setBox] = useState<TodoBox>(initial === 'overdue' || initial === 'done' ? initial : 'pending');
  const [q, setQ] = useState('');
  const list = useCursorPaged<ProblemRow, TodoReply>((cursor) => call('minqing', 'todo', { box, ...(cursor ? { cursor } : {}), ...(q ? { q } : {}), pageSize: 20 }), [box, q]);
  const counts = list.first?.counts ?? null;
  const stats = useCall(() => call('minqing', 'stats', {}), [], { refreshOnShow: true });
  const own = stats.data?.node;

  if (isFinalError(list.error) && list.items.length === 0) {
    return <BlockedPage name='minqing-todo' error={list.error} />;
  }
  return (
    <PageShell name='minqing-todo'>
      <View className='lzt-cells mq-todo-stats'>
        <Cell
          id='todo-stats'
          title='办理统计'
          description={own ? `${own.name}：${rateLine(own.rates)}` : '响应率、按期办结率、满意率'}
          onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/stats') })}
        />
      </View>
      <BoxTabs box={box} counts={counts} onPick={setBox} />
      <View className='lzt-section-foot'>{box === 'overdue' ? '超过受理或办结时限的问题，上级可以督办。' : '点开一条，受理、分类、记录进展或办结。'}</View>
      <SearchBox id='todo-search' placeholder='编号、内容、地点' onSearch={setQ} />
      <ProblemList state={list} id='todo-list' searching={!!q} empty={<EmptyState id='todo-list-empty' title={EMPTY[box]} />} />
      <CellGroup title='民情恳谈会'>
        <Cell id='todo-open-meetings' title='民情恳谈会' description='小事在恳谈会上商量解决，查看议题和纪要' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/meetings') })} />
      </CellGroup>
    </PageShell>
  );
}
