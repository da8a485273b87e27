import { View } from '@tarojs/components';
import type { AppErrorBody } from '../../contracts';
import PrimaryButton from './PrimaryButton';
import './ui.scss';

interface Props {
  error: AppErrorBody;
  onRetry?: () => void;
}

/** Shows the envelope's own Chinese message; the code is kept for tests and support. */
export default function ErrorState({ error, onRetry }: Props) {
  return (
    <View className={`lzt-state lzt-error lzt-error--${error.code}`} aria-role='alert'>
      <View className='lzt-state__icon lzt-state__icon--error'>!</View>
      <View className='lzt-state__title lzt-error__message'>{error.message}</View>
      {onRetry ? (
        <View className='lzt-state__action'>
          <PrimaryButton className='lzt-error__retry' onClick={onRetry}>
            重试
          </PrimaryButton>
        </View>
      ) : null}
    </View>
  );
}
