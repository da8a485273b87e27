// 管理员 › 统计: redemptions per partner in one Beijing month of my scope, month by month.
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import CallView from '../../components/CallView';
import { useCall } from '../../hooks/useCall';

/** 202611 → 2026年11月 */
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(4))}月`;

function shift(m: string, by: number): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(4)) - 1 + by;
  const d = new Date(Date.UTC(y, mo, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export default function StatsPanel() {
  const [month, setMonth] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const stats = useCall(() => call('perk', 'stats', month ? { month } : {}), [month]);
  const shown = stats.data?.month ?? month;
  // The month the server calls current: no 下月 past it.
  useEffect(() => {
    if (!current && !month && stats.data) setCurrent(stats.data.month);
  }, [stats.data, current, month]);
  const canNext = !!shown && !!current && shown < current;
  return (
    <View id='admin-stats'>
      <View className='stats-month'>
        <View
          id='stats-prev'
          className='stats-month__btn'
          hoverClass='stats-month__btn--active'
          onClick={() => shown && setMonth(shift(shown, -1))}
        >
          ‹ 上月
        </View>
        <View className='stats-month__label' id='stats-month'>
          {shown ? monthText(shown) : '本月'}
        </View>
        <View
          id='stats-next'
          className={`stats-month__btn${canNext ? '' : ' stats-month__btn--off'}`}
          hoverClass={canNext ? 'stats-month__btn--active' : 'none'}
          onClick={() => canNext && shown && setMonth(shift(shown, 1))}
        >
          下月 ›
        </View>
      </View>
      <CallView state={stats} loadingText='正在统计核销次数…'>
        {(s) => (
          <>
            <View className='lzt-card stats-total' id='stats-total'>
              <View className='lzt-sub'>{s.scope} · {monthText(s.month)}</View>
              <View className='stats-total__num'>{s.total}</View>
              <View className='lzt-sub'>次核销，共 {s.items.length} 家支持单位有核销</View>
            </View>
            <View className='lzt-section-title'>各支持单位核销次数</View>
            {s.items.length === 0 ? (
              <View className='lzt-cells'>
                <View className='lzt-cell'>
                  <View className='lzt-cell__body lzt-sub'>这个月还没有核销</View>
                </View>
              </View>
            ) : (
              <View className='lzt-cells' id='stats-items'>
                {s.items.map((it) => (
                  <View key={it.partnerId} id={`stats-${it.partnerId}`} className='lzt-cell stats-row'>
                    <View className='lzt-cell__body'>
                      <View className='lzt-cell__title'>{it.partnerName}</View>
                      <View className='lzt-cell__desc'>{it.categoryLabel}</View>
                    </View>
                    <View className='lzt-cell__value stats-row__count'>{it.count} 次</View>
                  </View>
                ))}
              </View>
            )}
          </>
        )}
      </CallView>
    </View>
  );
}
