// 管理员 › 导入: 下载模板 → 选择文件 (upload) → 预检 (dry run, row report) → 确认导入, like the
// roster import. Partners are known by name and perks by partner and title, so importing the
// same sheet twice changes nothing.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import { openDocument, uploadFile, type Uploaded } from '../../api/files';
import { Cell, CellGroup } from '../../components/Cell';
import Loading from '../../components/Loading';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from './useAction';

type Report = Output<'perk', 'import'>;

const WAIT_TEXT: Record<string, string> = {
  template: '正在生成模板…',
  upload: '正在上传文件…',
  dry: '正在预检表格，请稍候…',
  commit: '正在导入，请稍候…',
};

const STATUS: Record<string, { label: string; chip: string }> = {
  added: { label: '新增', chip: 'done' },
  changed: { label: '变更', chip: 'partial' },
  unchanged: { label: '未变', chip: 'none' },
  rejected: { label: '拒绝', chip: 'warn' },
};
const STEP = 20;

function ReportView({ report, onOpenFull }: { report: Report; onOpenFull: () => void }) {
  const [shown, setShown] = useState(STEP);
  const { summary } = report;
  const rows = [...report.rows.filter((r) => r.status === 'rejected'), ...report.rows.filter((r) => r.status !== 'rejected')];
  const counts = [
    { key: 'rows', label: '总行数', n: summary.rows },
    { key: 'added', label: '新增', n: summary.added },
    { key: 'changed', label: '变更', n: summary.changed },
    { key: 'unchanged', label: '未变', n: summary.unchanged },
    { key: 'rejected', label: '拒绝', n: summary.rejected },
  ];
  return (
    <View id='perk-import-report' className={`import-report import-report--${report.dryRun ? 'dry' : 'done'}`}>
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
          <View className='lzt-section-title'>{summary.rejected > 0 ? '逐行结果（被拒绝的行在前）' : '逐行结果'}</View>
          <View className='lzt-cells' id='perk-import-rows'>
            {rows.slice(0, shown).map((r) => (
              <View key={r.row} className={`lzt-cell import-row import-row--${r.status}`}>
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title'>
                    第 {r.row} 行{r.partner ? ` · ${r.partner}` : ''}
                    {r.perk ? ` · ${r.perk}` : ''}
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
        <PrimaryButton id='perk-import-full' kind='default' onClick={onOpenFull}>
          下载完整报告（Excel）
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function ImportPanel() {
  const { busy, error, setError, run } = useAction();
  const [file, setFile] = useState<Uploaded | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);

  async function open(url: string) {
    const r = await openDocument(url);
    if (r.ok) setPendingUrl(null);
    else {
      setPendingUrl(url);
      setError(r.error.message);
    }
  }

  async function template() {
    const data = await run('template', () => call('perk', 'importTemplate', {}));
    if (data) await open(data.url);
  }

  async function check(uploaded: Uploaded) {
    const data = await run('dry', () => call('perk', 'import', { fileId: uploaded.fileId, dryRun: true }));
    if (data) setReport(data);
  }

  async function choose() {
    const uploaded = await run('upload', uploadFile);
    if (!uploaded) return;
    setFile(uploaded);
    setReport(null);
    await check(uploaded);
  }

  async function commit() {
    if (!file) return;
    const data = await run('commit', () => call('perk', 'import', { fileId: file.fileId, dryRun: false }));
    if (!data) return;
    setReport(data);
    void Taro.showToast({ title: '导入完成', icon: 'success' });
  }

  const canCommit = !!file && report?.dryRun === true && report.summary.rows > report.summary.rejected;
  return (
    <View id='admin-import'>
      <CellGroup title='第一步：下载模板，按模板填写' footer='每行一项优惠：商家名称、类别、地址、经纬度、营业时间、电话，优惠名称、内容、适用对象、起止日期和使用限制。'>
        <Cell id='perk-import-template' title='下载支持单位与优惠模板（.xlsx）' onClick={() => void template()} />
        {pendingUrl ? <Cell id='perk-import-open-pending' title='文件已生成，点此打开' onClick={() => void open(pendingUrl)} /> : null}
      </CellGroup>
      <CellGroup title='第二步：选择填好的文件' footer='在手机上请先把文件发到微信聊天里，再从聊天中选择。'>
        <Cell id='perk-import-choose' title={file ? '重新选择文件' : '选择表格文件（.xlsx）'} value={file?.name} onClick={() => void choose()} />
      </CellGroup>
      {busy ? <Loading text={WAIT_TEXT[busy]} /> : null}
      {error ? (
        <View className='lzt-form-error' id='perk-import-error' aria-role='alert'>
          {error}
        </View>
      ) : null}
      {file && !busy && !report ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='perk-import-dry-run' kind='default' onClick={() => void check(file)}>
            预检表格
          </PrimaryButton>
        </View>
      ) : null}
      {report ? <ReportView report={report} onOpenFull={() => void open(report.reportUrl)} /> : null}
      {canCommit ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='perk-import-commit' disabled={!!busy} loading={busy === 'commit' || undefined} onClick={() => void commit()}>
            确认导入（{report.summary.rows - report.summary.rejected} 行）
          </PrimaryButton>
        </View>
      ) : null}
      {report && !report.dryRun ? <View className='lzt-section-foot'>再次导入同一份表格不会重复添加，只会报告“未变”。</View> : null}
    </View>
  );
}
