// A problem's timeline, oldest first: what happened, who (name and role), when, the note and photos.
import { View } from '@tarojs/components';
import {
  ESCALATION_TARGET_LABELS,
  HANDLER_LEVEL_LABELS,
  PROBLEM_CLASS_LABELS,
  RATING_LABELS,
  TIMELINE_KIND_LABELS,
} from '../../../contracts/minqing-labels';
import PhotoRow from '../../components/PhotoRow';
import type { TimelineEntry } from '../types';
import { formatDateTime } from './labels';
import '../minqing.scss';

const WARN_KINDS: TimelineEntry['kind'][] = ['overdue', 'urged', 'reopened'];

/** 分类：小事 / 转交办理：片长 王五 / 居民评价：2星 不满意 */
function what(e: TimelineEntry): string {
  const base = TIMELINE_KIND_LABELS[e.kind];
  if (e.class && (e.kind === 'classified' || e.kind === 'reclassified')) return `${base}：${PROBLEM_CLASS_LABELS[e.class]}`;
  if (e.stars) return `${base}：${e.stars}星 ${RATING_LABELS[e.stars] ?? ''}`.trim();
  if (e.to) {
    const level = e.kind === 'escalated' && (e.to.level === 'street' || e.to.level === 'district') ? ESCALATION_TARGET_LABELS[e.to.level] : HANDLER_LEVEL_LABELS[e.to.level];
    return `${base}：${level}${e.to.name && e.to.name !== level ? ` ${e.to.name}` : ''}`;
  }
  return base;
}

export default function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className='mq-timeline' id='problem-timeline'>
      {entries.map((e, i) => (
        <View
          key={e.id}
          id={`step-${e.id}`}
          className={`mq-step mq-step--${e.kind}${i === entries.length - 1 ? ' mq-step--latest' : ''}${WARN_KINDS.includes(e.kind) ? ' mq-step--warn' : ''}`}
        >
          <View className='mq-step__dot' />
          <View className='mq-step__what'>{what(e)}</View>
          <View className='lzt-sub mq-step__who'>
            {e.by.name}
            {e.by.roleLabel && e.by.roleLabel !== e.by.name ? `（${e.by.roleLabel}）` : ''} · {formatDateTime(e.at)}
          </View>
          {e.note ? <View className='mq-step__note'>{e.note}</View> : null}
          <PhotoRow ids={e.photos} />
        </View>
      ))}
    </View>
  );
}
