// H5 dev build only: stands for WeChat's own 手机号快速验证 sheet, which the local server has no
// way to show. The number typed here is what "WeChat" says this account holds; the local
// runtime reads the code it makes (server/runtime/local-ports.ts localPhones), once.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Field, TextInput } from '../components/form/Field';
import PrimaryButton from '../components/PrimaryButton';
import './sheet.scss';

interface Props {
  onCode: (code: string) => void;
  onCancel: () => void;
}

const nonce = () => Math.random().toString(36).slice(2, 12).padEnd(8, '0');

export default function DevPhoneSheet({ onCode, onCancel }: Props) {
  const [phone, setPhone] = useState('');
  const ok = /^1\d{10}$/.test(phone);
  return (
    <View className='lzt-sheet' id='dev-phone-sheet'>
      <View className='lzt-sheet__mask' onClick={onCancel} />
      <View className='lzt-sheet__panel'>
        <View className='lzt-sheet__title'>模拟微信手机号</View>
        <View className='lzt-sheet__text lzt-sub'>这是本地开发版：在微信里，这里是微信自己的“手机号快速验证”，号码由微信提供。</View>
        <Field id='dev-phone-number' label='这个微信号绑定的手机号'>
          <TextInput type='number' value={phone} onChange={setPhone} placeholder='11位手机号' maxlength={11} />
        </Field>
        <View className='lzt-sheet__actions'>
          <PrimaryButton id='dev-phone-allow' disabled={!ok} onClick={() => ok && onCode(`dev-phone:${phone}:${nonce()}`)}>
            允许使用这个号码
          </PrimaryButton>
          <PrimaryButton kind='default' id='dev-phone-cancel' onClick={onCancel}>
            取消
          </PrimaryButton>
        </View>
      </View>
    </View>
  );
}
