import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './form.scss';

interface Props {
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** A large tappable checkbox line (the whole row toggles), unchecked unless the person ticks it. */
export default function CheckRow({ id, checked, onChange, children }: Props) {
  return (
    <View
      id={id}
      className={`lzt-check${checked ? ' lzt-check--on' : ''}`}
      aria-role='checkbox'
      aria-checked={checked}
      onClick={() => onChange(!checked)}
    >
      <View className='lzt-check__box'>{checked ? '✓' : ''}</View>
      <View className='lzt-check__text'>{children}</View>
    </View>
  );
}
