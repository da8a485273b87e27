// 本店核销记录 for the clerk: today's and this month's counts, then every redemption (paged),
// the holder's name masked; today's rows can be reversed (撤销, parts/ReverseRecord.tsx).
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import BlockedState from '../components/BlockedState';
import ChipSwitch from '../components/ChipSwitch';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import { usePaged } from '../hooks/usePaged';
import { ReversedNote, ReverseRecord, type RecordRow } from './parts/ReverseRecord';
import { cnDateTime } from '../utils/beijingTime';
import '../components/work.scss';
import './styles/records.scss';

type RecordsPage = Output<'perk', 'clerkRedemptions'>;

function Head({ first }: { first: RecordsPage }) {
  const suspended = first.partner.status === 'suspended';
  return (
    <View className='lzt-card records-head' id='records-head'>
      <View className='records-head__name'>
        <View className='lzt-title'>{first.partner.name}</View>
        {suspended ? <View className='lzt-chip lzt-chip--warn'>已暂停</View> : null}
      </View>
      {suspended ? <View className='lzt-sub records-head__note'>本店优惠已暂停，暂时不能核销；以前的记录仍然保留。</View> : null}
      <View className='lzt-stats'>
        <View className='lzt-stats__item records-today'>
          <View className='lzt-stats__num'>{first.today}</View>
          <View className='lzt-stats__label'>今日核销</View>
        </View>
        <View className='lzt-stats__item records-month'>
          <View className='lzt-stats__num'>{first.month}</View>
          <View className='lzt-stats__label'>本月核销</View>
        </View>
        <View className='lzt-stats__item records-total'>
          <View className='lzt-stats__num'>{first.total}</View>
          <View className='lzt-stats__label'>累计核销</View>
        </View>
      </View>
    </View>
  );
}

export default function PerkRecordsPage() {
  const [partnerId, setPartnerId] = useState<string | undefined>(undefined);
  const list = usePaged<RecordRow, RecordsPage>((page) => call('perk', 'clerkRedemptions', { page, pageSize: 20, ...(partnerId ? { partnerId } : {}) }), [partnerId]);
  // The row in place, then the counts above it again (the reversal took one off today's and this month's).
  function reversed(row: RecordRow) {
    list.patch((rows) => rows.map((r) => (r.id === row.id ? row : r)));
    void list.reload();
  }
  if (list.error && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(list.error.code)) {
    return (
      <PageShell name='perk-records'>
        <BlockedState error={list.error} />
      </PageShell>
    );
  }
  return (
    <PageShell name='perk-records'>
      {list.first ? (
        <View className='records-shops'>
          <ChipSwitch id='records-shop' items={list.first.shops} current={list.first.partner.id} onPick={setPartnerId} />
        </View>
      ) : null}
      {list.first ? <Head first={list.first} /> : null}
      <View className='lzt-section-title'>核销记录（最新在前）</View>
      <PagedList id='records-list' state={list} loadingText='正在读取核销记录…' emptyTitle='还没有核销记录' emptyDescription='核销成功的优惠会记录在这里。'>
        {(rows) => (
          <View className='lzt-cells'>
            {rows.map((r) => (
              <View key={r.id} id={`record-${r.id}`} className='record-row'>
                <View className='lzt-cell'>
                  <View className='lzt-cell__body'>
                    <View className='lzt-cell__title record-row__title'>{r.perkTitle}</View>
                    <View className='lzt-cell__desc'>
                      {r.roleLabel} {r.holderName}
                    </View>
                  </View>
                  <View className='lzt-cell__value record-row__time'>{cnDateTime(r.at).replace(/^\d+年/, '')}</View>
                </View>
                <ReversedNote row={r} />
                <ReverseRecord row={r} onReversed={reversed} />
              </View>
            ))}
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
