// 专属优惠 for the 三长: category, search, 默认 / 离我最近, and the perks (paged), each with its
// partner, how far, and — for the ones the caller cannot use — why. One call per page.
import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Reply } from '../../contracts';
import type { PerkCategoryCountsT, PerkCategoryT } from '../../contracts/perk';
import { call, type Output } from '../api/client';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import { usePaged } from '../hooks/usePaged';
import { locate, openLocationSetting, rememberedLocation, type Here } from './geo';
import { CATEGORIES, CATEGORY_LABELS } from './labels';
import LeadsOnly from './parts/LeadsOnly';
import PerkRow, { type PerkRowItem } from './parts/PerkRow';
import { pageUrl } from '../utils/pageUrl';
import Tabs from '../components/Tabs';
import '../components/work.scss';
import './styles/list.scss';
import './styles/row.scss';
import './styles/leads-only.scss';

const PAGE_SIZE = 10;
type ListReply = Output<'perk', 'list'>;
/** A page as the list shows it: each row with its partner. */
type ListPage = Omit<ListReply, 'items'> & { items: PerkRowItem[] };
type Sort = 'default' | 'distance';

interface LocationState {
  status: 'idle' | 'locating' | 'ok' | 'failed';
  message?: string;
  canOpenSetting?: boolean;
}

function SearchBar({ onSearch }: { onSearch: (keyword: string) => void }) {
  const [text, setText] = useState('');
  // Searches a moment after typing stops (or at once on 搜索).
  useEffect(() => {
    const t = setTimeout(() => onSearch(text.trim()), 400);
    return () => clearTimeout(t);
  }, [text]);
  return (
    <View className='perk-search' id='perk-search'>
      <View className='perk-search__icon' />
      <Input
        className='perk-search__input'
        value={text}
        maxlength={20}
        confirmType='search'
        placeholder='搜索优惠、商家或地址'
        placeholderClass='perk-search__placeholder'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={() => onSearch(text.trim())}
      />
      {text ? (
        <View className='perk-search__clear' id='perk-search-clear' onClick={() => setText('')}>
          清除
        </View>
      ) : null}
    </View>
  );
}

function CategoryGrid({ value, counts, onChange }: { value: PerkCategoryT | null; counts: PerkCategoryCountsT | null; onChange: (c: PerkCategoryT | null) => void }) {
  const countOf = (c: PerkCategoryT) => counts?.[c];
  const all = counts ? CATEGORIES.reduce((s, c) => s + (counts[c] ?? 0), 0) : undefined;
  const tabs: { key: PerkCategoryT | null; label: string; n?: number }[] = [
    { key: null, label: '全部', n: all },
    ...CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS[c], n: countOf(c) })),
  ];
  return (
    <View className='perk-cats' id='perk-cats'>
      {tabs.map((t) => (
        <View
          key={t.key ?? 'all'}
          id={`perk-cat-${t.key ?? 'all'}`}
          className={`perk-cat${value === t.key ? ' perk-cat--on' : ''}${t.n === 0 ? ' perk-cat--empty' : ''}`}
          hoverClass='perk-cat--active'
          aria-role='tab'
          aria-selected={value === t.key}
          onClick={() => onChange(t.key)}
        >
          <View className='perk-cat__label'>{t.label}</View>
          {t.n !== undefined ? <View className='perk-cat__count'>{t.n}</View> : null}
        </View>
      ))}
    </View>
  );
}

