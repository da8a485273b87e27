// The three figures 12345 units are judged by, big, each with what it counts.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Rates } from '../types';
import { rateFigures } from './rates';
import '../stats.scss';

interface Props {
  id?: string;
  title: ReactNode;
  subtitle?: ReactNode;
  rates: Rates;
  onClick?: () => void;
}

export default function RatesCard({ id, title, subtitle, rates, onClick }: Props) {
  return (
    <View id={id} className={`lzt-card mq-rates${onClick ? ' mq-rates--link' : ''}`} hoverClass={onClick ? 'lzt-cell--active' : 'none'} onClick={onClick}>
      <View className='mq-rates__head'>
        <View className='mq-rates__title'>{title}</View>
        {onClick ? <View className='lzt-cell__arrow' /> : null}
      </View>
      {subtitle ? <View className='lzt-sub'>{subtitle}</View> : null}
      <View className='mq-rates__figures'>
        {rateFigures(rates).map((f) => (
          <View key={f.key} className={`mq-rate-fig mq-rate-fig--${f.key}`}>
            <View className={`mq-rate-fig__value${f.low ? ' mq-rate-fig__value--low' : ''}${f.none ? ' mq-rate-fig__value--none' : ''}`}>{f.value}</View>
            <View className='mq-rate-fig__label'>{f.label}</View>
            <View className='mq-rate-fig__basis'>{f.basis[0]}</View>
            {f.basis[1] ? <View className='mq-rate-fig__basis'>{f.basis[1]}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
