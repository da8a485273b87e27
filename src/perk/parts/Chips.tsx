// Big selectable options in a wrapping row (one of a few): 类别, 限用周期, 上架/下架.
import { View } from '@tarojs/components';

interface Props<T extends string> {
  id: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
}

export default function Chips<T extends string>({ id, options, value, onChange }: Props<T>) {
  return (
    <View className='perk-chips' id={id}>
      {options.map((o) => (
        <View
          key={o.value}
          id={`${id}-${o.value}`}
          className={`perk-chips__item${o.value === value ? ' perk-chips__item--on' : ''}`}
          hoverClass='perk-chips__item--active'
          aria-role='radio'
          aria-checked={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
