import { Button } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

type Props = Omit<ButtonProps, 'type' | 'className'> & {
  children: ReactNode;
  /** primary: WeChat green; default: grey with green text; warn: grey with red text. */
  kind?: 'primary' | 'default' | 'warn';
  className?: string;
};

/** WeUI-style button with a large tap target (≥ 96 design px; ≥ 60 px in 长辈版, where it is a "main control"). */
export default function PrimaryButton({ children, kind = 'primary', className, disabled, ...rest }: Props) {
  const classes = ['lzt-btn', `lzt-btn--${kind}`, disabled ? 'lzt-btn--disabled' : '', className ?? ''];
  return (
    <Button
      {...rest}
      // H5 renders disabled={false} as a `disabled` attribute (greyed text): pass it only when true.
      disabled={disabled || undefined}
      hoverClass={disabled ? 'none' : 'lzt-btn--active'}
      className={classes.filter(Boolean).join(' ')}
    >
      {children}
    </Button>
  );
}
