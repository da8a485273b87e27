// 评选管理 (管理员): the campaigns of my area, newest first (paged), and 发起新的评选.
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import PrimaryButton from '../components/PrimaryButton';
import { usePaged } from '../hooks/usePaged';
import SearchBox from '../components/SearchBox';
import { STAGE_CHIP, STAGE_LABELS, stageOf } from './parts/status';
import { span } from '../utils/beijingTime';
import type { CampaignListPage, CampaignSummary } from './types';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './styles/admin.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

function CampaignItem({ c }: { c: CampaignSummary }) {
  const stage = stageOf(c);
  return (
    <View id={`admin-campaign-${c.id}`} className='lzt-cell lzt-cell--link admin-campaign' hoverClass='lzt-cell--active' onClick={go(pageUrl('vote/manage', { id: c.id }))}>
      <View className='lzt-cell__body'>
        <View className='lzt-cell__title admin-campaign__title'>{c.title}</View>
        <View className='lzt-cell__desc'>
          {c.scope.name} · 投票 {span(c.voteFrom, c.voteUntil)}
        </View>
        <View className={`lzt-chip lzt-chip--${STAGE_CHIP[stage]} admin-campaign__stage`}>{STAGE_LABELS[stage]}</View>
      </View>
      <View className='lzt-cell__arrow' />
    </View>
  );
}

export default function VoteAdminPage() {
  const [q, setQ] = useState('');
  const list = usePaged<CampaignSummary, CampaignListPage>((page, from) => call('vote', 'list', { page, pageSize: 10, ...(q ? { q, from } : {}) }), [q]);
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    void list.reload(); // a campaign created or changed on the next page
  });
  return (
    <PageShell name='vote-admin'>
      {isFinalError(list.error) && list.items.length === 0 ? (
        <BlockedState error={list.error} />
      ) : (
        <>
          <View className='lzt-card'>
            <View className='lzt-title'>最美邻长评选</View>
            <View className='lzt-sub'>发起评选、审核提名、处理刷票、确认表彰名单。</View>
          </View>
          <View className='lzt-btn-wrap'>
            <PrimaryButton id='admin-new-campaign' onClick={go(pageUrl('vote/edit'))}>
              发起新的评选
            </PrimaryButton>
          </View>
          <SearchBox id='campaign-search' placeholder='搜索评选标题' onSearch={setQ} />
          <View className='lzt-section-title'>我管辖范围内的评选{list.first && !list.searching ? `（${list.total}）` : ''}</View>
          <PagedList id='admin-campaigns' state={list} loadingText='正在读取评选…' emptyTitle='还没有评选活动' emptyDescription='点上方“发起新的评选”，设置时间和投票规则。'>
            {(items) => (
              <View className='lzt-cells'>
                {items.map((c) => (
                  <CampaignItem key={c.id} c={c} />
                ))}
              </View>
            )}
          </PagedList>
        </>
      )}
    </PageShell>
  );
}
