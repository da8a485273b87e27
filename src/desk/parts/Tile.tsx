// A number of the 工作台 that opens the list behind it.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

interface TileProps {
  id: string;
  label: string;
  value: string | number;
  /** The list behind the number; none: shown as a plain figure. */
  url?: string;
  warn?: boolean;
}

export const percent = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);

export function Tile({ id, label, value, url, warn }: TileProps) {
  return (
    <View
      id={id}
      className={`desk-tile${url ? ' desk-tile--link' : ''}${warn ? ' desk-tile--warn' : ''}`}
      hoverClass={url ? 'lzt-cell--active' : 'none'}
      onClick={url ? () => void Taro.navigateTo({ url }) : undefined}
    >
      <View className='desk-tile__num'>{value}</View>
      <View className='desk-tile__label'>{label}</View>
    </View>
  );
}

export function Tiles({ children, title, id }: { children: React.ReactNode; title: string; id?: string }) {
  return (
    <>
      <View className='lzt-section-title'>{title}</View>
      <View className='lzt-card desk-tiles' id={id}>
        {children}
      </View>
    </>
  );
}
