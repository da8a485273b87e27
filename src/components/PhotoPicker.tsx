// Up to `max` photos: thumbnails with a remove mark, and a big 添加照片 tile that uploads
// (weapp: into cloud storage's `folder`). Shared by every form that takes photos.
import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import { fileSrc } from '../api/fileSrc';
import { uploadPhotos } from '../api/photos';
import './photo-picker.scss';

interface Props {
  id: string;
  value: string[];
  onChange: (ids: string[]) => void;
  max: number;
  /** e.g. 添加照片 / 上传封面 */
  addLabel?: string;
  /** A hint only (see uploadPhotos): every upload is the uploader's until a function publishes its copy into pub/ (STORAGE_RULE in scripts/deploy/plan.ts). */
  folder?: string;
}

export default function PhotoPicker({ id, value, onChange, max, addLabel = '添加照片', folder = 'vote' }: Props) {
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
    <View id={id} className='photo-picker'>
      <View className='photo-picker__grid'>
        {value.map((f, i) => (
          <View key={f} className='photo-picker__item'>
            <Image className='photo-picker__img' src={fileSrc(f)} mode='aspectFill' />
            <View className='photo-picker__remove' aria-label={`删除第${i + 1}张照片`} onClick={() => onChange(value.filter((x) => x !== f))}>
              ✕
            </View>
          </View>
        ))}
        {left > 0 ? (
          <View className={`photo-picker__add${busy ? ' photo-picker__add--busy' : ''}`} hoverClass='photo-picker__add--active' onClick={() => void add()}>
            {busy ? <View className='lzt-spinner lzt-spinner--small' /> : <View className='photo-picker__plus'>+</View>}
            <View className='photo-picker__label'>{busy ? '正在上传…' : addLabel}</View>
          </View>
        ) : null}
      </View>
      {error ? (
        <View className='photo-picker__error lzt-form-error' aria-role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
