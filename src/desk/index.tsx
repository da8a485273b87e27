// 工作台 (管理员: 社区/镇街/区; 片长: 本片): this month's figures of the subtree, from counters kept
// on write; each number opens the list behind it; bars by 片 and a 12-month trend; reports; and
// for the 管理员 on their own desk, 管理: every list they work on, one entry each.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LEVEL_LABELS, type Level } from '../../contracts/roles';
import { call } from '../api/client';
import { fetchWhoami } from '../api/whoami';
import { BlockedPage, isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import type { Scope } from './links';
import { ChildrenChart, TrendChart } from './parts/Charts';
import { Manage } from './parts/Manage';
import { Breakdowns, Coverage, Leads, Others, Problems, type Summary } from './parts/Sections';
import { percent } from './parts/Tile';
import '../components/work.scss';
import './desk.scss';

const shift = (m: string, by: number) => {
  const n = Number(m.slice(0, 4)) * 12 + Number(m.slice(4)) - 1 + by;
  return `${Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, '0')}`;
};

function Children({ s }: { s: Summary }) {
  if (!s.children.length) return null;
  const label = LEVEL_LABELS[s.children[0].level as Level] ?? '下级';
  return (
    <CellGroup title={`按${label}（点击查看该${label}的工作台）`} className='desk-children'>
      {s.children.map((c) => (
        <Cell
          key={c.id}
          id={`desk-child-${c.id}`}
          title={c.name}
          description={`覆盖 ${percent(c.coverageRate)}（${c.bound}/${c.households}户）· 走访 ${c.visits} · 三长空缺 ${c.leadsVacant}、外出 ${c.leadsAway}${
            c.problems ? ` · 收到 ${c.problems.received}、办结 ${c.problems.resolved}、满意率 ${percent(c.problems.satisfactionRate)}` : ''
          }`}
          value={c.problems && c.problems.overdue > 0 ? <View className='lzt-chip lzt-chip--warn'>{c.problems.overdue} 件超时</View> : undefined}
          onClick={() => void Taro.navigateTo({ url: pageUrl('desk/index', { nodeId: c.id }) })}
        />
      ))}
    </CellGroup>
  );
}

export default function DeskPage() {
  const params = useRouter().params;
  const nodeId = params.nodeId ? decodeParam(params.nodeId) : undefined;
  const [month, setMonth] = useState<string | undefined>(undefined);
  const who = useCall(fetchWhoami, []);
  const summary = useCall(() => call('desk', 'summary', { ...(nodeId ? { nodeId } : {}), ...(month ? { month } : {}) }), [nodeId, month], { refreshOnShow: true });
  if (isFinalError(summary.error)) {
    return <BlockedPage name='desk' error={summary.error} />;
  }
  return (
    <PageShell name='desk'>
      <CallView state={summary} loadingText='正在汇总…'>
        {(s) => {
          const scope: Scope = { nodeId: s.node.id, level: s.node.level, admin: !!who.data?.roles.includes('admin') };
          const current = s.period.months[0];
          return (
            <>
              <View className='lzt-card'>
                <View className='desk-head'>
                  <View className='desk-head__title' id='desk-node'>
                    {s.node.name}
                  </View>
                  <View className='lzt-chip lzt-chip--none'>{LEVEL_LABELS[s.node.level as Level]}</View>
                </View>
                <View className='desk-months'>
                  <View id='desk-prev-month' className='desk-months__btn' onClick={() => setMonth(shift(current, -1))}>
                    上月
                  </View>
                  <View id='desk-period' className='desk-months__label'>
                    {s.period.title}
                  </View>
                  <View id='desk-next-month' className='desk-months__btn' onClick={() => setMonth(shift(current, 1))}>
                    下月
                  </View>
                </View>
              </View>
              {scope.admin && !nodeId ? <Manage s={s} /> : null}
              <Problems s={s} scope={scope} />
              <ChildrenChart s={s} />
              <TrendChart s={s} />
              <Coverage s={s} scope={scope} />
              <Leads s={s} scope={scope} />
              <Children s={s} />
              <Breakdowns s={s} scope={scope} />
              <Others s={s} scope={scope} />
              <View className='lzt-section-foot'>“当前超时”“当前办理中”是此刻的数字；其余是{s.period.title}的数字。数字随办理随时更新。</View>
            </>
          );
        }}
      </CallView>
    </PageShell>
  );
}
