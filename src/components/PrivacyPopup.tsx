import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { answerPrivacy, isPrivacyPending, reportPrivacyShown, subscribePrivacy } from '../privacy/privacyBridge';
import PrimaryButton from './PrimaryButton';
import './ui.scss';

const AGREE_BUTTON_ID = 'privacy-agree';

/** What we collect and why; shown again in 我的 › 隐私说明. */
export const PRIVACY_ITEMS = [
  '门牌信息（楼栋、单元、门牌号）：把您与所在的邻长、组长、片长对应起来，方便他们联系和服务您。',
  '手机号（可选）：方便邻长在您反映问题后回电；不填也能使用全部功能。',
  '位置（可选）：反映问题时标注地点，方便上门处理；查看专属优惠时按距离排列。不授权也能手动填写、按默认顺序查看。',
];

function WeappPrivacyPopup() {
  const [open, setOpen] = useState(isPrivacyPending);
  useEffect(() => subscribePrivacy(setOpen), []);
  useEffect(() => {
    if (open) reportPrivacyShown();
  }, [open]);
  if (!open) return null;
  return (
    <View className='lzt-privacy' id='privacy-popup'>
      <View className='lzt-privacy__mask' />
      <View className='lzt-privacy__sheet'>
        <View className='lzt-privacy__title'>用户隐私保护指引</View>
        <View className='lzt-privacy__item'>为了给您提供邻里服务，邻长通会在您同意后使用：</View>
        {PRIVACY_ITEMS.map((item) => (
          <View key={item} className='lzt-privacy__item lzt-sub'>
            {item}
          </View>
        ))}
        <View className='lzt-privacy__actions'>
          <PrimaryButton kind='default' className='privacy-disagree' onClick={() => answerPrivacy({ event: 'disagree' })}>
            拒绝
          </PrimaryButton>
          <PrimaryButton
            id={AGREE_BUTTON_ID}
            className='privacy-agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy({ event: 'agree', buttonId: AGREE_BUTTON_ID })}
          >
            同意
          </PrimaryButton>
        </View>
      </View>
    </View>
  );
}

/** WeChat's privacy consent sheet; renders nothing outside the weapp build. */
export default function PrivacyPopup() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  return <WeappPrivacyPopup />;
}
