// 居民信息账 for a 邻长: the counts of the 邻, a 全部/未走访 filter, and the households (paged).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, type Output } from '../api/client';
import CallView from '../components/CallView';
import ChipSwitch from '../components/ChipSwitch';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import { useCall } from '../hooks/useCall';
import { usePaged } from '../hooks/usePaged';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import HouseholdRows from './HouseholdRows';
import { onVisitRecorded } from './ledgerEvents';
import StatsCard from './StatsCard';
import type { LedgerRow } from './visitItems';
import Tabs, { type Tab } from '../components/Tabs';
import '../components/work.scss';
import './ledger.scss';

const PAGE_SIZE = 10;
const FILTERS: Tab<'all' | 'unvisited'>[] = [
  { key: 'all', label: '全部住户' },
  { key: 'unvisited', label: '未走访' },
];
type HouseholdsPage = Output<'ledger', 'households'>;

function Header({ unitId, unitName, refresh }: { unitId: string; unitName: string; refresh: number }) {
  const summary = useCall(() => call('ledger', 'summary', { nodeId: unitId }), [unitId, refresh]);
  return (
    <CallView state={summary} loadingText='正在统计…'>
      {(s) => <StatsCard id='ledger-header' title={unitName} subtitle={s.node.leadName ? `邻长：${s.node.leadName}` : undefined} stats={s.node.stats} />}
    </CallView>
  );
}

export default function LedgerPage() {
  const [unitId, setUnitId] = useState<string | undefined>(decodeParam(useRouter().params.unitId) || undefined);
  const [onlyUnvisited, setOnlyUnvisited] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const list = usePaged<LedgerRow, HouseholdsPage>((page) => fetchPage(page, onlyUnvisited, unitId), [onlyUnvisited, unitId]);

  // A visit recorded on the household page (this page waits underneath): under 未走访 a complete
  // visit takes the household off the list, so the list is read again (the count and the pages
  // stay exact); under 全部住户 its chip changes in place. Either way the header recounts.
  const { patch, reload } = list;
  useEffect(
    () =>
      onVisitRecorded((v) => {
        if (onlyUnvisited && v.complete) void reload();
        else
          patch((rows) =>
            rows.map((r) =>
              r.id === v.householdId ? { ...r, lastVisit: { visitedAt: v.visitedAt, complete: v.complete || !!r.lastVisit?.complete } } : r,
            ),
          );
        setRefresh((n) => n + 1);
      }),
    [patch, reload, onlyUnvisited],
  );

  // Kept across filter changes, so the header does not blink while the list reloads.
  const [unit, setUnit] = useState<HouseholdsPage['unit'] | null>(null);
  useEffect(() => {
    if (list.first) setUnit(list.first.unit);
  }, [list.first]);
  const open = (row: LedgerRow) => void Taro.navigateTo({ url: pageUrl('ledger/household', { id: row.id }) });
  return (
    <PageShell name='ledger'>
      {/* A 邻长 of two 邻 switches between them here. */}
      {list.first ? (
        <View className='ledger-units'>
          <ChipSwitch id='ledger-unit' items={list.first.mine} current={list.first.unit.id} onPick={setUnitId} />
        </View>
      ) : null}
      {unit ? <Header unitId={unit.id} unitName={unit.name} refresh={refresh} /> : null}
      <Tabs items={FILTERS} value={onlyUnvisited ? 'unvisited' : 'all'} onChange={(k) => setOnlyUnvisited(k === 'unvisited')} idPrefix='ledger-filter-' />
      <View className='lzt-section-title' id='ledger-count'>
        {onlyUnvisited ? '还没有完成“五个一”走访的住户' : '本邻住户'}
        {list.first ? `（${list.total}户）` : ''}
      </View>
      <PagedList
        id='ledger-list'
        state={list}
        loadingText='正在读取住户…'
        emptyTitle={onlyUnvisited ? '全部住户都已走访' : '本邻还没有住户'}
        emptyDescription={onlyUnvisited ? '辛苦了！每一户都完成了“五个一”走访。' : '居民扫描门上的邻长联系卡、绑定住户后，会出现在这里。'}
      >
        {(rows) => <HouseholdRows rows={rows} onOpen={open} />}
      </PagedList>
    </PageShell>
  );
}

function fetchPage(page: number, onlyUnvisited: boolean, unitId: string | undefined) {
  return call('ledger', 'households', { page, pageSize: PAGE_SIZE, ...(unitId ? { unitId } : {}), ...(onlyUnvisited ? { onlyUnvisited: true } : {}) });
}
