// 动态调整: 邻 whose 邻长 is away or inactive for more than 30 days, or vacant → the 邻's page.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, type Output } from '../../api/client';
import { Cell, CellGroup } from '../../components/Cell';
import { useState } from 'react';
import PagedList from '../../components/PagedList';
import SearchBox from '../../components/SearchBox';
import { usePaged } from '../../hooks/usePaged';
import { INACTIVE_REASONS } from '../rosterLabels';
import { pageUrl } from '../../utils/pageUrl';
import '../../components/work.scss';

type InactivePage = Output<'roster', 'inactive'>;
type InactiveUnit = InactivePage['items'][number];

const openUnit = (unitId: string) => void Taro.navigateTo({ url: pageUrl('roster/unit', { id: unitId }) });

export default function InactiveSection() {
  const [q, setQ] = useState('');
  const list = usePaged<InactiveUnit, InactivePage>((page, from) => call('roster', 'inactive', { page, pageSize: 20, ...(q ? { q, from } : {}) }), [q]);
  return (
    <View id='admin-inactive'>
      <CellGroup title='调整任意一个片、组、邻的三长'>
        <Cell id='inactive-find' title='在组织体系图中查找' description='可按姓名或楼栋搜索' onClick={() => void Taro.navigateTo({ url: pageUrl('roster/tree', { manage: '1' }) })} />
      </CellGroup>
      <View className='lzt-section-title'>需要关注的邻：外出或不活跃超过 30 天、或空缺{list.first && !list.searching ? `（${list.total}个）` : ''}</View>
      <SearchBox id='inactive-search' placeholder='邻、邻长、手机尾号' onSearch={setQ} />
      <PagedList id='inactive-list' state={list} loadingText='正在查找…' emptyTitle='没有需要调整的邻' emptyDescription='所有邻长都在正常履职。'>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((u) => (
              <Cell
                key={u.unitId}
                id={`inactive-${u.unitId}`}
                className='inactive-item'
                title={u.unitName}
                description={`${u.groupName} · ${u.leadName ? `邻长 ${u.leadName}` : '暂无邻长'}${u.sinceDays > 0 ? ` · ${u.sinceDays}天` : ''}`}
                value={<View className={`lzt-chip lzt-chip--${u.reason === 'vacant' ? 'warn' : 'partial'}`}>{INACTIVE_REASONS[u.reason] ?? u.reason}</View>}
                onClick={() => openUnit(u.unitId)}
              />
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
