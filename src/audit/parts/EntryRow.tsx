import { View } from '@tarojs/components';
import type { AuditEntryT } from '../../../contracts/audit';
import { cnDateTime } from '../../utils/beijingTime';

const ids = (xs: string[]) => (xs.length ? xs.join('、') : '—');

/** One entry: what, who in which role, when and where; the ids before and after when there are. */
export default function EntryRow({ e, onWho }: { e: AuditEntryT; onWho: (e: AuditEntryT) => void }) {
  return (
    <View className='audit-entry' id={`audit-entry-${e.id}`}>
      <View className='audit-entry__head'>
        <View className='audit-entry__what'>{e.whatLabel}</View>
        <View className='audit-entry__time'>{cnDateTime(e.at)}</View>
      </View>
      <View className='audit-entry__who'>
        <View className='audit-entry__name' onClick={() => onWho(e)}>
          {e.byName}
        </View>
        <View className='lzt-chip lzt-chip--none'>{e.roleLabel}</View>
        {e.placeName ? <View className='audit-entry__place'>{e.placeName}</View> : null}
      </View>
      {e.subject || e.before.length || e.after.length ? (
        <View className='audit-entry__ids'>
          {e.subject ? <View>{`对象：${e.subject}`}</View> : null}
          {e.before.length || e.after.length ? <View>{`之前：${ids(e.before)} → 之后：${ids(e.after)}`}</View> : null}
        </View>
      ) : null}
    </View>
  );
}
