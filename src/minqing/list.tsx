// 辖区民情 for the 管理员: every problem of the subtree, filtered by class, status, category,
// 片 and overdue, with the total that matches.
import { ScrollView, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PROBLEM_CLASSES, PROBLEM_CLASS_LABELS, PROBLEM_STATUSES, PROBLEM_STATUS_LABELS } from '../../contracts/minqing-labels';
import { call } from '../api/client';
import { BlockedPage, isFinalError } from '../components/BlockedState';
import PageShell from '../components/PageShell';
import { Cell, CellGroup } from '../components/Cell';
import Taro from '@tarojs/taro';
import { rateLine } from './parts/rates';
import { useCall } from '../hooks/useCall';
import EmptyState from '../components/EmptyState';
import ProblemList from './parts/ProblemList';
import { useCursorPaged } from '../hooks/useCursorPaged';
import SearchBox from '../components/SearchBox';
import type { ListFilters, ListReply, ProblemRow } from './types';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './minqing.scss';

interface ChipRowProps {
  id: string;
  label: string;
  items: { id: string; name: string }[];
  value: string | undefined;
  onPick: (id: string | undefined) => void;
}

/** 全部 + one chip per value, scrolling sideways. */
function ChipRow({ id, label, items, value, onPick }: ChipRowProps) {
  const all = [{ id: '', name: '全部' }, ...items];
  return (
    <View className='mq-filter' id={id}>
      <View className='mq-filter__label'>{label}</View>
      <ScrollView scrollX className='mq-filter__scroll'>
        <View className='mq-filter__row'>
          {all.map((i) => (
            <View
              key={i.id || 'all'}
              id={`${id}-${i.id || 'all'}`}
              className={`mq-chip mq-chip--small${(value ?? '') === i.id ? ' mq-chip--on' : ''}`}
              onClick={() => onPick(i.id || undefined)}
            >
              {i.name}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}

/** The filters a link opened the list on (the 工作台's numbers: exactly the problems they count). */
function filtersOf(params: Record<string, string | undefined>): ListFilters {
  const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) => (v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined);
  const text = (v: string | undefined) => (v && /^[0-9A-Za-z_-]{1,64}$/.test(v) ? v : undefined);
  const f: ListFilters = {
    nodeId: text(params.nodeId),
    class: pick(params.class, PROBLEM_CLASSES),
    status: pick(params.status, PROBLEM_STATUSES),
    category: text(params.category),
    overdue: params.overdue === '1' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ListFilters;
}

export default function ListPage() {
  const params = useRouter().params;
  const [filters, setFilters] = useState<ListFilters>(() => filtersOf(params));
  const cats = useCall(() => call('minqing', 'categories', {}), []);
  const areas = useCall(() => call('minqing', 'stats', {}), []);
  const [q, setQ] = useState('');
  const list = useCursorPaged<ProblemRow, ListReply>(
    (cursor) => call('minqing', 'list', { ...filters, ...(cursor ? { cursor } : {}), ...(q ? { q } : {}), pageSize: 20 }),
    [JSON.stringify(filters), q],
  );
  const set = (patch: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...patch }));

  if (isFinalError(list.error) && list.items.length === 0) {
    return <BlockedPage name='minqing-list' error={list.error} />;
  }
  return (
    <PageShell name='minqing-list'>
      <CellGroup>
        <Cell
          id='list-stats'
          title='办理统计'
          description={areas.data ? `${areas.data.node.name}：${rateLine(areas.data.node.rates)}` : '响应率、按期办结率、满意率，各片、各办理人'}
          onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/stats') })}
        />
        <Cell id='list-settings' title='民情设置' description='问题类别、办理时限' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/settings') })} />
        <Cell id='list-departments' title='部门账号' description='给部门工作人员发绑定码、解除调走的人员' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/departments') })} />
      </CellGroup>
      <View className='mq-filters lzt-cells'>
        <ChipRow id='filter-status' label='状态' items={PROBLEM_STATUSES.map((s) => ({ id: s, name: PROBLEM_STATUS_LABELS[s] }))} value={filters.status} onPick={(v) => set({ status: v as ListFilters['status'] })} />
        <ChipRow id='filter-class' label='分类' items={PROBLEM_CLASSES.map((c) => ({ id: c, name: PROBLEM_CLASS_LABELS[c] }))} value={filters.class} onPick={(v) => set({ class: v as ListFilters['class'] })} />
        <ChipRow id='filter-category' label='类别' items={(cats.data?.items ?? []).map((c) => ({ id: c.id, name: c.label }))} value={filters.category} onPick={(v) => set({ category: v })} />
        <ChipRow id='filter-area' label='片' items={(areas.data?.areas ?? []).map((a) => ({ id: a.id, name: a.name }))} value={filters.nodeId} onPick={(v) => set({ nodeId: v })} />
        <ChipRow id='filter-overdue' label='时限' items={[{ id: 'yes', name: '只看超时' }]} value={filters.overdue ? 'yes' : undefined} onPick={(v) => set({ overdue: v ? true : undefined })} />
      </View>
      <SearchBox id='list-search' placeholder='编号、内容、地点' onSearch={setQ} />
      <View className='lzt-section-title' id='list-total'>
        {list.first ? (q ? `符合筛选的共 ${list.first.total} 条，其中含“${q}”的：` : `共 ${list.first.total} 条`) : '　'}
      </View>
      <ProblemList state={list} id='admin-list' searching={!!q} empty={<EmptyState id='admin-list-empty' title='没有符合条件的反映' />} />
    </PageShell>
  );
}
