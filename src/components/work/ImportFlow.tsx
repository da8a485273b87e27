// Every .xlsx import a 管理员 runs (名册, 支持单位与优惠): 下载模板 → 选择文件 (upload) →
// 预检 (dry run, row report) → 确认导入. Importing the same sheet twice changes nothing, which
// is also how a sheet too big for one call is finished: the page imports it again until done.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Reply } from '../../../contracts';
import { openDocument, uploadFile, type Uploaded } from '../../api/files';
import { useAction } from '../../hooks/useAction';
import { Cell, CellGroup } from '../Cell';
import Loading from '../Loading';
import PrimaryButton from '../PrimaryButton';
import { importToEnd } from './importToEnd';
import '../work.scss';
import './import-flow.scss';

export interface ImportRow {
  row: number;
  status: 'added' | 'changed' | 'unchanged' | 'rejected';
  reason?: string;
}

export interface ImportReport<R extends ImportRow> {
  summary: { rows: number; added: number; changed: number; unchanged: number; rejected: number };
  rows: R[];
  reportUrl: string;
  dryRun: boolean;
  more?: { done: number; total: number };
}

interface Props<R extends ImportRow> {
  /** Element ids start with it (tests find the steps by id). */
  idPrefix: string;
  /** 名册 / 表格 */
  noun: string;
  templateTitle: string;
  templateFooter: string;
  chooseTitle: string;
  loadTemplate: () => Promise<Reply<{ url: string }>>;
  runImport: (fileId: string, dryRun: boolean) => Promise<Reply<ImportReport<R>>>;
  /** What names a row after its number: ` · 3栋1单元邻`. */
  rowLabel: (r: R) => string;
  /** What an import written over several calls counts as it goes (`个片、组、邻`). */
  stepNoun?: string;
}

const STATUS: Record<ImportRow['status'], { label: string; chip: string }> = {
  added: { label: '新增', chip: 'done' },
  changed: { label: '变更', chip: 'partial' },
  unchanged: { label: '未变', chip: 'none' },
  rejected: { label: '拒绝', chip: 'warn' },
};
const STEP = 20;

function ReportView<R extends ImportRow>(props: { id: string; report: ImportReport<R>; rowLabel: (r: R) => string; onOpenFull: () => void }) {
  const { report, rowLabel } = props;
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
    <View id={`${props.id}-report`} className={`import-report import-report--${report.dryRun ? 'dry' : 'done'}`}>
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
          <View className='lzt-cells' id={`${props.id}-rows`}>
            {rows.slice(0, shown).map((r) => (
              <View key={r.row} className={`lzt-cell import-row import-row--${r.status}`}>
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title'>
                    第 {r.row} 行{rowLabel(r)}
                  </View>
                  {r.reason ? <View className='lzt-cell__desc import-row__reason'>{r.reason}</View> : null}
                </View>
                <View className={`lzt-chip lzt-chip--${STATUS[r.status].chip}`}>{STATUS[r.status].label}</View>
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
        <PrimaryButton id={`${props.id}-full`} kind='default' onClick={props.onOpenFull}>
          下载完整报告（Excel）
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function ImportFlow<R extends ImportRow>(props: Props<R>) {
  const id = props.idPrefix;
  const { busy, error, setError, run } = useAction();
  const [file, setFile] = useState<Uploaded | null>(null);
  const [report, setReport] = useState<ImportReport<R> | null>(null);
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  /** A run of this file that stopped halfway: its first reply describes the whole file. */
  const [unfinished, setUnfinished] = useState<{ fileId: string; first: ImportReport<R> } | null>(null);
  const wait: Record<string, string> = {
    template: '正在生成模板…',
    upload: '正在上传文件…',
    dry: `正在预检${props.noun}，请稍候…`,
    commit: progress
      ? `正在分批导入${props.noun}：已写入 ${progress.done} / ${progress.total} ${props.stepNoun ?? '项'}，请不要离开本页…`
      : `正在导入${props.noun}，请稍候…`,
  };

  async function open(url: string) {
    const r = await openDocument(url);
    if (r.ok) setPendingUrl(null);
    else {
      setPendingUrl(url); // e.g. the browser blocked the new tab: one tap on 打开 will do
      setError(r.error.message);
    }
  }

  async function template() {
    const data = await run('template', props.loadTemplate);
    if (data) await open(data.url);
  }

  async function check(uploaded: Uploaded) {
    const data = await run('dry', () => props.runImport(uploaded.fileId, true));
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
    setProgress(null);
    const data = await run('commit', () =>
      importToEnd(() => props.runImport(file.fileId, false), {
        resumeFrom: unfinished?.fileId === file.fileId ? unfinished.first : undefined,
        onStarted: (first) => setUnfinished({ fileId: file.fileId, first }),
        onProgress: (done, total) => setProgress({ done, total }),
      }),
    );
    setProgress(null);
    if (!data) return;
    setUnfinished(null);
    setReport(data);
    void Taro.showToast({ title: '导入完成', icon: 'success' });
  }

  const canCommit = !!file && report?.dryRun === true && report.summary.rows > report.summary.rejected;
  return (
    <View id='admin-import'>
      <CellGroup title='第一步：下载模板，按模板填写' footer={props.templateFooter}>
        <Cell id={`${id}-template`} title={props.templateTitle} onClick={() => void template()} />
        {pendingUrl ? <Cell id={`${id}-open-pending`} title='文件已生成，点此打开' onClick={() => void open(pendingUrl)} /> : null}
      </CellGroup>
      <CellGroup title='第二步：选择填好的文件' footer='在手机上请先把文件发到微信聊天里，再从聊天中选择。'>
        <Cell id={`${id}-choose`} title={file ? '重新选择文件' : props.chooseTitle} value={file?.name} onClick={() => void choose()} />
      </CellGroup>
      {busy ? <Loading text={wait[busy]} /> : null}
      {error ? (
        <View className='lzt-form-error' id={`${id}-error`} aria-role='alert'>
          {error}
        </View>
      ) : null}
      {file && !busy && !report ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id={`${id}-dry-run`} kind='default' onClick={() => void check(file)}>
            预检{props.noun}
          </PrimaryButton>
        </View>
      ) : null}
      {report ? <ReportView id={id} report={report} rowLabel={props.rowLabel} onOpenFull={() => void open(report.reportUrl)} /> : null}
      {canCommit ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id={`${id}-commit`} disabled={!!busy} loading={busy === 'commit' || undefined} onClick={() => void commit()}>
            确认导入（{report.summary.rows - report.summary.rejected} 行）
          </PrimaryButton>
        </View>
      ) : null}
      {report && !report.dryRun ? <View className='lzt-section-foot'>再次导入同一份{props.noun}不会重复添加，只会报告“未变”。</View> : null}
    </View>
  );
}
