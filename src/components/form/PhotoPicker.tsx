// Up to `max` photos: thumbnails with a remove mark, and a big 添加照片 tile that uploads
// through src/api/photos.ts (weapp: cloud storage under `folder`; H5: the local file store).
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { fileSrc } from '../../api/fileSrc';
import { uploadPhotos } from '../../api/photos';
import './photo-picker.scss';

interface Props {
  id: string;
  value: string[];
  onChange: (ids: string[]) => void;
  max: number;
  folder: string;
  addLabel?: string;
}

export default function PhotoPicker({ id, value, onChange, max, folder, addLabel = '添加照片' }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const left = max - value.length;

  async function add() {
    if (busy || left <= 0) return;
    setError('');
    setBusy(true);
    const reply = await uploadPhotos(left, folder);
    setBusy(false);
    if (!reply) return;
    if (!reply.ok) return setError(reply.error.message);
    onChange([...value, ...reply.data].slice(0, max));
  }

  return (
    <View id={id} className='lzt-photos'>
      <View className='lzt-photos__grid'>
        {value.map((f, i) => (
          <View key={f} className='lzt-photos__item'>
            <Image className='lzt-photos__img' src={fileSrc(f)} mode='aspectFill' />
            <View className='lzt-photos__remove' aria-label={`删除第${i + 1}张照片`} onClick={() => onChange(value.filter((x) => x !== f))}>
              ✕
            </View>
          </View>
        ))}
        {left > 0 ? (
          <View className={`lzt-photos__add${busy ? ' lzt-photos__add--busy' : ''}`} hoverClass='lzt-photos__add--active' onClick={() => void add()}>
            {busy ? <View className='lzt-spinner lzt-spinner--small' /> : <View className='lzt-photos__plus'>+</View>}
            <View className='lzt-photos__label'>{busy ? '正在上传…' : addLabel}</View>
          </View>
        ) : null}
      </View>
      <View className='lzt-photos__count lzt-sub'>
        已选 {value.length} / {max} 张
      </View>
      {error ? (
        <View className='lzt-photos__error lzt-form-error' aria-role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** Photos shown in a row (a timeline entry's, a problem's), each opens full size. */
export function PhotoRow({ ids, id }: { ids: string[]; id?: string }) {
  if (ids.length === 0) return null;
  const urls = ids.map(fileSrc);
  return (
    <View id={id} className='lzt-photos__grid lzt-photos__grid--small'>
      {urls.map((u, i) => (
        <Image
          key={ids[i]}
          className='lzt-photos__thumb'
          src={u}
          mode='aspectFill'
          onClick={() => void Taro.previewImage({ urls, current: u })}
        />
      ))}
    </View>
  );
}
