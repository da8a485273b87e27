// 管理 (管理员): one entry per list they work on, each opening the list's own page (paged and
// searchable there), with a count where one read gives it: desk.lists (注册审核, 待交办民情, 通知,
// 支持单位) and the dashboard's own figures (名册, 联系卡, 动态调整; 评选: the latest one's stage).
// 核销员 has no cheap count.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { Cell, CellGroup } from '../../components/Cell';
import { useCall } from '../../hooks/useCall';
import { pageUrl } from '../../utils/pageUrl';
import type { Summary } from './Sections';

interface Entry {
  key: string;
  title: string;
  description: string;
  url: string;
  /** The count, or undefined where none is cheap; warn: something waits for the 管理员. */
  count?: { text: string; warn?: boolean };
}

function entriesOf(s: Summary, n: { registrations: number; toAssign: number; notices: number; partners: number } | null): Entry[] {
  const seats = [s.leads.area, s.leads.group, s.leads.unit].filter((x) => x !== null);
  const filled = seats.reduce((sum, x) => sum + x.filled, 0);
  const adjust = seats.reduce((sum, x) => sum + x.vacant + x.away, 0);
  const counted = (v: number | undefined, unit: string, warn = false) => (v === undefined ? undefined : { text: `${v}${unit}`, warn: warn && v > 0 });
  return [
    { key: 'roster', title: '名册', description: '片、组、邻及其三长，可按姓名、手机号后四位、楼栋查找', url: pageUrl('roster/admin', { tab: 'roster' }), count: counted(filled, ' 人在岗') },
    { key: 'cards', title: '联系卡', description: '选一个片或组，打印邻长联系卡', url: pageUrl('roster/admin', { tab: 'cards' }), count: counted(s.leads.unit.seats, ' 个邻') },
    { key: 'registrations', title: '注册审核', description: '个人自荐与群众推荐', url: pageUrl('roster/admin', { tab: 'review' }), count: counted(n?.registrations, ' 条待审', true) },
    { key: 'succession', title: '动态调整/继任', description: '外出、不能履职或空缺的三长，推选接替', url: pageUrl('roster/admin', { tab: 'adjust' }), count: counted(adjust, ' 处待调整', true) },
    { key: 'notices', title: '通知', description: '发布、修改、撤回，看已读户数', url: pageUrl('notice/published'), count: counted(n?.notices, ' 条') },
    { key: 'assign', title: '待交办民情', description: '到社区的大事：交办部门或上报', url: pageUrl('minqing/todo', { box: 'pending' }), count: counted(n?.toAssign, ' 件', true) },
    { key: 'partners', title: '支持单位', description: '商家与优惠，暂停或恢复', url: pageUrl('perk/admin', { tab: 'partners' }), count: counted(n?.partners, ' 家') },
    { key: 'clerks', title: '核销员', description: '各支持单位的核销员与绑定码', url: pageUrl('perk/admin', { tab: 'clerks' }) },
    { key: 'campaigns', title: '评选活动', description: '最美邻长评选：审核、预警、表彰', url: pageUrl('vote/admin'), count: s.campaigns.length ? { text: `最近：${s.campaigns[0].stage}` } : undefined },
  ];
}

export function Manage({ s }: { s: Summary }) {
  const counts = useCall(() => call('desk', 'lists', {}), [], { refreshOnShow: true });
  return (
    <CellGroup title='管理' className='desk-manage'>
      {entriesOf(s, counts.data ?? null).map((e) => (
        <Cell
          key={e.key}
          id={`desk-manage-${e.key}`}
          title={e.title}
          description={e.description}
          value={e.count ? <View className={`lzt-chip ${e.count.warn ? 'lzt-chip--warn' : 'lzt-chip--none'}`}>{e.count.text}</View> : undefined}
          onClick={() => void Taro.navigateTo({ url: e.url })}
        />
      ))}
    </CellGroup>
  );
}
