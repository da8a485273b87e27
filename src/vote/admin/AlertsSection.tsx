// 刷票预警: minutes in which a candidate's votes jumped far above its recent pace; each leads
// to the 作废 form for that minute.
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import PagedList from '../../components/PagedList';
import PrimaryButton from '../../components/PrimaryButton';
import { usePaged } from '../../hooks/usePaged';
import { clockTime } from '../../utils/beijingTime';
import type { Alert, AlertsPage, Campaign } from '../types';

export interface WindowTarget {
  candidateId: string;
  label: string;
  from: number;
  until: number;
}

export default function AlertsSection({ campaign, onInspect }: { campaign: Campaign; onInspect: (t: WindowTarget) => void }) {
  const list = usePaged<Alert, AlertsPage>((page) => call('vote', 'alerts', { campaignId: campaign.id, page, pageSize: 10 }), [campaign.id]);
  return (
    <View id='manage-alerts'>
      <View className='lzt-section-foot vote-explain'>某位候选人一分钟内得票 30 票以上、且是此前 10 分钟平均水平的 5 倍以上时，系统会记一条预警。请核查后决定是否作废。</View>
      <PagedList id='alerts-list' state={list} loadingText='正在读取预警…' emptyTitle='没有刷票预警' emptyDescription='得票节奏都在正常范围内。'>
        {(items) => (
          <View>
            {items.map((a) => (
              <View key={a.id} id={`alert-${a.id}`} className='lzt-card vote-alert'>
                <View className='vote-alert__head'>
                  <View className='lzt-chip lzt-chip--warn'>预警</View>
                  <View className='vote-alert__who'>
                    {a.no}号 {a.name}
                  </View>
                </View>
                <View className='vote-alert__text'>
                  {clockTime(a.minute).slice(0, 11)} 这一分钟得到 <View className='vote-alert__num'>{a.votes}</View> 票，此前平均每分钟 {a.baseline} 票
                </View>
                <PrimaryButton
                  kind='default'
                  className='vote-alert__inspect'
                  onClick={() => onInspect({ candidateId: a.candidateId, label: `${a.no}号 ${a.name}`, from: a.minute, until: a.minute + 60_000 })}
                >
                  核查这一分钟的选票
                </PrimaryButton>
              </View>
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
