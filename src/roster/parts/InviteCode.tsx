import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PrimaryButton from '../../components/PrimaryButton';
import { formatDateTime } from '../../utils/beijingTime';
import '../roster.scss';

interface Props {
  code: string;
  expiresAt: number;
  /** Who receives it, e.g. "接替邻长 李四". */
  forWhom: string;
  id?: string;
}

/** An 8-digit binding code, shown large to read out or hand over; the person enters it in 我的. */
export default function InviteCode({ code, expiresAt, forWhom, id = 'invite-code' }: Props) {
  const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
  return (
    <View className='lzt-card invite' id={id}>
      <View className='lzt-sub'>请把绑定码交给{forWhom}</View>
      <View className='invite__code' data-code={code}>
        {spaced}
      </View>
      <View className='lzt-sub invite__hint'>
        对方打开邻长通，在“我的”里输入这 8 位数字，即可获得身份。只能使用一次，有效期至 {formatDateTime(expiresAt)}。
      </View>
      <View className='invite__actions'>
        <PrimaryButton kind='default' className='invite__copy' onClick={() => void Taro.setClipboardData({ data: code })}>
          复制绑定码
        </PrimaryButton>
      </View>
    </View>
  );
}
