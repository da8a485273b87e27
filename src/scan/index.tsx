import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import CallView from '../components/CallView';
import LeadCard from '../components/card/LeadCard';
import type { CardView } from '../components/card/types';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate } from '../dev/useSignInGate';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { loadCard } from './loadCard';
import ScanLinks from './ScanLinks';
import './index.scss';

function BindAction({ card }: { card: CardView }) {
  if (card.mine) {
    return (
      <View className='scan-bind scan-bind--mine' id='scan-bound-here'>
        您家已绑定在这个邻，有事直接拨打上面的邻长电话。
      </View>
    );
  }
  return (
    <View className='lzt-btn-wrap scan-bind'>
      <PrimaryButton id='scan-bind' className='scan-bind__btn' onClick={() => void Taro.navigateTo({ url: pageUrl('scan/bind', { unitId: card.unit.id }) })}>
        {card.lead ? '这是我的邻长' : '绑定我家到这个邻'}
      </PrimaryButton>
      <View className='scan-bind__note'>绑定后，您家会登记到邻长的居民信息账，上门走访、通知消息都不会漏掉您家。</View>
    </View>
  );
}

/** The scan landing: `scene` (URL-encoded by wxacode.getUnlimited) is the 邻's id. */
export default function ScanPage() {
  const unitId = decodeParam(useRouter().params.scene);
  const card = useCall(() => loadCard(unitId), [unitId]);
  const gate = useSignInGate();
  return (
    <PageShell name='scan'>
      <CallView state={card} loadingText='正在打开邻长联系卡…'>
        {(c) => (
          <>
            <LeadCard card={c} askSignIn={gate.ask} actions={<BindAction card={c} />} />
            <ScanLinks card={c} />
            <View className='scan-foot'>
              联系卡编号 <Text id='scan-unit-code'>{c.unit.id}</Text>
            </View>
          </>
        )}
      </CallView>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='scan-go-home' kind='default' onClick={() => void Taro.reLaunch({ url: pageUrl('pages/home/index') })}>
          进入邻长通首页
        </PrimaryButton>
      </View>
      {gate.sheet}
    </PageShell>
  );
}
