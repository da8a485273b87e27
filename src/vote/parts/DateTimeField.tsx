// A Beijing date and time as two big picker buttons (WeChat's own date and time wheels).
import { Picker, View } from '@tarojs/components';
import { formatDate, formatTime, fromPickers } from '../../utils/beijingTime';

interface Props {
  id: string;
  value: number;
  onChange: (ms: number) => void;
  disabled?: boolean;
}

export default function DateTimeField({ id, value, onChange, disabled }: Props) {
  const date = formatDate(value);
  const time = formatTime(value);
  if (disabled) {
    return (
      <View className='vote-datetime vote-datetime--off' id={id}>
        <View className='vote-datetime__part'>{date}</View>
        <View className='vote-datetime__part'>{time}</View>
      </View>
    );
  }
  return (
    <View className='vote-datetime' id={id}>
      <Picker mode='date' value={date} onChange={(e) => onChange(fromPickers(String(e.detail.value), time))}>
        <View className='vote-datetime__part vote-datetime__date' hoverClass='vote-datetime__part--active'>
          {date}
        </View>
      </Picker>
      <Picker mode='time' value={time} onChange={(e) => onChange(fromPickers(date, String(e.detail.value)))}>
        <View className='vote-datetime__part vote-datetime__time' hoverClass='vote-datetime__part--active'>
          {time}
        </View>
      </Picker>
    </View>
  );
}
