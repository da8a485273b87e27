// A row of the 优惠 list: the perk, its partner, how far, and for a perk the caller cannot
// use, why (greyed, with the reason as a chip).
import { View } from '@tarojs/components';
import type { PerkListItemT, PerkListPartnerT } from '../../../contracts/perk';
import { CATEGORY_LABELS, distanceText } from '../labels';

/** A list row with its partner (a list reply names each partner once, in its `partners`). */
export interface PerkRowItem extends PerkListItemT {
  partner: PerkListPartnerT;
}

export default function PerkRow({ item, onOpen }: { item: PerkRowItem; onOpen: (item: PerkRowItem) => void }) {
  const off = item.reason !== undefined;
  const { partner } = item;
  return (
    <View
      id={`perk-row-${item.id}`}
      className={`lzt-cell lzt-cell--link perk-row${off ? ' perk-row--off' : ''}`}
      hoverClass='lzt-cell--active'
      onClick={() => onOpen(item)}
    >
      <View className='perk-row__logo'>{partner.name.slice(0, 1)}</View>
      <View className='lzt-cell__body'>
        <View className='perk-row__title'>{item.title}</View>
        <View className='perk-row__partner'>
          <View className='perk-row__partner-name'>{partner.name}</View>
          {partner.distanceM !== undefined ? <View className='perk-row__distance'>{distanceText(partner.distanceM)}</View> : null}
        </View>
        <View className='perk-row__meta'>
          <View className='lzt-chip lzt-chip--none perk-row__category'>{CATEGORY_LABELS[partner.category]}</View>
          {off ? (
            <View className='lzt-chip lzt-chip--warn perk-row__reason'>{item.reason}</View>
          ) : (
            <View className='lzt-chip lzt-chip--done perk-row__limit'>{item.limitText}</View>
          )}
        </View>
      </View>
      <View className='lzt-cell__arrow' />
    </View>
  );
}
