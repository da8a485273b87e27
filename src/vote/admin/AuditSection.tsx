// 操作记录: every void, disqualification and confirmation, with who, why and how many.
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import PagedList from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import { cnDateTime } from '../../utils/beijingTime';
import type { Audit, AuditPage, Campaign } from '../types';

const ACTION_LABELS: Record<Audit['action'], string> = { void: '作废选票', disqualify: '取消资格', confirm: '确认结果' };
const ACTION_CHIP: Record<Audit['action'], string> = { void: 'warn', disqualify: 'warn', confirm: 'done' };

export default function AuditSection({ campaign, refresh }: { campaign: Campaign; refresh: number }) {
  const list = usePaged<Audit, AuditPage>((page) => call('vote', 'audit', { campaignId: campaign.id, page, pageSize: 10 }), [campaign.id, refresh]);
  return (
    <View id='manage-audit'>
      <PagedList id='audit-list' state={list} loadingText='正在读取操作记录…' emptyTitle='还没有操作记录' emptyDescription='作废选票、取消资格、确认结果都会记在这里。'>
        {(items) => (
          <View>
            {items.map((a) => (
              <View key={a.id} id={`audit-${a.id}`} className='lzt-card vote-audit'>
                <View className='vote-audit__head'>
                  <View className={`lzt-chip lzt-chip--${ACTION_CHIP[a.action]}`}>{ACTION_LABELS[a.action]}</View>
                  {a.done ? null : <View className='lzt-chip lzt-chip--partial'>未完成</View>}
                </View>
                <View className='vote-audit__summary'>{a.summary}</View>
                <View className='lzt-sub'>原因：{a.reason}</View>
                <View className='lzt-sub'>
                  {a.byName} · {cnDateTime(a.at)}
                </View>
              </View>
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
