import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppErrorBody } from '../../contracts';
import ErrorState from './ErrorState';
import PageShell from './PageShell';
import PrimaryButton from './PrimaryButton';
import { pageUrl } from '../utils/pageUrl';
import './work.scss';

/** Errors a retry cannot fix: refused, not found, not signed in. */
export const isFinalError = (error: AppErrorBody | null): error is AppErrorBody =>
  !!error && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'INVALID_INPUT'].includes(error.code);

function back() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: pageUrl('pages/home/index') });
}

/** The error's own message and a way back, instead of a 重试 that cannot help. */
export default function BlockedState({ error }: { error: AppErrorBody }) {
  return (
    <>
      <ErrorState error={error} />
      <View className='lzt-btn-wrap lzt-blocked'>
        <PrimaryButton kind='default' className='lzt-blocked__back' onClick={back}>
          返回
        </PrimaryButton>
      </View>
    </>
  );
}

/** A whole page that cannot show anything else: the page's shell around BlockedState. */
export function BlockedPage({ name, error }: { name: string; error: AppErrorBody }) {
  return (
    <PageShell name={name}>
      <BlockedState error={error} />
    </PageShell>
  );
}
