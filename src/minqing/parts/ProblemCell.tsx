// One problem in a list: number and category, a short summary, where, who holds it and its state.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProblemRow } from '../types';
import { classLabel, dueText, formatDateTime, handlerText, statusChip } from './labels';
import { pageUrl } from '../../utils/pageUrl';
import '../minqing.scss';

interface Props {
  row: ProblemRow;
  /** Handlers see who holds it and the deadline; a resident sees the state only. */
  forHandler?: boolean;
}

export default function ProblemCell({ row, forHandler }: Props) {
  const chip = statusChip(row);
  const due = forHandler ? dueText(row) : null;
  return (
    <View
      id={`problem-${row.id}`}
      className='lzt-cell lzt-cell--link mq-row'
      hoverClass='lzt-cell--active'
      onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/detail', { id: row.id }) })}
    >
      <View className='lzt-cell__body'>
        <View className='mq-row__head'>
          <View className='mq-row__category'>{row.categoryLabel}</View>
          {row.urgent ? <View className='lzt-chip lzt-chip--warn mq-row__urgent'>紧急</View> : null}
          {row.class ? <View className='lzt-chip lzt-chip--none'>{classLabel(row.class)}</View> : null}
          <View className={`lzt-chip lzt-chip--${chip.tone} mq-row__status`}>{chip.text}</View>
        </View>
        <View className='mq-row__summary'>{row.summary}</View>
        <View className='lzt-sub mq-row__meta'>
          {row.place ? `${row.place} · ` : ''}
          {formatDateTime(row.createdAt)}
        </View>
        {forHandler ? (
          <View className='lzt-sub mq-row__meta'>
            {handlerText(row.handler)}
            {due ? ` · ${due}` : ''}
          </View>
        ) : null}
        {forHandler && row.handedBack ? (
          <View className='lzt-sub mq-row__meta mq-row__returned' id={`problem-${row.id}-returned`}>
            {`${row.handedBack.from}退回，请重新分派：${row.handedBack.reason}`}
          </View>
        ) : null}
      </View>
      <View className='lzt-cell__arrow' />
    </View>
  );
}
