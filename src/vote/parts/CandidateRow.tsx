// One candidate in a list: photo (or the first character of the name), 编号, name, 邻, votes.
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { fileSrc } from '../../api/fileSrc';
import { pageUrl } from '../../utils/pageUrl';

interface Props {
  id: string;
  no: number;
  name: string;
  unitName: string;
  photo?: string;
  votes: number | null;
  /** Shown before the photo (a rank on the leaderboard). */
  lead?: ReactNode;
  className?: string;
}

export function Portrait({ name, photo, big }: { name: string; photo?: string; big?: boolean }) {
  const cls = `vote-portrait${big ? ' vote-portrait--big' : ''}`;
  if (photo) return <Image className={`${cls} vote-portrait--photo`} src={fileSrc(photo)} mode='aspectFill' />;
  return <View className={cls}>{[...name][0] ?? '邻'}</View>;
}

export const openCandidate = (id: string) => void Taro.navigateTo({ url: pageUrl('vote/candidate', { id }) });

export default function CandidateRow({ id, no, name, unitName, photo, votes, lead, className }: Props) {
  return (
    <View id={`candidate-${id}`} className={`vote-row${className ? ' ' + className : ''}`} hoverClass='lzt-cell--active' onClick={() => openCandidate(id)}>
      {lead}
      <Portrait name={name} photo={photo} />
      <View className='vote-row__body'>
        <View className='vote-row__name'>
          <View className='vote-no'>{no}号</View>
          {name}
        </View>
        <View className='lzt-sub vote-row__unit'>{unitName}</View>
      </View>
      {votes !== null ? (
        <View className='vote-row__votes'>
          <View className='vote-row__count'>{votes}</View>
          <View className='lzt-sub'>票</View>
        </View>
      ) : null}
      <View className='lzt-cell__arrow' />
    </View>
  );
}
