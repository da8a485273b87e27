import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import CallView from '../components/CallView';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { loadCard } from './loadCard';
import './index.scss';

/** `scene` arrives URL-encoded (wxacode.getUnlimited); its character set has no '%',
 *  so decoding an already-decoded value is harmless. */
function readScene(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default function ScanPage() {
  const scene = readScene(useRouter().params.scene);
  const card = useCall(() => loadCard(scene), [scene]);
  return (
    <PageShell name='scan'>
      <CallView state={card} loadingText='正在打开邻长联系卡…'>
        {(c) => (
          <View className='lzt-card scan-card'>
            <View className='lzt-title'>邻长联系卡</View>
            <View className='lzt-sub scan-card__label'>联系卡编号</View>
            <View className='scan-card__code' id='scan-unit-code'>
              {c.unitCode}
            </View>
            <View className='lzt-sub scan-card__label'>邻长的姓名和电话即将在这里显示，有事找邻长。</View>
          </View>
        )}
      </CallView>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='scan-go-home' kind='default' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          进入邻长通首页
        </PrimaryButton>
      </View>
    </PageShell>
  );
}
