// Labelled input and text area in the WeUI form look, with a character count.
import { Input, Textarea, View } from '@tarojs/components';
import { PHONE_RE } from '../../../contracts/rules';
import '../../components/work.scss';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength: number;
}

export function TextField({ id, label, value, onChange, placeholder, maxLength, type }: FieldProps & { type?: 'text' | 'number' }) {
  return (
    <View className='lzt-field'>
      <View className='lzt-field__label'>{label}</View>
      <Input
        id={id}
        className='lzt-field__input'
        type={type ?? 'text'}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  );
}

export function TextAreaField({ id, label, value, onChange, placeholder, maxLength }: FieldProps) {
  return (
    <View className='lzt-field'>
      <View className='lzt-field__label'>{label}</View>
      <Textarea
        id={id}
        className='lzt-field__textarea'
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='lzt-field__count'>
        {value.length}/{maxLength}
      </View>
    </View>
  );
}

export function FormError({ id, message }: { id: string; message: string }) {
  if (!message) return null;
  return (
    <View className='lzt-form-error' id={id} aria-role='alert'>
      {message}
    </View>
  );
}

/** The first problem with a person's name and phone, in the words the server would use. */
export function checkPerson(name: string, phone: string): string {
  if (!name.trim()) return '请填写姓名';
  if (!PHONE_RE.test(phone.trim())) return '手机号应为11位数字';
  return '';
}
