import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '../../../contracts/roles';
import { fetchWhoami, roleLabel, workRoles, type WhoAmI } from '../../api/whoami';
import CallView from '../../components/CallView';
import { Cell, CellGroup } from '../../components/Cell';
import PageShell from '../../components/PageShell';
import PrimaryButton from '../../components/PrimaryButton';
import PerkEntries from './PerkEntries';
import CampaignBanner from './CampaignBanner';
import MinqingEntries from './MinqingEntries';
import NoticeSection from './NoticeSection';
import { useCall } from '../../hooks/useCall';
import { scanLeadCard } from '../../utils/scanCard';
import ElderEntry from '../../settings/ElderEntry';
import { pageUrl } from '../../utils/pageUrl';
import './index.scss';

const openCardTab = () => void Taro.switchTab({ url: pageUrl('pages/card/index') });

function Greeting({ me }: { me: WhoAmI }) {
  return (
    <View className='lzt-card home-hello'>
      <View className='lzt-title' id='home-greeting'>
        {me.user?.name ? `${me.user.name}，您好` : '您好，欢迎使用邻长通'}
      </View>
      <View className='lzt-sub home-hello__sub'>有事找邻长，邻里事早知道、早解决</View>
      <ElderEntry />
    </View>
  );
}

function MyHousehold({ me }: { me: WhoAmI }) {
  if (!me.household) {
    return (
      <CellGroup title='我的邻长'>
        <Cell id='home-my-lead' title='还没有绑定住户' description='扫描邻长联系卡，找到您的邻长' onClick={openCardTab} />
      </CellGroup>
    );
  }
  return (
    <CellGroup title='我的住户'>
      <Cell id='home-household' title={me.household.address} />
      <Cell id='home-my-lead' title='我的邻长' description='查看邻长联系卡，一键联系' onClick={openCardTab} />
    </CellGroup>
  );
}

const go = (url: string) => () => void Taro.navigateTo({ url });

/** Work entries by role; 组织体系图 for every signed-in user. */
function MyWork({ me }: { me: WhoAmI }) {
  if (!me.signedIn) return null;
  const roles = workRoles(me.roles);
  const grants = me.grants.filter((g) => roles.includes(g.role));
  const has = (...rs: Role[]) => rs.some((r) => roles.includes(r));
  const tree = <Cell id='home-work-tree' title='组织体系图' description='社区的片、组、邻和三长，可按楼栋查找' onClick={go(pageUrl('roster/tree'))} />;
  if (roles.length === 0) {
    return (
      <CellGroup title='我的社区' className='home-community'>
        {tree}
      </CellGroup>
    );
  }
  return (
    <CellGroup title='我的工作' className='home-work'>
      <Cell id='home-work-roles' title='我的身份' value={roles.map(roleLabel).join('、')} />
      {grants.map((g) => (
        <Cell
          key={`${g.role}:${g.nodeId}`}
          id={`home-work-grant-${g.nodeId}`}
          className='home-work-grant'
          title={g.nodeName}
          value={roleLabel(g.role)}
          // A 邻长's 邻 opens its 居民信息账 (one may lead two).
          onClick={g.role === 'neighbourLead' ? go(pageUrl('ledger/index', { unitId: g.nodeId })) : undefined}
        />
      ))}
      {has('neighbourLead') ? (
        <Cell id='home-work-ledger' title='居民信息账' description='本邻住户与“五个一”走访' onClick={go(pageUrl('ledger/index'))} />
      ) : null}
      {has('groupLead', 'areaLead', 'admin') ? (
        <Cell id='home-work-summary' title='下级汇总' description='各组、各邻的住户、绑定和走访情况' onClick={go(pageUrl('ledger/summary'))} />
      ) : null}
      {has('admin', 'areaLead') ? (
        <Cell id='home-work-desk' title='工作台' description='覆盖率、三长在岗、走访、民情办理与满意率，月调度报表' onClick={go(pageUrl('desk/index'))} />
      ) : null}
      {has('admin') ? (
        <Cell id='home-work-admin' title='社区管理' description='名册导入、联系卡、动态调整、审核、民情设置' onClick={go(pageUrl('roster/admin'))} />
      ) : null}
      {has('admin') ? (
        <Cell id='home-work-audit' title='操作记录' description='删除、替换、交办、授权、作废等操作，谁在何时做的' onClick={go(pageUrl('audit/index'))} />
      ) : null}
      <PerkEntries me={me} />
      {tree}
    </CellGroup>
  );
}

function AboutSystem() {
  return (
    <CellGroup title='什么是“三长制”' className='home-about'>
      <Cell title='片长 — 组长 — 邻长' description='社区划成片，片下分组，每十几户有一位邻长，就住在您身边。' />
      <Cell title='有事找邻长' description='家里有难处、邻里有矛盾、小区有问题，先找邻长。' />
      <Cell
        title='三事分流'
        description='私事，邻长帮您解决；小事，片长提交村社民情恳谈会商量解决；大事，部门协商、党委研究解决。'
      />
    </CellGroup>
  );
}

export default function HomePage() {
  const who = useCall(fetchWhoami, [], { refreshOnShow: true });
  return (
    <PageShell name='home'>
      <CallView state={who}>
        {(me) => (
          <>
            <Greeting me={me} />
            {process.env.TARO_ENV === 'weapp' ? (
              <View className='lzt-btn-wrap'>
                <PrimaryButton id='home-scan' onClick={() => void scanLeadCard()}>
                  扫一扫邻长联系卡
                </PrimaryButton>
              </View>
            ) : null}
            <CampaignBanner me={me} />
            {me.signedIn ? <NoticeSection me={me} /> : null}
            <MinqingEntries me={me} />
            <MyHousehold me={me} />
            <MyWork me={me} />
            <AboutSystem />
          </>
        )}
      </CallView>
    </PageShell>
  );
}
