import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import '../components/work.scss';

export interface Stats {
  households: number;
  bound: number;
  visited: number;
}

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  stats: Stats;
  id?: string;
  className?: string;
  onClick?: () => void;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

/** A node's counts: 户数 / 已绑定 / 已走访, and the share of households visited as a bar. */
export default function StatsCard({ title, subtitle, stats, id, className, onClick }: Props) {
  const share = percent(stats.visited, stats.households);
  return (
    <View
      id={id}
      className={`lzt-card ledger-stats${onClick ? ' ledger-stats--link' : ''}${className ? ' ' + className : ''}`}
      hoverClass={onClick ? 'lzt-cell--active' : 'none'}
      onClick={onClick}
    >
      <View className='ledger-stats__head'>
        <View className='ledger-stats__title'>{title}</View>
        {onClick ? <View className='lzt-cell__arrow' /> : null}
      </View>
      {subtitle ? <View className='lzt-sub'>{subtitle}</View> : null}
      <View className='lzt-stats'>
        <View className='lzt-stats__item'>
          <View className='lzt-stats__num stat-households'>{stats.households}</View>
          <View className='lzt-stats__label'>户数</View>
        </View>
        <View className='lzt-stats__item'>
          <View className='lzt-stats__num stat-bound'>{stats.bound}</View>
          <View className='lzt-stats__label'>已绑定</View>
        </View>
        <View className='lzt-stats__item'>
          <View className='lzt-stats__num stat-visited'>{stats.visited}</View>
          <View className='lzt-stats__label'>已走访</View>
        </View>
      </View>
      <View className='lzt-progress'>
        <View className='lzt-progress__bar' style={{ width: `${share}%` }} />
      </View>
      <View className='lzt-progress__label'>“五个一”走访完成 {share}%</View>
    </View>
  );
}
