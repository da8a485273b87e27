// Stored photos in a row of thumbnails (a report's, a timeline step's); a tap opens them full size.
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fileSrc } from '../api/fileSrc';
import './photo-row.scss';

export default function PhotoRow({ ids, id }: { ids: string[]; id?: string }) {
  if (ids.length === 0) return null;
  const urls = ids.map(fileSrc);
  return (
    <View id={id} className='lzt-photo-row'>
      {urls.map((u, i) => (
        <Image key={ids[i]} className='lzt-photo-row__img' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: u })} />
      ))}
    </View>
  );
}
