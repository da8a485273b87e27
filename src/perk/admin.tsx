// 优惠管理 (管理员): 商家 (partners, their perks, status, clerk codes), 核销员 (every partner's),
// 导入 (.xlsx with a row report), 统计 (redemptions per partner and month) — one tab each.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import ClerksPanel from './parts/ClerksPanel';
import ImportPanel from './parts/ImportPanel';
import PartnersPanel from './parts/PartnersPanel';
import StatsPanel from './parts/StatsPanel';
import type { PerkAdminTab } from './subpackage';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './styles/admin.scss';

const TABS = [
  { key: 'partners', label: '商家', title: '支持单位', Panel: PartnersPanel },
  { key: 'clerks', label: '核销员', title: '核销员', Panel: ClerksPanel },
  { key: 'import', label: '导入', title: '批量导入', Panel: ImportPanel },
  { key: 'stats', label: '统计', title: '核销统计', Panel: StatsPanel },
] as const satisfies readonly { key: PerkAdminTab; [k: string]: unknown }[];
type TabKey = (typeof TABS)[number]['key'];

export default function PerkAdminPage() {
  const { params } = useRouter();
  const initial = TABS.find((t) => t.key === params.tab)?.key ?? 'partners';
  const [tab, setTab] = useState<TabKey>(initial);
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  const { Panel } = current;
  return (
    <PageShell name='perk-admin'>
      <CellGroup>
        <Cell id='perk-admin-preview' title='三长看到的优惠列表' description='按类别、距离浏览，核对显示效果' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/index') })} />
      </CellGroup>
      <View className='lzt-tabs perk-admin-tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`perk-admin-tab-${t.key}`} className={`lzt-tabs__item${tab === t.key ? ' lzt-tabs__item--on' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      <View className='perk-admin-title' id='perk-admin-title'>
        {current.title}
      </View>
      <Panel key={tab} />
    </PageShell>
  );
}
