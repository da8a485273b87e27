// 名册导入: 下载模板 → 选择文件 (upload) → 预检 (dry run, report) → 确认导入.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { openDocument, uploadFile, type Uploaded } from '../../api/files';
import { Cell, CellGroup } from '../../components/Cell';
import Loading from '../../components/Loading';
import PrimaryButton from '../../components/PrimaryButton';
import { FormError } from './Fields';
import ImportReportView, { type ImportReport } from './ImportReportView';
import { useAction } from './useAction';

const WAIT_TEXT: Record<string, string> = {
  template: '正在生成模板…',
  upload: '正在上传文件…',
  dry: '正在预检名册，请稍候…',
  commit: '正在导入名册，请稍候…',
};

export default function ImportSection() {
  const { busy, error, setError, run } = useAction();
  const [file, setFile] = useState<Uploaded | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);

  async function open(url: string) {
    const r = await openDocument(url);
    if (r.ok) setPendingUrl(null);
    else {
      setPendingUrl(url); // e.g. the browser blocked the new tab: one tap on 打开 will do
      setError(r.error.message);
    }
  }

  async function template() {
    const data = await run('template', () => call('roster', 'template', {}));
    if (data) await open(data.url);
  }

  async function check(uploaded: Uploaded) {
    const data = await run('dry', () => call('roster', 'import', { fileId: uploaded.fileId, dryRun: true }));
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
    const data = await run('commit', () => call('roster', 'import', { fileId: file.fileId, dryRun: false }));
    if (!data) return;
    setReport(data);
    void Taro.showToast({ title: '导入完成', icon: 'success' });
  }

  const canCommit = !!file && report?.dryRun === true && report.summary.rows > report.summary.rejected;
  return (
    <View id='admin-import'>
      <CellGroup
        title='第一步：下载模板，按模板填写'
        footer='模板每行一个邻：片、组、邻的名称，片长、组长、邻长的姓名和手机号，邻负责的楼栋单元。'
      >
        <Cell id='import-template' title='下载名册模板（.xlsx）' onClick={() => void template()} />
        {pendingUrl ? <Cell id='import-open-pending' title='文件已生成，点此打开' onClick={() => void open(pendingUrl)} /> : null}
      </CellGroup>
      <CellGroup title='第二步：选择填好的名册文件' footer='在手机上请先把文件发到微信聊天里，再从聊天中选择。'>
        <Cell id='import-choose' title={file ? '重新选择文件' : '选择名册文件（.xlsx）'} value={file?.name} onClick={() => void choose()} />
      </CellGroup>
      {busy ? <Loading text={WAIT_TEXT[busy]} /> : null}
      <FormError id='import-error' message={error} />
      {file && !busy && !report ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='import-dry-run' kind='default' onClick={() => void check(file)}>
            预检名册
          </PrimaryButton>
        </View>
      ) : null}
      {report ? <ImportReportView report={report} onOpenFull={() => void open(report.reportUrl)} /> : null}
      {canCommit ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='import-commit' disabled={!!busy} loading={busy === 'commit' || undefined} onClick={() => void commit()}>
            确认导入（{report.summary.rows - report.summary.rejected} 行）
          </PrimaryButton>
        </View>
      ) : null}
      {report && !report.dryRun ? (
        <View className='lzt-section-foot'>再次导入同一份名册不会重复添加，只会报告“未变”。</View>
      ) : null}
    </View>
  );
}
