import { View } from '@tarojs/components';
import './form.scss';

interface Props {
  id?: string;
  options: string[];
  value: string;
  onChange: (value: string) => void;
}

/** Big radio cells (WeUI radio list) instead of a picker: a 邻 serves only a few 楼栋单元. */
export default function ChoiceList({ id, options, value, onChange }: Props) {
  return (
    <View className='lzt-choices' id={id}>
      {options.map((o) => (
        <View
          key={o}
          className={`lzt-choice${o === value ? ' lzt-choice--on' : ''}`}
          hoverClass='lzt-choice--active'
          aria-role='radio'
          aria-checked={o === value}
          onClick={() => onChange(o)}
        >
          <View className='lzt-choice__text'>{o}</View>
          <View className='lzt-choice__mark'>{o === value ? '✓' : ''}</View>
        </View>
      ))}
    </View>
  );
}
