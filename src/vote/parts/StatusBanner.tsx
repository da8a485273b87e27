import { View } from '@tarojs/components';
import type { Campaign } from '../types';
import { STAGE_LABELS, stageNote, stageOf } from './status';

/** The coloured strip at the top of the campaign: 提名中 / 投票中 / 已结束 / 已公布结果. */
export default function StatusBanner({ campaign }: { campaign: Pick<Campaign, 'status' | 'nominateFrom' | 'nominateUntil' | 'voteFrom' | 'voteUntil' | 'results'> }) {
  const stage = stageOf(campaign);
  return (
    <View id='campaign-status' className={`vote-banner vote-banner--${stage}`}>
      <View className='vote-banner__label'>{STAGE_LABELS[stage]}</View>
      <View className='vote-banner__note'>{stageNote(campaign)}</View>
    </View>
  );
}
