// The rules in plain words: when, how many votes, who may vote, when the ranking shows.
import { View } from '@tarojs/components';
import { VOTE_ELIGIBILITY_LABELS } from '../../../contracts/vote-labels';
import { CellGroup } from '../../components/Cell';
import type { Campaign } from '../types';
import { span } from '../../utils/beijingTime';

export function whoMayVote(c: Pick<Campaign, 'eligibility' | 'scope'>): string {
  if (c.eligibility === 'scope') return `${c.scope.name}已绑定住户的居民`;
  return VOTE_ELIGIBILITY_LABELS[c.eligibility];
}

function Rule({ id, label, children }: { id: string; label: string; children: string }) {
  return (
    <View className='vote-rule' id={id}>
      <View className='vote-rule__label'>{label}</View>
      <View className='vote-rule__text'>{children}</View>
    </View>
  );
}

export default function Rules({ campaign: c }: { campaign: Campaign }) {
  return (
    <CellGroup title='评选规则（北京时间）' className='vote-rules'>
      <View id='campaign-rules'>
        <Rule id='rule-nominate' label='提名时间'>
          {span(c.nominateFrom, c.nominateUntil)}
        </Rule>
        <Rule id='rule-vote' label='投票时间'>
          {span(c.voteFrom, c.voteUntil)}
        </Rule>
        <Rule id='rule-per-day' label='每天可投'>
          {`每人每天 ${c.perDay} 票，第二天零点重新计算`}
        </Rule>
        <Rule id='rule-per-candidate' label='每位候选人'>
          {`每天最多给同一位候选人投 ${c.perCandidatePerDay} 票`}
        </Rule>
        <Rule id='rule-who' label='谁可以投'>
          {whoMayVote(c)}
        </Rule>
        <Rule id='rule-ranking' label='票数公布'>
          {c.ranking === 'live' ? '投票期间实时公布票数和排名' : '投票结束后公布票数和排名'}
        </Rule>
        <Rule id='rule-honorees' label='表彰名额'>
          {`按得票排名，经社区确认后表彰 ${c.honorees} 名，授予“${c.badge}”称号`}
        </Rule>
      </View>
    </CellGroup>
  );
}
