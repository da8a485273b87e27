import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

interface CellGroupProps {
  title?: string;
  footer?: string;
  children: ReactNode;
  className?: string;
}

/** WeUI cells: a grey section title, white cells with hairline separators. */
export function CellGroup({ title, footer, children, className }: CellGroupProps) {
  return (
    <View className={className}>
      {title ? <View className='lzt-section-title'>{title}</View> : null}
      <View className='lzt-cells'>{children}</View>
      {footer ? <View className='lzt-section-foot'>{footer}</View> : null}
    </View>
  );
}

interface CellProps {
  title: ReactNode;
  description?: ReactNode;
  value?: ReactNode;
  /** Shows the arrow and tap feedback. */
  onClick?: () => void;
  id?: string;
  className?: string;
}

export function Cell({ title, description, value, onClick, id, className }: CellProps) {
  const link = Boolean(onClick);
  return (
    <View
      id={id}
      className={`lzt-cell${link ? ' lzt-cell--link' : ''}${className ? ' ' + className : ''}`}
      hoverClass={link ? 'lzt-cell--active' : 'none'}
      onClick={onClick}
    >
      <View className='lzt-cell__body'>
        <View className='lzt-cell__title'>{title}</View>
        {description ? <View className='lzt-cell__desc'>{description}</View> : null}
      </View>
      {value !== undefined && value !== null ? <View className='lzt-cell__value'>{value}</View> : null}
      {link ? <View className='lzt-cell__arrow' /> : null}
    </View>
  );
}
