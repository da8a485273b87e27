// The row-by-row report of a roster import (or its dry run): counts, rejected rows with
// reasons, the other changes, and the full report as .xlsx.
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Output } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import '../../components/work.scss';
import '../roster.scss';

export type ImportReport = Output<'roster', 'import'>;

const STATUS: Record<string, { label: string; chip: string }> = {
  added: { label: '新增', chip: 'done' },
  changed: { label: '变更', chip: 'partial' },
  unchanged: { label: '未变', chip: 'none' },
  rejected: { label: '拒绝', chip: 'warn' },
};
const STEP = 20;

interface Props {
  report: ImportReport;
  onOpenFull: () => void;
}

export default function ImportReportView({ report, onOpenFull }: Props) {
  const [shown, setShown] = useState(STEP);
  const { summary } = report;
  const rejected = report.rows.filter((r) => r.status === 'rejected');
  const others = report.rows.filter((r) => r.status !== 'rejected');
  const counts = [
    { key: 'rows', label: '总行数', n: summary.rows },
    { key: 'added', label: '新增', n: summary.added },
    { key: 'changed', label: '变更', n: summary.changed },
    { key: 'unchanged', label: '未变', n: summary.unchanged },
    { key: 'rejected', label: '拒绝', n: summary.rejected },
  ];
  const rows = [...rejected, ...others];
  return (
    <View id='import-report' className={`import-report import-report--${report.dryRun ? 'dry' : 'done'}`}>
      <View className='lzt-card'>
        <View className='import-report__title'>{report.dryRun ? '预检结果（尚未导入）' : '导入完成'}</View>
        <View className='import-report__counts'>
          {counts.map((c) => (
            <View key={c.key} className={`import-report__count import-count--${c.key}`}>
              <View className='lzt-stats__num'>{c.n}</View>
              <View className='lzt-stats__label'>{c.label}</View>
            </View>
          ))}
        </View>
        {summary.rejected > 0 ? (
          <View className='lzt-sub import-report__note'>被拒绝的 {summary.rejected} 行{report.dryRun ? '不会' : '没有'}导入，请按原因改正后重新上传。</View>
        ) : null}
      </View>
      {rows.length > 0 ? (
        <>
          <View className='lzt-section-title'>{rejected.length > 0 ? '逐行结果（被拒绝的行在前）' : '逐行结果'}</View>
          <View className='lzt-cells' id='import-rows'>
            {rows.slice(0, shown).map((r) => (
              <View key={r.row} className={`lzt-cell import-row import-row--${r.status}`}>
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title'>
                    第 {r.row} 行{r.unit ? ` · ${r.unit}` : ''}
                  </View>
                  {r.reason ? <View className='lzt-cell__desc import-row__reason'>{r.reason}</View> : null}
                </View>
                <View className={`lzt-chip lzt-chip--${STATUS[r.status]?.chip ?? 'none'}`}>{STATUS[r.status]?.label ?? r.status}</View>
              </View>
            ))}
          </View>
          {rows.length > shown ? (
            <View className='lzt-btn-wrap'>
              <PrimaryButton kind='default' onClick={() => setShown((s) => s + STEP)}>
                显示更多（{shown} / {rows.length}）
              </PrimaryButton>
            </View>
          ) : null}
        </>
      ) : null}
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='import-report-full' kind='default' onClick={onOpenFull}>
          下载完整报告（Excel）
        </PrimaryButton>
      </View>
    </View>
  );
}
