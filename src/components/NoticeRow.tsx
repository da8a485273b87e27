// One notice in a list (首页 and 通知公告): 置顶, the title (bold while unread), an excerpt, and
// who published it to which scope, when. Types only from contracts: it sits in the main package.
import { View } from '@tarojs/components';
import type { Output } from '../api/client';
import { cnDate } from '../utils/beijingDay';
import './notice-row.scss';

export type NoticeItem = Output<'notice', 'feed'>['items'][number];

interface Props {
  n: NoticeItem;
  onOpen: (n: NoticeItem) => void;
}

export default function NoticeRow({ n, onOpen }: Props) {
  return (
    <View
      id={`notice-row-${n.id}`}
      className={`notice-row${n.read ? ' notice-row--read' : ''}`}
      hoverClass='notice-row--active'
      onClick={() => onOpen(n)}
    >
      <View className='notice-row__head'>
        {n.pinned ? <View className='notice-row__pin'>置顶</View> : null}
        {!n.read ? <View className='notice-row__dot' aria-label='未读' /> : null}
        <View className='notice-row__title'>{n.title}</View>
      </View>
      <View className='notice-row__excerpt'>{n.excerpt}</View>
      <View className='notice-row__meta'>
        {n.publisher.name} · {n.scope.name} · {cnDate(n.publishedAt)}
        {n.imageCount > 0 ? ` · ${n.imageCount}张图片` : ''}
      </View>
    </View>
  );
}
