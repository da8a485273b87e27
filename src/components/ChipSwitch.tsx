// A row of chips to switch between a few places of one's own (a clerk's shops, a 邻长's 邻, a 管理员's 社区).
import { View } from '@tarojs/components';
import './ui.scss';

interface Props {
  /** The row is `${id}-switch`, each chip `${id}-${item.id}`. */
  id: string;
  items: { id: string; name: string }[];
  current: string;
  onPick: (id: string) => void;
}

/** Nothing when there is only one to choose. */
export default function ChipSwitch({ id, items, current, onPick }: Props) {
  if (items.length < 2) return null;
  return (
    <View className='lzt-chip-switch' id={`${id}-switch`}>
      {items.map((item) => (
        <View
          key={item.id}
          id={`${id}-${item.id}`}
          className={`lzt-chip lzt-chip-switch__item${item.id === current ? ' lzt-chip--done' : ' lzt-chip--none'}`}
          onClick={() => onPick(item.id)}
        >
          {item.name}
        </View>
      ))}
    </View>
  );
}
