// 排行榜: read from the candidates' counters (vote.leaderboard), paged; frozen after the end.
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import EmptyState from '../../components/EmptyState';
import PagedList from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import type { LeaderboardPage, RankedCandidate } from '../types';
import CandidateRow from './CandidateRow';

export function RankMark({ rank }: { rank: number }) {
  return <View className={`vote-rank vote-rank--${Math.min(rank, 4)}`}>{rank}</View>;
}

export default function Leaderboard({ campaignId, refresh }: { campaignId: string; refresh: number }) {
  const list = usePaged<RankedCandidate, LeaderboardPage>((page) => call('vote', 'leaderboard', { campaignId, page, pageSize: 20 }), [campaignId, refresh]);
  if (list.first && !list.first.visible) {
    return <EmptyState id='leaderboard-hidden' title='排名将在投票结束后公布' description='投票期间不公布票数，投票结束后大家都能看到排名。' />;
  }
  return (
    <View id='leaderboard'>
      {list.first?.frozen ? <View className='lzt-section-title vote-frozen'>投票已结束，排名已冻结</View> : null}
      <PagedList id='leaderboard-list' state={list} loadingText='正在读取排名…' emptyTitle='还没有入围的候选人'>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((k) => (
              <CandidateRow key={k.id} id={k.id} className='leaderboard-row' no={k.no} name={k.name} unitName={k.unitName} photo={k.photo} votes={k.votes} lead={<RankMark rank={k.rank} />} />
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
