// 办理统计: 响应率, 按期办结率, 满意率 (the figures 12345 units are judged by) for the caller's
// own level, then each 片 and each handler under it (a 社区's 片长, a 片's 组长, a 组's 邻长);
// tap one to look further down. All from the maintained counters (collection mqstats).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Fragment } from 'react';
import { call } from '../api/client';
import { fetchWhoami, roleLabel, type WhoAmI } from '../api/whoami';
import { Cell, CellGroup } from '../components/Cell';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import RatesCard from './parts/RatesCard';
import { rateParts } from './parts/rates';
import type { RatesRow, StatsReply } from './types';
import '../components/work.scss';
import './minqing.scss';
import './stats.scss';

/** Who a handler row stands for. */
const HOLDER: Record<RatesRow['level'], string> = {
  unit: '邻长',
  group: '组长',
  area: '片长',
  community: '社区管理员',
  department: '部门',
  street: '镇街',
  district: '区',
};
/** What the node's own figures cover. */
const SCOPE: Record<RatesRow['level'], string> = {
  unit: '本人办理的反映',
  group: '本人办理的反映',
  area: '全片的反映',
  community: '全社区的反映',
  department: '交给本部门的反映',
  street: '全镇街的反映',
  district: '全区的反映',
};
const DRILLS = new Set<RatesRow['level']>(['group', 'area', 'community', 'street']);

interface RowProps {
  row: RatesRow;
  prefix: string;
  /** 全片 for a 片's own figures; else who the row stands for. */
  chip?: string;
  onClick?: () => void;
}

function Row({ row, prefix, chip, onClick }: RowProps) {
  const r = row.rates;
  return (
    <View
      id={`${prefix}-${row.id}`}
      className={`lzt-cell mq-stat-row${onClick ? ' lzt-cell--link' : ''}`}
      hoverClass={onClick ? 'lzt-cell--active' : 'none'}
      onClick={onClick}
    >
      <View className='lzt-cell__body'>
        <View className='lzt-cell__title'>
          <View className='lzt-chip lzt-chip--none mq-stat-row__role'>{chip ?? HOLDER[row.level]}</View>
          {row.name}
        </View>
        <View className='mq-stat-row__rates'>
          {rateParts(r).map((p, i) => (
            <Fragment key={p.key}>
              {i ? <View className='mq-stat-row__rate mq-stat-row__rate--none'> · </View> : null}
              <View className={`mq-stat-row__rate${p.low ? ' mq-stat-row__rate--low' : ''}${p.none ? ' mq-stat-row__rate--none' : ''}`}>{p.text}</View>
            </Fragment>
          ))}
        </View>
        <View className='lzt-cell__desc'>
          收到 {r.received} 件 · 办结 {r.resolved} 件 · 评价 {r.rated} 件
        </View>
      </View>
      {onClick ? <View className='lzt-cell__arrow' /> : null}
    </View>
  );
}

function Figures({ data, onDrill }: { data: StatsReply; onDrill: (id: string) => void }) {
  const { node } = data;
  // The node's own holder is the first handler row; below a 片 it is the same counter as the node's.
  const ownIsNode = node.level === 'unit' || node.level === 'group' || node.level === 'department';
  const handlers = data.handlers.filter((h) => !(ownIsNode && h.id === node.id));
  const areas = data.areas.filter((a) => a.id !== node.id);
  const drill = (row: RatesRow) => (row.id !== node.id && DRILLS.has(row.level) ? () => onDrill(row.id) : undefined);
  return (
    <>
      <RatesCard id='stats-node' title={node.name} subtitle={SCOPE[node.level]} rates={node.rates} />
      {areas.length ? (
        <>
          <View className='lzt-section-title'>各片（{areas.length}个），点击查看各组</View>
          <View className='lzt-cells' id='stats-areas'>
            {areas.map((a) => (
              <Row key={a.id} row={a} prefix='stats-area' chip='全片' onClick={drill(a)} />
            ))}
          </View>
        </>
      ) : null}
      {handlers.length ? (
        <>
          <View className='lzt-section-title'>各办理人</View>
          <View className='lzt-cells' id='stats-handlers'>
            {handlers.map((h) => (
              <Row key={`${h.level}:${h.id}`} row={h} prefix='stats-handler' onClick={drill(h)} />
            ))}
          </View>
        </>
      ) : null}
      <View className='lzt-section-foot'>
        响应率：按时受理的占收到的；按期办结率：在时限内办结的占办结的；满意率：评3星及以上（含7天未评价的默认满意）占已评价的。每办一步随时更新。
      </View>
    </>
  );
}

const TREE_HANDLERS = new Set(['neighbourLead', 'groupLead', 'areaLead', 'admin']);

/** A 邻长 of two 邻 (or a 组长 who is also a 邻长): the figures of each of their places. */
function OtherPlaces({ me, shownId }: { me: WhoAmI; shownId: string }) {
  const others = me.grants.filter((g) => TREE_HANDLERS.has(g.role) && g.nodeId !== shownId);
  if (!others.length) return null;
  return (
    <CellGroup title='我的其他身份' className='mq-stats-others'>
      {others.map((g) => (
        <Cell
          key={`${g.role}:${g.nodeId}`}
          id={`stats-other-${g.nodeId}`}
          title={g.nodeName}
          value={roleLabel(g.role)}
          onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/stats', { nodeId: g.nodeId }) })}
        />
      ))}
    </CellGroup>
  );
}

export default function StatsPage() {
  const nodeId = decodeParam(useRouter().params.nodeId) || undefined;
  const stats = useCall(() => call('minqing', 'stats', nodeId ? { nodeId } : {}), [nodeId], { refreshOnShow: true });
  // Only on the caller's own page (no nodeId): the other places they handle.
  const who = useCall(() => (nodeId ? Promise.resolve({ ok: true as const, data: null }) : fetchWhoami()), [nodeId]);
  return (
    <PageShell name='minqing-stats'>
      {isFinalError(stats.error) ? (
        <BlockedState error={stats.error} />
      ) : (
        <CallView state={stats} loadingText='正在统计…'>
          {(data) => (
            <>
              <Figures data={data} onDrill={(id) => void Taro.navigateTo({ url: pageUrl('minqing/stats', { nodeId: id }) })} />
              {who.data ? <OtherPlaces me={who.data} shownId={data.node.id} /> : null}
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
