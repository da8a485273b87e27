// 转发 in the mini program (useShareAppMessage, with enableShareAppMessage in the page
// config). H5 has no share sheet: the hook is compiled out there (TARO_ENV is a build
// constant, so each build calls the same hooks on every render).
import { useShareAppMessage } from '@tarojs/taro';
import { useRef } from 'react';
import { pageUrl } from '../../utils/pageUrl';

export interface ShareContent {
  title: string;
  path: string;
  imageUrl?: string;
}

function useWeappShare(content: ShareContent | null): void {
  const latest = useRef(content);
  latest.current = content;
  useShareAppMessage(() => latest.current ?? { title: '最美邻长评选', path: pageUrl('pages/home/index') });
}

export const useShare: (content: ShareContent | null) => void = process.env.TARO_ENV === 'weapp' ? useWeappShare : () => undefined;

/** Share images WeChat can load: http(s) only (not cloud:// ids nor the dev server's files). */
export const shareImage = (fileId?: string) => (fileId && /^https?:\/\//.test(fileId) ? fileId : undefined);
