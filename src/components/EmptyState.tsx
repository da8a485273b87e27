import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

interface Props {
  id?: string;
  title: string;
  description?: string;
  /** Usually a PrimaryButton that leads out of the empty state. */
  action?: ReactNode;
}

export default function EmptyState({ id, title, description, action }: Props) {
  return (
    <View id={id} className='lzt-state lzt-empty'>
      <View className='lzt-state__icon lzt-state__icon--empty'>i</View>
      <View className='lzt-state__title'>{title}</View>
      {description ? <View className='lzt-state__desc'>{description}</View> : null}
      {action ? <View className='lzt-state__action'>{action}</View> : null}
    </View>
  );
}
