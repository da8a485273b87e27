import { View } from '@tarojs/components';
import { CellGroup } from '../../components/Cell';
import { cnDate } from '../../utils/beijingTime';
import { VISIT_ITEMS, type Visit } from './visitItems';

/** The 邻长's 五个一 visits to this household, newest first. */
export default function VisitList({ visits }: { visits: Visit[] }) {
  return (
    <CellGroup title='邻长走访记录' className='household-visits'>
      {visits.length === 0 ? (
        <View className='visit visit--none' id='household-no-visits'>
          邻长还没有登记走访。邻长上门“见一次面、聊一次天、登记一次信息、发放一份告知书、收集一批问题”后，记录会显示在这里。
        </View>
      ) : (
        visits.map((v) => (
          <View key={v.id} className='visit'>
            <View className='visit__head'>
              <View className='visit__date'>{cnDate(v.visitedAt)}</View>
              <View className='visit__by'>邻长 {v.byName}</View>
            </View>
            <View className='visit__items'>
              {VISIT_ITEMS.map(({ key, label }) => (
                <View key={key} className={`visit__item${v.items[key] ? ' visit__item--done' : ''}`}>
                  <View className='visit__mark'>{v.items[key] ? '✓' : '—'}</View>
                  {label}
                </View>
              ))}
            </View>
            {v.problems ? <View className='visit__problems'>反映的问题：{v.problems}</View> : null}
          </View>
        ))
      )}
    </CellGroup>
  );
}
