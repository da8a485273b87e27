// 优惠管理 (管理员): 商家 (partners, their perks, status, clerk codes), 核销员 (every partner's),
// 导入 (.xlsx with a row report), 统计 (redemptions per partner and month) — one tab each.
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import { ConsoleTabs, useTabParam, type ConsoleTab } from '../components/Tabs';
import type { PerkAdminTab } from './subpackage';
import ClerksPanel from './parts/ClerksPanel';
import ImportPanel from './parts/ImportPanel';
import PartnersPanel from './parts/PartnersPanel';
import StatsPanel from './parts/StatsPanel';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './styles/admin.scss';

const TABS: readonly (ConsoleTab<PerkAdminTab> & { Panel: ComponentType })[] = [
  { key: 'partners', label: '商家', title: '支持单位', Panel: PartnersPanel },
  { key: 'clerks', label: '核销员', title: '核销员', Panel: ClerksPanel },
  { key: 'import', label: '导入', title: '批量导入', Panel: ImportPanel },
  { key: 'stats', label: '统计', title: '核销统计', Panel: StatsPanel },
];

export default function PerkAdminPage() {
  const [tab, setTab] = useTabParam(TABS);
  const { Panel } = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <PageShell name='perk-admin'>
      <CellGroup>
        <Cell id='perk-admin-preview' title='三长看到的优惠列表' description='按类别、距离浏览，核对显示效果' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/index') })} />
      </CellGroup>
      <ConsoleTabs tabs={TABS} tab={tab} onChange={setTab} idPrefix='perk-admin-tab-' titleId='perk-admin-title' />
      <Panel key={tab} />
    </PageShell>
  );
}
