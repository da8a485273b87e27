// 管理员 › 商家: the partners in my scope (paged), filtered by status, and 新增支持单位.
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call, type Output } from '../../api/client';
import PagedList from '../../components/PagedList';
import SearchBox from '../../components/SearchBox';
import PrimaryButton from '../../components/PrimaryButton';
import { usePaged } from '../../hooks/usePaged';
import { pageUrl } from '../../utils/pageUrl';
import Tabs, { type Tab } from '../../components/Tabs';
import { PARTNER_STATUS_LABELS } from '../../../contracts/labels';

type PartnersPage = Output<'perk', 'partners'>;
type Partner = PartnersPage['items'][number];
type StatusFilter = 'all' | 'active' | 'suspended';

const FILTERS: Tab<StatusFilter>[] = [
  { key: 'all', label: '全部' },
  { key: 'active', label: PARTNER_STATUS_LABELS.active },
  { key: 'suspended', label: PARTNER_STATUS_LABELS.suspended },
];

export default function PartnersPanel() {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [q, setQ] = useState('');
  const list = usePaged<Partner, PartnersPage>(
    (page) => call('perk', 'partners', { page, pageSize: 20, ...(status === 'all' ? {} : { status }), ...(q ? { q } : {}) }),
    [status, q],
  );
  // Back from a partner's page: show its new name or status.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void list.reload();
    shownOnce.current = true;
  });
  return (
    <View id='admin-partners'>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='partner-new' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/partner') })}>
          新增支持单位
        </PrimaryButton>
      </View>
      <Tabs className='partner-filter' items={FILTERS} value={status} onChange={setStatus} idPrefix='partner-filter-' />
      <SearchBox id='partner-search' placeholder='单位名称开头几个字' onSearch={setQ} />
      <View className='lzt-section-title'>我管理的支持单位{list.first ? `（${q ? `名称以“${q}”开头的 ` : ''}${list.total}家）` : ''}</View>
      <PagedList
        id='partner-list'
        state={list}
        loadingText='正在读取支持单位…'
        emptyTitle={q ? `没有名称以“${q}”开头的支持单位` : status === 'suspended' ? '没有暂停的支持单位' : '还没有支持单位'}
        emptyDescription='可以逐个新增，也可以在“导入”里用表格批量导入。'
      >
        {(rows) => (
          <View className='lzt-cells'>
            {rows.map((p) => (
              <View
                key={p.id}
                id={`partner-${p.id}`}
                className='lzt-cell lzt-cell--link partner-row'
                hoverClass='lzt-cell--active'
                onClick={() => void Taro.navigateTo({ url: pageUrl('perk/partner', { id: p.id }) })}
              >
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title partner-row__name'>{p.name}</View>
                  <View className='lzt-cell__desc'>
                    {p.categoryLabel} · {p.scope.name}管理
                  </View>
                </View>
                <View className={`lzt-chip partner-row__status ${p.status === 'active' ? 'lzt-chip--done' : 'lzt-chip--warn'}`}>
                  {PARTNER_STATUS_LABELS[p.status]}
                </View>
                <View className='lzt-cell__arrow' />
              </View>
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
