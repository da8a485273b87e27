import type { Output } from '../../api/client';

export type MyHousehold = NonNullable<Output<'household', 'mine'>['household']>;
export type Visit = MyHousehold['visits'][number];

/** 五个一, in the order the 邻长 does them. */
export const VISIT_ITEMS: { key: keyof Visit['items']; label: string }[] = [
  { key: 'met', label: '见一次面' },
  { key: 'chatted', label: '聊一次天' },
  { key: 'registered', label: '登记一次信息' },
  { key: 'noticeGiven', label: '发放一份告知书' },
  { key: 'problemsCollected', label: '收集一批问题' },
];
