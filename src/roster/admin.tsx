// 社区管理 console (管理员): 名册导入, 名册, 打印联系卡, 动态调整, 待审核, 组织指定 — one tab each;
// 组织体系图 and 民情设置 (minqing subpackage) above them.
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import { ConsoleTabs, useTabParam, type ConsoleTab } from '../components/Tabs';
import type { RosterAdminTab } from './subpackage';
import AppointSection from './parts/AppointSection';
import CardsSection from './parts/CardsSection';
import ImportSection from './parts/ImportSection';
import InactiveSection from './parts/InactiveSection';
import ReviewSection from './parts/ReviewSection';
import RosterSection from './parts/RosterSection';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './roster.scss';

const TABS: readonly (ConsoleTab<RosterAdminTab> & { Section: ComponentType })[] = [
  { key: 'import', label: '导入', title: '名册导入', Section: ImportSection },
  { key: 'roster', label: '名册', title: '三长名册', Section: RosterSection },
  { key: 'cards', label: '联系卡', title: '打印联系卡', Section: CardsSection },
  { key: 'adjust', label: '调整', title: '动态调整', Section: InactiveSection },
  { key: 'review', label: '审核', title: '待审核', Section: ReviewSection },
  { key: 'appoint', label: '指定', title: '组织指定', Section: AppointSection },
];

export default function AdminPage() {
  const [tab, setTab] = useTabParam(TABS);
  const { Section } = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <PageShell name='roster-admin'>
      <CellGroup>
        <Cell id='admin-tree' title='组织体系图' description='查看、搜索全社区的片、组、邻' onClick={() => void Taro.navigateTo({ url: pageUrl('roster/tree', { manage: '1' }) })} />
        <Cell id='admin-minqing-settings' title='民情设置' description='居民反映问题的类别、各类问题的办理时限' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/settings') })} />
        <Cell id='admin-minqing-departments' title='部门账号' description='交办大事的部门：给工作人员发绑定码，解除调走的人员' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/departments') })} />
      </CellGroup>
      <ConsoleTabs tabs={TABS} tab={tab} onChange={setTab} idPrefix='admin-tab-' titleId='admin-section-title' />
      <Section key={tab} />
    </PageShell>
  );
}
