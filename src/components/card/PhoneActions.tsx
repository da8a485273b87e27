import { View } from '@tarojs/components';
import PrimaryButton from '../PrimaryButton';
import { copy, dial } from './phoneActions';
import './card.scss';

/** The two big buttons under a revealed number. */
export default function PhoneActions({ phone }: { phone: string }) {
  return (
    <View className='lzt-phone-actions'>
      <PrimaryButton className='lzt-phone-actions__call' onClick={() => dial(phone)}>
        拨打
      </PrimaryButton>
      <PrimaryButton kind='default' className='lzt-phone-actions__copy' onClick={() => copy(phone)}>
        复制
      </PrimaryButton>
    </View>
  );
}
