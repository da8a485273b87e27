// One nomination: kind, state (待审核 / 已入围 N号 / 未通过 with the reason), who, the story
// and its photos with their review state. Actions (管理员) go in as children.
import { Image, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { CANDIDATE_STATUS_LABELS, NOMINATION_KIND_LABELS } from '../../../contracts/vote-labels';
import type { Nomination } from '../types';
import { fileSrc } from '../../api/fileSrc';
import { cnDateTime } from '../../utils/beijingTime';

const STATUS_CHIP = { pending: 'partial', approved: 'done', rejected: 'warn' } as const;
const PHOTO_STATUS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

interface Props {
  n: Nomination;
  /** Shown above the photos: who nominated (管理员 view). */
  showNominator?: boolean;
  /** Photos the 管理员 has marked to reject (shown struck through), and a toggle. */
  rejectPhotos?: string[];
  onTogglePhoto?: (fileId: string) => void;
  children?: ReactNode;
}

export default function NominationCard({ n, showNominator, rejectPhotos, onTogglePhoto, children }: Props) {
  return (
    <View className={`lzt-card nomination nomination--${n.status}`} id={`nomination-${n.id}`}>
      <View className='nomination__head'>
        <View className='lzt-chip lzt-chip--none'>{NOMINATION_KIND_LABELS[n.kind]}</View>
        <View className={`lzt-chip lzt-chip--${STATUS_CHIP[n.status]} nomination__status`}>
          {n.status === 'approved' && n.no ? `已入围 · ${n.no}号` : CANDIDATE_STATUS_LABELS[n.status]}
        </View>
      </View>
      <View className='nomination__who'>{n.name}</View>
      <View className='lzt-sub'>邻长 · {n.unitName}</View>
      {showNominator && n.kind !== 'self' && n.nominatorName ? <View className='lzt-sub'>推荐人：{n.nominatorName}</View> : null}
      <View className='nomination__story'>{n.story}</View>
      {n.recommendation ? (
        <View className='nomination__recommendation' id={`nomination-recommendation-${n.id}`}>
          <View className='lzt-sub'>居民推荐{n.recommendation.nominatorName ? `（${n.recommendation.nominatorName}）` : ''}：</View>
          <View>{n.recommendation.story}</View>
        </View>
      ) : null}
      {n.photos.length > 0 ? (
        <View className='nomination__photos'>
          {n.photos.map((p) => {
            const struck = rejectPhotos?.includes(p.fileId);
            return (
              <View
                key={p.fileId}
                className={`nomination__photo${struck ? ' nomination__photo--struck' : ''}`}
                onClick={onTogglePhoto ? () => onTogglePhoto(p.fileId) : undefined}
              >
                <Image className='nomination__img' src={fileSrc(p.src)} mode='aspectFill' />
                <View className='nomination__photo-state'>{onTogglePhoto ? (struck ? '不通过' : '通过') : PHOTO_STATUS[p.status]}</View>
              </View>
            );
          })}
        </View>
      ) : null}
      {n.status === 'rejected' && n.reason ? <View className='nomination__reason'>原因：{n.reason}</View> : null}
      <View className='lzt-sub nomination__time'>
        提交于 {cnDateTime(n.createdAt)}
        {n.reviewedAt ? ` · 审核于 ${cnDateTime(n.reviewedAt)}` : ''}
      </View>
      {children}
    </View>
  );
}
