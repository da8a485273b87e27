// 评选后台 (管理员) for one campaign: the counts, 修改设置 and the public page, then one tab
// each for 审核提名, 刷票预警, 作废选票, 操作记录 and 确认结果.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { Cell, CellGroup } from '../components/Cell';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import { ConsoleTabs, useTabParam, type ConsoleTab } from '../components/Tabs';
import type { VoteManageTab } from './subpackage';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import AlertsSection, { type WindowTarget } from './admin/AlertsSection';
import AuditSection from './admin/AuditSection';
import ResultsSection from './admin/ResultsSection';
import ReviewSection from './admin/ReviewSection';
import VoidSection from './admin/VoidSection';
import StatusBanner from './parts/StatusBanner';
import type { Overview } from './types';
import '../components/work.scss';
import './styles/banner.scss';
import './styles/results.scss';
import './styles/rows.scss';
import './styles/search.scss';
import './styles/nominate.scss';
import './styles/nominations.scss';
import './styles/admin.scss';

const TABS: readonly (ConsoleTab<VoteManageTab>)[] = [
  { key: 'review', label: '审核', title: '审核提名' },
  { key: 'alerts', label: '预警', title: '刷票预警' },
  { key: 'void', label: '作废', title: '作废选票' },
  { key: 'audit', label: '记录', title: '操作记录' },
  { key: 'results', label: '结果', title: '确认表彰名单' },
];

const go = (url: string) => () => void Taro.navigateTo({ url });

function Counts({ o }: { o: Overview }) {
  const items = [
    { key: 'pending', label: '待审核', n: o.counts.pending },
    { key: 'approved', label: '已入围', n: o.counts.approved },
    { key: 'alerts', label: '刷票预警', n: o.counts.alerts },
    { key: 'blocked', label: '禁投人数', n: o.counts.blocked },
  ];
  return (
    <View className='lzt-stats manage-counts' id='manage-counts'>
      {items.map((i) => (
        <View key={i.key} className={`lzt-stats__item manage-count--${i.key}`}>
          <View className={`lzt-stats__num${i.key === 'alerts' && i.n > 0 ? ' manage-count__warn' : ''}`}>{i.n}</View>
          <View className='lzt-stats__label'>{i.label}</View>
        </View>
      ))}
    </View>
  );
}

function Console({ o, reload }: { o: Overview; reload: () => void }) {
  const c = o.campaign;
  const [tab, setTab] = useTabParam(TABS);
  const [target, setTarget] = useState<WindowTarget | null>(null);
  const [auditRefresh, setAuditRefresh] = useState(0);
  const changed = () => {
    setAuditRefresh((n) => n + 1);
    reload();
  };
  return (
    <>
      <View className='lzt-card manage-head'>
        <View className='lzt-title' id='manage-title'>
          {c.title}
        </View>
        <View className='lzt-sub'>
          {c.scope.name} · {c.candidates} 位候选人
        </View>
        <Counts o={o} />
      </View>
      <StatusBanner campaign={c} />
      <CellGroup className='manage-links'>
        <Cell id='manage-edit' title='修改设置' description='标题、说明、时间与投票规则' onClick={go(pageUrl('vote/edit', { id: c.id }))} />
        <Cell id='manage-open-campaign' title='查看评选页' description='居民看到的样子' onClick={go(pageUrl('vote/campaign', { id: c.id }))} />
      </CellGroup>
      <ConsoleTabs tabs={TABS} tab={tab} onChange={setTab} idPrefix='manage-tab-' titleId='manage-section-title' />
      {tab === 'review' ? <ReviewSection campaign={c} onChanged={changed} /> : null}
      {tab === 'alerts' ? (
        <AlertsSection
          campaign={c}
          onInspect={(t) => {
            setTarget(t);
            setTab('void');
          }}
        />
      ) : null}
      {tab === 'void' ? <VoidSection key={target ? `${target.candidateId}:${target.from}` : 'none'} campaign={c} target={target} onVoided={changed} /> : null}
      {tab === 'audit' ? <AuditSection campaign={c} refresh={auditRefresh} /> : null}
      {tab === 'results' ? <ResultsSection campaign={c} onChanged={changed} /> : null}
    </>
  );
}

export default function ManagePage() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const state = useCall(() => call('vote', 'overview', { campaignId: id }), [id], { refreshOnShow: true });
  const d = state.data;
  let body;
  if (!id) body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪一次评选，请从评选管理进入' }} />;
  else if (d) body = <Console o={d} reload={() => void state.reload()} />;
  else if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
  else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  else body = <Loading text='正在打开评选后台…' />;
  return <PageShell name='vote-manage'>{body}</PageShell>;
}
