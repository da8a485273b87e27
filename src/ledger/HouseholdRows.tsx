import { View } from '@tarojs/components';
import { lastVisitText, visitChip, type LedgerRow } from './visitItems';
import '../components/work.scss';
import './ledger.scss';

interface Props {
  rows: LedgerRow[];
  /** Only the 邻长 of this 邻 opens a household; others see the visit status only. */
  onOpen?: (row: LedgerRow) => void;
}

/** Household rows: address, 人数 and masked phone (for the 邻长), 已绑定, and the visit chip. */
export default function HouseholdRows({ rows, onOpen }: Props) {
  return (
    <View className='lzt-cells ledger-rows'>
      {rows.map((row) => {
        const chip = visitChip(row.lastVisit);
        const details = [row.people !== undefined ? `${row.people}人` : '', row.phoneMasked ?? '', row.bound ? '已绑定' : '未绑定', lastVisitText(row.lastVisit)]
          .filter(Boolean)
          .join(' · ');
        return (
          <View
            key={row.id}
            id={`household-${row.id}`}
            className={`lzt-cell ledger-row${onOpen ? ' lzt-cell--link' : ''}`}
            hoverClass={onOpen ? 'lzt-cell--active' : 'none'}
            onClick={onOpen ? () => onOpen(row) : undefined}
          >
            <View className='lzt-cell__body'>
              <View className='lzt-cell__title ledger-row__address'>{row.address}</View>
              <View className='lzt-cell__desc ledger-row__details'>{details}</View>
            </View>
            <View className={`lzt-chip lzt-chip--${chip.kind} ledger-row__chip`}>{chip.text}</View>
            {onOpen ? <View className='lzt-cell__arrow' /> : null}
          </View>
        );
      })}
    </View>
  );
}
