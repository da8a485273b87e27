// The current lead's photo, for the 管理员 to upload, change or remove. Residents see it on the
// 联系卡 by their door; the clerk checks it on the lead's 优惠码.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { uploadPhotos } from '../../api/photos';
import Avatar from '../../components/card/Avatar';
import PrimaryButton from '../../components/PrimaryButton';
import { FormError } from './Fields';

interface Props {
  nodeId: string;
  name: string;
  photo?: string;
  onDone: () => void;
}

export default function LeadPhoto({ nodeId, name, photo, onDone }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function save(fileId: string | null) {
    const reply = await call('roster', 'setPhoto', { nodeId, fileId });
    if (!reply.ok) return setError(reply.error.message);
    void Taro.showToast({ title: fileId ? '照片已更新' : '照片已删除', icon: 'success' });
    onDone();
  }

  async function upload() {
    if (busy) return;
    setError('');
    setBusy(true);
    const picked = await uploadPhotos(1, 'pub/leads');
    if (picked && !picked.ok) setError(picked.error.message);
    else if (picked?.ok && picked.data[0]) await save(picked.data[0]);
    setBusy(false);
  }

  async function remove() {
    const answer = await Taro.showModal({ title: '删除照片', content: `删除${name}的照片？联系卡和优惠码上将只显示姓名。`, confirmText: '删除', confirmColor: '#b71c1c' });
    if (!answer.confirm || busy) return;
    setError('');
    setBusy(true);
    await save(null);
    setBusy(false);
  }

  return (
    <View className='lzt-card lead-photo' id='lead-photo'>
      <View className='lead-photo__row'>
        <Avatar name={name} photo={photo} />
        <View className='lzt-sub lead-photo__note'>{photo ? '联系卡和优惠码上显示这张照片，供居民和商家辨认。' : '还没有照片：联系卡和优惠码上只显示姓名。请上传本人近期正面照。'}</View>
      </View>
      <FormError id='lead-photo-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='lead-photo-upload' kind='default' loading={busy || undefined} disabled={busy} onClick={() => void upload()}>
          {busy ? '正在上传…' : photo ? '更换照片' : '上传照片'}
        </PrimaryButton>
        {photo && !busy ? (
          <PrimaryButton id='lead-photo-remove' kind='warn' onClick={() => void remove()}>
            删除照片
          </PrimaryButton>
        ) : null}
      </View>
    </View>
  );
}
