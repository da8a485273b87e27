// 管理员 › 核销员: every partner's 核销员 and unused codes in my scope, by partner name, paged
// (perk.clerks) and searched server-side by 店员称呼 or partner name. A row opens its partner,
// where a clerk who left is removed.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import { Cell } from '../../components/Cell';
import CursorList from '../../components/CursorList';
import EmptyState from '../../components/EmptyState';
import SearchBox from '../../components/SearchBox';
import { useCursorPaged } from '../../hooks/useCursorPaged';
import { cnDate, cnDateTime } from '../../utils/beijingTime';
import { pageUrl } from '../../utils/pageUrl';
import { spacedCode } from '../labels';

type ClerksPage = Output<'perk', 'clerks'>;
type Row = ClerksPage['items'][number];

export default function ClerksPanel() {
  const [q, setQ] = useState('');
  const list = useCursorPaged<Row, ClerksPage>((cursor) => call('perk', 'clerks', { pageSize: 20, ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) }), [q]);
  return (
    <View id='admin-clerks'>
      <SearchBox id='clerk-search' placeholder='店员称呼、单位名称' onSearch={setQ} />
      <View className='lzt-section-title'>各支持单位的核销员与未使用的绑定码（点击进入该单位，可解除或新发绑定码）</View>
      <CursorList
        id='clerk-list'
        state={list}
        searching={!!q}
        loadingText='正在读取核销员…'
        empty={<EmptyState id='clerk-list-empty' title='还没有核销员' description='在支持单位页面给店员发绑定码，店员在“我的”输入后成为核销员。' />}
      >
        {(items) => (
          <View className='lzt-cells'>
            {items.map((r) => (
              <Cell
                key={r.code}
                id={`clerk-row-${r.code}`}
                title={`${r.label || (r.state === 'bound' ? '核销员' : '未注明店员')} · ${r.partnerName}`}
                description={r.state === 'bound' ? `${cnDate(r.at)}绑定` : `绑定码 ${spacedCode(r.code)}，${cnDateTime(r.at)}前有效`}
                value={<View className={`lzt-chip ${r.state === 'bound' ? 'lzt-chip--done' : 'lzt-chip--none'}`}>{r.state === 'bound' ? '已绑定' : '待使用'}</View>}
                onClick={() => void Taro.navigateTo({ url: pageUrl('perk/partner', { id: r.partnerId }) })}
              />
            ))}
          </View>
        )}
      </CursorList>
    </View>
  );
}
