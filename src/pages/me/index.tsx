import { Image, Switch, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fetchWhoami, roleLabel, type WhoAmI } from '../../api/whoami';
import { fileSrc } from '../../api/fileSrc';
import CallView from '../../components/CallView';
import { Cell, CellGroup } from '../../components/Cell';
import PageShell from '../../components/PageShell';
import { PRIVACY_ITEMS } from '../../components/PrivacyPopup';
import DevSignIn from '../../dev/DevSignIn';
import { useCall } from '../../hooks/useCall';
import { setLargeText, useLargeText } from '../../settings/largeText';
import { PerkMineEntry } from '../home/PerkEntries';
import MinqingMine from './MinqingMine';
import { pageUrl } from '../../utils/pageUrl';
import '../../components/card/card.scss';
import './index.scss';

function Profile({ me }: { me: WhoAmI }) {
  // A resident who only bound a door has no name on record.
  const name = me.user?.name || undefined;
  return (
    <>
      <View className='lzt-card me-profile'>
        {me.user?.avatar ? (
          <Image className='me-profile__avatar me-profile__avatar--photo' src={fileSrc(me.user.avatar)} mode='aspectFill' />
        ) : (
          <View className={`me-profile__avatar${name ? '' : ' me-profile__avatar--guest'}`}>{name ? name.slice(0, 1) : me.signedIn ? '我' : '访'}</View>
        )}
        <View className='me-profile__body'>
          <View className='lzt-title' id='whoami-name'>
            {name ?? (me.signedIn ? '微信用户' : '未登录')}
          </View>
          <View id='whoami-roles'>
            {me.roles.map((r) => (
              <View key={r} className={`lzt-tag role-tag role-tag--${r}`}>
                {roleLabel(r)}
              </View>
            ))}
          </View>
          {me.user?.honours.length ? (
            <View id='whoami-honours' className='me-profile__honours'>
              {me.user.honours.map((h) => (
                <View key={`${h.title}-${h.at}`} className='lzt-honour'>
                  {h.title}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      </View>
      <CellGroup title='我的住户'>
        <Cell id='me-household' title={me.household ? me.household.address : '还没有绑定住户'} />
      </CellGroup>
    </>
  );
}

const open = (url: string) => () => void Taro.navigateTo({ url });

/** The resident's own records and the way in for a 三长 or 核销员 with a binding code. */
function MyRecords() {
  return (
    <CellGroup title='我的信息与身份' className='me-records'>
      <Cell id='me-open-household' title='我家登记的信息' description='查看、修改或删除我家的登记' onClick={open(pageUrl('account/household'))} />
      <Cell id='me-open-mydata' title='我的信息' description='查看、导出我的全部信息，或注销账号' onClick={open(pageUrl('account/mydata'))} />
      <Cell id='me-open-claim' title='输入绑定码（三长/核销员）' description='社区管理员给您的8位数字' onClick={open(pageUrl('account/claim'))} />
      <Cell id='me-open-applications' title='我的自荐与推荐' description='报名当邻长、推荐邻长的审核结果' onClick={open(pageUrl('register/mine'))} />
    </CellGroup>
  );
}

function LargeTextSetting() {
  const large = useLargeText();
  return (
    <CellGroup title='阅读设置' footer='开启后，所有页面的文字和按钮都会变大，看得更清楚。微信里把字体调大后会自动开启，也可以在这里关掉。'>
      <Cell
        title='长辈版（大字）'
        value={
          <Switch
            id='large-text-switch'
            className='me-large-switch'
            checked={large}
            color='#06703a'
            onChange={(e) => setLargeText(e.detail.value)}
          />
        }
      />
    </CellGroup>
  );
}

function PrivacyNotice() {
  return (
    <CellGroup title='隐私说明' footer='我们只在服务您需要时使用这些信息，电话和门牌只给您的邻长、组长、片长等需要的人看到。' className='me-privacy'>
      {PRIVACY_ITEMS.map((item) => (
        <Cell key={item} title={item} />
      ))}
    </CellGroup>
  );
}

export default function MePage() {
  const who = useCall(fetchWhoami, [], { refreshOnShow: true });
  return (
    <PageShell name='me'>
      <CallView state={who}>{(me) => <Profile me={me} />}</CallView>
      <MinqingMine signedIn={who.data?.signedIn} />
      <MyRecords />
      <PerkMineEntry roles={who.data?.roles} />
      <LargeTextSetting />
      <PrivacyNotice />
      {process.env.TARO_ENV === 'h5' ? <DevSignIn signedIn={who.data?.signedIn} onChange={() => void who.reload()} /> : null}
    </PageShell>
  );
}
