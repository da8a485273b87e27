// The announced honorees: each with the 最美邻长 badge, rank, 编号 and votes.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Campaign } from '../types';
import { cnDate } from '../../utils/beijingTime';
import { pageUrl } from '../../utils/pageUrl';

export default function Results({ campaign: c }: { campaign: Campaign }) {
  const r = c.results;
  if (!r) return null;
  return (
    <View className='lzt-card vote-results' id='campaign-results'>
      <View className='vote-results__title'>★ 评选结果</View>
      <View className='lzt-sub'>
        {cnDate(r.confirmedAt)} 由{c.scope.name}确认，授予以下 {r.honorees.length} 位邻长“{c.badge}”称号
      </View>
      {r.honorees.map((h) => (
        <View
          key={h.candidateId}
          id={`honoree-${h.candidateId}`}
          className='vote-honoree'
          hoverClass='lzt-cell--active'
          onClick={() => void Taro.navigateTo({ url: pageUrl('vote/candidate', { id: h.candidateId }) })}
        >
          <View className={`vote-rank vote-rank--${Math.min(h.rank, 4)}`}>{h.rank}</View>
          <View className='vote-honoree__body'>
            <View className='vote-honoree__name'>
              {h.name}
              <View className='vote-badge'>★ {c.badge}</View>
            </View>
            <View className='lzt-sub'>
              {h.no}号 · {h.unitName} · {h.votes} 票
            </View>
          </View>
        </View>
      ))}
      {r.adjusted && r.reason ? <View className='lzt-sub vote-results__reason'>说明：{r.reason}</View> : null}
    </View>
  );
}
