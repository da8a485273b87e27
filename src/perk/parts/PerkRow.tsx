// A row of the 优惠 list: the perk, its partner, how far, and for a perk the caller cannot
// use, why (greyed, with the reason as a chip).
import { View } from '@tarojs/components';
import type { PerkListItemT } from '../../../contracts/perk';
import { CATEGORY_LABELS, distanceText } from '../labels';

export default function PerkRow({ item, onOpen }: { item: PerkListItemT; onOpen: (item: PerkListItemT) => void }) {
  const off = !item.eligible;
  return (
    <View
      id={`perk-row-${item.id}`}
      className={`lzt-cell lzt-cell--link perk-row${off ? ' perk-row--off' : ''}`}
      hoverClass='lzt-cell--active'
      onClick={() => onOpen(item)}
    >
      <View className='perk-row__logo'>{item.partnerName.slice(0, 1)}</View>
      <View className='lzt-cell__body'>
        <View className='perk-row__title'>{item.title}</View>
        <View className='perk-row__partner'>
          <View className='perk-row__partner-name'>{item.partnerName}</View>
          {item.distanceM !== undefined ? <View className='perk-row__distance'>{distanceText(item.distanceM)}</View> : null}
        </View>
        <View className='perk-row__meta'>
          <View className='lzt-chip lzt-chip--none perk-row__category'>{CATEGORY_LABELS[item.category]}</View>
          {off ? (
            <View className='lzt-chip lzt-chip--warn perk-row__reason'>{item.reason ?? '暂不可用'}</View>
          ) : (
            <View className='lzt-chip lzt-chip--done perk-row__limit'>{item.limitText}</View>
          )}
        </View>
      </View>
      <View className='lzt-cell__arrow' />
    </View>
  );
}
