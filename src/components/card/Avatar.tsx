import { Image, View } from '@tarojs/components';
import { fileSrc } from '../../api/fileSrc';
import './card.scss';

interface Props {
  name: string | null;
  photo?: string;
}

/** The 邻长's photo, or the first character of the name on WeChat green; grey 缺 when vacant. */
export default function Avatar({ name, photo }: Props) {
  if (photo) return <Image className='lzt-avatar lzt-avatar--photo' src={fileSrc(photo)} mode='aspectFill' />;
  return <View className={`lzt-avatar${name ? '' : ' lzt-avatar--vacant'}`}>{name ? [...name][0] : '缺'}</View>;
}
