import { Input, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './form.scss';

interface FieldProps {
  id: string;
  label: string;
  /** 选填 after the label. */
  optional?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled form row in WeUI style: label above, control below, a grey hint under it. */
export function Field({ id, label, optional, hint, children }: FieldProps) {
  return (
    <View className='lzt-field' id={id}>
      <View className='lzt-field__label'>
        {label}
        {optional ? <View className='lzt-field__optional'>（选填）</View> : null}
      </View>
      <View className='lzt-field__control'>{children}</View>
      {hint ? <View className='lzt-field__hint'>{hint}</View> : null}
    </View>
  );
}

interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  className?: string;
}

export function TextInput({ value, onChange, placeholder, type = 'text', maxlength, className }: TextInputProps) {
  return (
    <Input
      className={`lzt-input${className ? ' ' + className : ''}`}
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass='lzt-input__placeholder'
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength: number;
}

/** A multi-line box with a live 12/500 counter. */
export function TextArea({ value, onChange, placeholder, maxlength }: TextAreaProps) {
  return (
    <View className='lzt-textarea-wrap'>
      <Textarea
        className='lzt-textarea'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='lzt-input__placeholder'
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='lzt-textarea__count'>
        {value.length}/{maxlength}
      </View>
    </View>
  );
}

/** The message above a form's submit button: a validation problem or the server's error. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <View className='lzt-form-error' aria-role='alert'>
      {message}
    </View>
  );
}
