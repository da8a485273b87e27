// A 邻 (or 组/片) for the 管理员: its current lead and their photo, 动态调整 (mark away, appoint a successor
// and hand over the binding code), a binding code for the current lead, and 历任.
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LEVEL_LABELS } from '../../contracts/roles';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import CurrentLeadInvite from './parts/CurrentLeadInvite';
import LeadHistory from './parts/LeadHistory';
import LeadPhoto from './parts/LeadPhoto';
import MarkAwayForm from './parts/MarkAwayForm';
import MarkBack from './parts/MarkBack';
import SucceedForm from './parts/SucceedForm';
import { HISTORY_STATUS, INACTIVE_REASONS, LEAD_TITLE } from './rosterLabels';
import { fetchTree, type TreeData, type TreeNode } from './treeModel';
import '../components/work.scss';
import './roster.scss';

const NOT_FOUND = { code: 'NOT_FOUND' as const, message: '没有找到这个片、组或邻，可能已被调整' };

function pathOf(data: TreeData, node: TreeNode): string {
  const names: string[] = [];
  for (let p = data.nodes.find((n) => n.id === node.parentId); p; p = data.nodes.find((n) => n.id === p?.parentId)) names.unshift(p.name);
  return [data.community.name, ...names].join(' › ');
}

function NodeHead({ data, node }: { data: TreeData; node: TreeNode }) {
  const title = LEAD_TITLE[node.level] ?? '三长';
  const status = node.leadStatus === 'away' || node.leadStatus === 'vacant' ? INACTIVE_REASONS[node.leadStatus] : HISTORY_STATUS.active;
  return (
    <>
      <View className='lzt-card unit-head'>
        <View className='lzt-sub'>{pathOf(data, node)}</View>
        <View className='lzt-title' id='unit-name'>
          {node.name}
        </View>
        <View className='lzt-sub'>
          {LEVEL_LABELS[node.level]} · {node.households}户{node.buildings?.length ? ` · ${node.buildings.join('、')}` : ''}
        </View>
      </View>
      <CellGroup title={`现任${title}`}>
        <Cell
          id='unit-lead'
          title={node.leadName ?? `暂无${title}`}
          description={node.leadPhoneMasked ?? undefined}
          value={<View className={`lzt-chip lzt-chip--${node.leadStatus === 'active' ? 'done' : node.leadStatus === 'away' ? 'partial' : 'warn'}`} id='unit-lead-status'>{status}</View>}
        />
      </CellGroup>
    </>
  );
}

export default function UnitPage() {
  const id = useRouter().params.id ?? '';
  const tree = useCall(fetchTree, []);
  const [refresh, setRefresh] = useState(0);
  const changed = () => {
    setRefresh((n) => n + 1);
    void tree.reload();
  };
  return (
    <PageShell name='roster-unit'>
      {isFinalError(tree.error) ? (
        <BlockedState error={tree.error} />
      ) : (
        <CallView state={tree} loadingText='正在读取…'>
          {(data) => {
            const node = data.nodes.find((n) => n.id === id);
            if (!node) return <BlockedState error={NOT_FOUND} />;
            const title = LEAD_TITLE[node.level] ?? '三长';
            return (
              <>
                <NodeHead data={data} node={node} />
                {node.leadName ? (
                  <>
                    <View className='lzt-section-title'>现任{title}的照片</View>
                    <LeadPhoto key={node.leadName} nodeId={node.id} name={node.leadName} photo={node.leadPhoto} onDone={changed} />
                    {node.leadStatus === 'away' ? (
                      <>
                        <View className='lzt-section-title'>现任{title}已回来？</View>
                        <MarkBack nodeId={node.id} name={node.leadName} onDone={changed} />
                      </>
                    ) : null}
                    <View className='lzt-section-title'>标记现任{title}的情况（动态调整）</View>
                    <MarkAwayForm nodeId={node.id} onDone={changed} />
                  </>
                ) : null}
                <View className='lzt-section-title'>推选接替人选</View>
                <SucceedForm nodeId={node.id} leadTitle={title} onDone={changed} />
                {node.leadName ? (
                  <>
                    <View className='lzt-section-title'>现任{title}还没绑定微信？为 TA 生成绑定码</View>
                    <CurrentLeadInvite key={node.leadName} nodeId={node.id} forWhom={`${title} ${node.leadName}`} />
                  </>
                ) : null}
                <View className='lzt-section-title'>历任{title}</View>
                <LeadHistory nodeId={node.id} refresh={refresh} />
              </>
            );
          }}
        </CallView>
      )}
    </PageShell>
  );
}
