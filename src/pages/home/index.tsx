import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fetchWhoami, roleLabel, workRoles, type WhoAmI } from '../../account/whoami';
import CallView from '../../components/CallView';
import { Cell, CellGroup } from '../../components/Cell';
import PageShell from '../../components/PageShell';
import PrimaryButton from '../../components/PrimaryButton';
import { useCall } from '../../hooks/useCall';
import { scanLeadCard } from '../../utils/scanCard';
import './index.scss';

const openCardTab = () => void Taro.switchTab({ url: '/pages/card/index' });

function Greeting({ me }: { me: WhoAmI }) {
  return (
    <View className='lzt-card home-hello'>
      <View className='lzt-title' id='home-greeting'>
        {me.user ? `${me.user.name}，您好` : '您好，欢迎使用邻长通'}
      </View>
      <View className='lzt-sub home-hello__sub'>有事找邻长，邻里事早知道、早解决</View>
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

function MyWork({ me }: { me: WhoAmI }) {
  const roles = workRoles(me.roles);
  if (roles.length === 0) return null;
  const grants = me.grants.filter((g) => roles.includes(g.role));
  return (
    <CellGroup title='我的工作' footer='各项工作入口将陆续在这里开放。' className='home-work'>
      <Cell id='home-work-roles' title='我的身份' value={roles.map(roleLabel).join('、')} />
      {grants.map((g) => (
        <Cell key={`${g.role}:${g.nodeId}`} className='home-work-grant' title={g.nodeName} value={roleLabel(g.role)} />
      ))}
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
            <MyHousehold me={me} />
            <MyWork me={me} />
            <AboutSystem />
          </>
        )}
      </CallView>
    </PageShell>
  );
}
