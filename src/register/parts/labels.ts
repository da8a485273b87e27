// Copy for applications.
import { APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS } from '../../../contracts/labels';
import type { Output } from '../../api/client';

export type Application = Output<'register', 'mine'>['items'][number];
export type ApplyKind = 'self' | 'recommend';

export const KIND_LABEL: Record<Application['kind'], string> = APPLICATION_KIND_LABELS;

export const STATUS_LABEL: Record<Application['status'], string> = APPLICATION_STATUS_LABELS;

export const STORY_MAX = 500;

export const APPLY_COPY: Record<ApplyKind, { title: string; intro: string; storyLabel: string; storyHint: string; next: string[] }> = {
  self: {
    title: '我想当邻长',
    intro: '邻长是住在身边、热心为邻居服务的志愿者：见一次面、聊一次天、登记一次信息、发放一份告知书、收集一批问题，有事帮邻居找到人、办成事。',
    storyLabel: '自我介绍',
    storyHint: '例如：在这栋楼住了多少年、平时在家的时间、愿意为邻居做些什么',
    next: [
      '社区管理员会在几个工作日内审核，可能会先打电话和您聊一聊。',
      '审核通过后，您会被任命为这个邻的邻长，联系卡上会显示您的姓名和电话。',
      '审核结果在“我的 › 我的自荐与推荐”里查看，未通过会写明原因。',
    ],
  },
  recommend: {
    title: '推荐邻长',
    intro: '您身边有热心、可靠、常在家的邻居吗？推荐给社区，社区会先联系他本人，征得同意后再任命。',
    storyLabel: '推荐理由',
    storyHint: '例如：他/她平时怎样帮助邻居，为什么适合当邻长',
    next: [
      '社区管理员会联系被推荐人，征得本人同意后才会任命。',
      '审核结果在“我的 › 我的自荐与推荐”里查看，未通过会写明原因。',
    ],
  },
};
