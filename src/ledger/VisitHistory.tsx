import { View } from '@tarojs/components';
import { formatDateTime } from '../utils/beijingTime';
import { VISIT_ITEMS, type VisitItemsValue } from './visitItems';
import '../components/work.scss';
import './ledger.scss';

export interface VisitEntry {
  id: string;
  visitedAt: number;
  byName: string;
  items: VisitItemsValue;
  problems?: string;
}

/** Past visits, newest first: when, by whom, which of the five were done, the problems noted. */
export default function VisitHistory({ visits }: { visits: VisitEntry[] }) {
  if (visits.length === 0) {
    return (
      <View className='lzt-cells'>
        <View className='lzt-cell' id='visit-history-empty'>
          <View className='lzt-cell__body lzt-sub'>还没有走访记录</View>
        </View>
      </View>
    );
  }
  return (
    <View className='lzt-cells' id='visit-history'>
      {visits.map((v) => (
        <View key={v.id} className='lzt-cell visit-entry'>
          <View className='lzt-cell__body'>
            <View className='lzt-cell__title visit-entry__when'>
              {formatDateTime(v.visitedAt)} · {v.byName}
            </View>
            <View className='visit-entry__items'>
              {VISIT_ITEMS.map((i) => (
                <View key={i.key} className={`lzt-chip visit-entry__item lzt-chip--${v.items[i.key] ? 'done' : 'none'}`}>
                  {v.items[i.key] ? '✓' : '✗'} {i.short}
                </View>
              ))}
            </View>
            {v.problems ? <View className='lzt-cell__desc visit-entry__problems'>问题：{v.problems}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