export default function PerkIndexPage() {
  const [category, setCategory] = useState<PerkCategoryT | null>(null);
  const [keyword, setKeyword] = useState('');
  const [sort, setSort] = useState<Sort>('default');
  const [here, setHere] = useState<Here | null>(null);
  const [loc, setLoc] = useState<LocationState>({ status: 'idle' });

  const list = usePaged<PerkRowItem, ListPage>(
    async (page): Promise<Reply<ListPage>> => {
      const reply = await call('perk', 'list', {
        page,
        pageSize: PAGE_SIZE,
        sort,
        ...(category ? { category } : {}),
        ...(keyword ? { keyword } : {}),
        ...(sort === 'distance' && here ? { lat: here.lat, lng: here.lng } : {}),
      });
      if (!reply.ok) return reply;
      const { items, partners } = reply.data;
      return { ok: true, data: { ...reply.data, items: items.map((item) => ({ ...item, partner: partners[item.partnerId] })) } };
    },
    [category, keyword, sort, here],
  );

  // The category counts stay on screen while the list reloads for another tab.
  const [counts, setCounts] = useState<PerkCategoryCountsT | null>(null);
  useEffect(() => {
    if (list.first) setCounts(list.first.counts);
  }, [list.first]);

  async function chooseSort(next: Sort) {
    if (next === 'default') {
      setSort('default');
      setLoc({ status: 'idle' });
      return;
    }
    if (loc.status === 'locating') return;
    const known = here ?? rememberedLocation();
    if (known) {
      setHere(known);
      setSort('distance');
      setLoc({ status: 'ok' });
      return;
    }
    // Asked only now, after the tap: WeChat shows the privacy sheet and the permission prompt.
    setLoc({ status: 'locating' });
    const r = await locate();
    if (r.ok) {
      setHere(r.here);
      setSort('distance');
      setLoc({ status: 'ok' });
    } else {
      setSort('default');
      setLoc({ status: 'failed', message: r.message, canOpenSetting: r.canOpenSetting });
    }
  }

  if (list.error?.code === 'FORBIDDEN' || list.error?.code === 'UNAUTHENTICATED') {
    return (
      <PageShell name='perk-index'>
        <LeadsOnly error={list.error} />
      </PageShell>
    );
  }

  const title = `${category ? CATEGORY_LABELS[category] : '全部'}优惠${keyword ? `（搜索“${keyword}”）` : ''}`;
  return (
    <PageShell name='perk-index'>
      <SearchBar onSearch={setKeyword} />
      <CategoryGrid value={category} counts={counts} onChange={setCategory} />
      <Tabs
        className='perk-sort'
        idPrefix='perk-sort-'
        value={sort}
        onChange={(next) => void chooseSort(next)}
        items={[
          { key: 'default', label: '默认排序' },
          { key: 'distance', label: loc.status === 'locating' ? '正在定位…' : '离我最近' },
        ]}
      />
      {loc.status === 'locating' ? (
        <View className='perk-loc perk-loc--wait' id='perk-locating'>
          <View className='lzt-spinner lzt-spinner--small' />
          <View className='perk-loc__text'>正在获取您的位置…</View>
        </View>
      ) : null}
      {loc.status === 'failed' ? (
        <View className='perk-loc perk-loc--failed' id='perk-location-failed' aria-role='alert'>
          <View className='perk-loc__text'>{loc.message}</View>
          {loc.canOpenSetting ? (
            <View className='perk-loc__action' onClick={openLocationSetting}>
              去设置
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='lzt-section-title perk-list-title'>
        {title}
        {list.first ? `（${list.total}项）` : ''}
        {sort === 'distance' && list.first?.sort === 'distance' ? ' · 由近到远' : ''}
      </View>
      <PagedList
        id='perk-list'
        state={list}
        loadingText='正在读取优惠…'
        emptyTitle={keyword ? '没有找到相关优惠' : '这一类暂时没有优惠'}
        emptyDescription={keyword ? '换个关键词，或看看其他类别。' : '支持单位陆续加入中，可以先看看其他类别。'}
      >
        {(items) => (
          <View className='lzt-cells perk-rows'>
            {items.map((item) => (
              <PerkRow key={item.id} item={item} onOpen={(it) => void Taro.navigateTo({ url: pageUrl('perk/detail', { id: it.id }) })} />
            ))}
          </View>
        )}
      </PagedList>
      <View className='lzt-section-foot perk-foot'>
        <View className='perk-foot__link' id='perk-open-mine' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/mine') })}>
          我的优惠核销记录
        </View>
      </View>
    </PageShell>
  );
}
