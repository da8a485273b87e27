// The search box of a 管理员's list: what is typed goes to the function after a short pause (or
// on 搜索 on the keyboard), which filters server-side; 清除 empties it. Up to 20 characters.
import { Input, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import './work.scss';
import './search-box.scss';

interface Props {
  id: string;
  placeholder: string;
  /** The trimmed text ('' for none), once typing pauses. */
  onSearch: (q: string) => void;
}

const PAUSE_MS = 400;

export default function SearchBox({ id, placeholder, onSearch }: Props) {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sent = useRef('');
  useEffect(() => () => clearTimeout(timer.current), []);
  const send = (value: string) => {
    clearTimeout(timer.current);
    const q = value.trim();
    if (q === sent.current) return;
    sent.current = q;
    onSearch(q);
  };
  return (
    <View className='lzt-search' aria-role='search'>
      <View className='lzt-search__icon' />
      <Input
        id={id}
        className='lzt-search__input'
        value={text}
        placeholder={placeholder}
        confirmType='search'
        maxlength={20}
        onInput={(e) => {
          const value = e.detail.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(value), PAUSE_MS);
        }}
        onConfirm={(e) => send(e.detail.value)}
      />
      {text ? (
        <View
          id={`${id}-clear`}
          className='lzt-search__clear'
          hoverClass='lzt-search__clear--active'
          onClick={() => {
            setText('');
            send('');
          }}
        >
          清除
        </View>
      ) : null}
    </View>
  );
}
