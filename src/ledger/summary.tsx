// 下级汇总 for 组长, 片长 and 管理员: a node and its children with households, bound and
// visited; tap a child to drill down 片 → 组 → 邻; at a 邻, its households' visit status.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LEAD_TITLE_LABELS } from '../../contracts/labels';
import { LEVEL_LABELS, type Level } from '../../contracts/roles';
import { call, type Output } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import EmptyState from '../components/EmptyState';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { usePaged } from '../hooks/usePaged';
import HouseholdRows from './HouseholdRows';
import StatsCard from './StatsCard';
import type { LedgerRow } from './visitItems';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './ledger.scss';

type SummaryNode = Output<'ledger', 'summary'>['node'];
type HouseholdsPage = Output<'ledger', 'households'>;

/** The contract returns all children at once; show them a screenful at a time. */
const CHILDREN_STEP = 20;
const leadLine = (n: SummaryNode) => {
  const title = LEAD_TITLE_LABELS[n.level as Level];
  return title ? `${title}：${n.leadName ?? '空缺'}` : undefined;
};
const titleOf = (n: SummaryNode) => (
  <>
    <View className='lzt-chip lzt-chip--none summary-level'>{LEVEL_LABELS[n.level]}</View>
    <View className='summary-name'>{n.name}</View>
  </>
);

function UnitHouseholds({ unitId }: { unitId: string }) {
  const list = usePaged<LedgerRow, HouseholdsPage>((page) => call('ledger', 'households', { unitId, page, pageSize: 20 }), [unitId]);
  return (
    <>
      <View className='lzt-section-title'>本邻住户的走访情况{list.first ? `（${list.total}户）` : ''}</View>
      <PagedList id='summary-households' state={list} loadingText='正在读取住户…' emptyTitle='本邻还没有住户'>
        {(rows) => <HouseholdRows rows={rows} />}
      </PagedList>
      <View className='lzt-section-foot'>住户的电话、人数等详细信息只有本邻邻长能看到。</View>
    </>
  );
}

export default function SummaryPage() {
  const nodeId = useRouter().params.nodeId;
  const summary = useCall(() => call('ledger', 'summary', nodeId ? { nodeId } : {}), [nodeId], { refreshOnShow: true });
  const [shown, setShown] = useState(CHILDREN_STEP);
  const drill = (child: SummaryNode) => void Taro.navigateTo({ url: pageUrl('ledger/summary', { nodeId: child.id }) });
  return (
    <PageShell name='ledger-summary'>
      {isFinalError(summary.error) ? (
        <BlockedState error={summary.error} />
      ) : (
        <CallView state={summary} loadingText='正在统计…'>
          {({ node, children }) => (
            <>
              <StatsCard id='summary-node' className={`summary-node summary-node--${node.level}`} title={titleOf(node)} subtitle={leadLine(node)} stats={node.stats} />
              {node.level === 'unit' ? (
                <UnitHouseholds unitId={node.id} />
              ) : (
                <>
                  <View className='lzt-section-title'>
                    下级{children[0] ? LEVEL_LABELS[children[0].level] : ''}（{children.length}个），点击查看详情
                  </View>
                  {children.length === 0 ? (
                    <EmptyState title='还没有下级' description='社区导入名册后，这里会显示下级的走访情况。' />
                  ) : (
                    <View id='summary-children'>
                      {children.slice(0, shown).map((c) => (
                        <StatsCard
                          key={c.id}
                          id={`summary-child-${c.id}`}
                          className='summary-child'
                          title={titleOf(c)}
                          subtitle={leadLine(c)}
                          stats={c.stats}
                          onClick={() => drill(c)}
                        />
                      ))}
                      {children.length > shown ? (
                        <View className='lzt-btn-wrap'>
                          <PrimaryButton kind='default' id='summary-more' onClick={() => setShown((n) => n + CHILDREN_STEP)}>
                            显示更多（已显示 {shown} / 共 {children.length}）
                          </PrimaryButton>
                        </View>
                      ) : null}
                    </View>
                  )}
                </>
              )}
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
