import { View } from '@tarojs/components';
import './form.scss';

interface Props {
  id?: string;
  value: number;
  min: number;
  max: number;
  unit?: string;
  onChange: (value: number) => void;
}

/** − 3 人 + with big round buttons; the ends are greyed out. */
export default function Stepper({ id, value, min, max, unit, onChange }: Props) {
  const canDown = value > min;
  const canUp = value < max;
  return (
    <View className='lzt-stepper' id={id}>
      <View
        className={`lzt-stepper__btn lzt-stepper__minus${canDown ? '' : ' lzt-stepper__btn--off'}`}
        hoverClass={canDown ? 'lzt-stepper__btn--active' : 'none'}
        aria-label='减少'
        onClick={() => canDown && onChange(value - 1)}
      >
        −
      </View>
      <View className='lzt-stepper__value'>
        {value}
        {unit ? <View className='lzt-stepper__unit'>{unit}</View> : null}
      </View>
      <View
        className={`lzt-stepper__btn lzt-stepper__plus${canUp ? '' : ' lzt-stepper__btn--off'}`}
        hoverClass={canUp ? 'lzt-stepper__btn--active' : 'none'}
        aria-label='增加'
        onClick={() => canUp && onChange(value + 1)}
      >
        +
      </View>
    </View>
  );
}
