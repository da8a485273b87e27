// 历任: every lead the node has had, newest first (roster.history).
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import CallView from '../../components/CallView';
import { useCall } from '../../hooks/useCall';
import { formatDate } from '../../utils/beijingTime';
import { HISTORY_STATUS } from '../rosterLabels';
import '../../components/work.scss';

const CHIP: Record<string, string> = { active: 'done', away: 'partial', replaced: 'none' };

export default function LeadHistory({ nodeId, refresh }: { nodeId: string; refresh: number }) {
  const history = useCall(() => call('roster', 'history', { nodeId }), [nodeId, refresh]);
  return (
    <CallView state={history} loadingText='正在读取历任…'>
      {({ items }) =>
        items.length === 0 ? (
          <View className='lzt-cells'>
            <View className='lzt-cell lzt-sub'>还没有任职记录</View>
          </View>
        ) : (
          <View className='lzt-cells' id='lead-history'>
            {items.map((l) => (
              <View key={l.id} className={`lzt-cell history-item history-item--${l.status}`}>
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title'>
                    {l.name} <View className='lzt-sub history-item__phone'>{l.phoneMasked}</View>
                  </View>
                  <View className='lzt-cell__desc'>
                    {formatDate(l.since)} 起{l.until ? `，${formatDate(l.until)} 止` : ''} · {l.linked ? '已绑定微信' : '未绑定微信'}
                  </View>
                  {l.reason ? <View className='lzt-cell__desc'>原因：{l.reason}</View> : null}
                </View>
                <View className={`lzt-chip lzt-chip--${CHIP[l.status] ?? 'none'}`}>{HISTORY_STATUS[l.status] ?? l.status}</View>
              </View>
            ))}
          </View>
        )
      }
    </CallView>
  );
}
