// Segmented tabs (全部 / 未走访, 审核 / 预警 / 作废 …) and the 管理员 consoles built on them: one
// tab bar, one selected state, one way a console opens on the tab its URL names (`?tab=`).
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import './tabs.scss';

export interface Tab<K extends string> {
  key: K;
  label: ReactNode;
}

interface TabsProps<K extends string> {
  items: readonly Tab<K>[];
  value: K;
  onChange: (key: K) => void;
  /** Each tab's element id is `${idPrefix}${key}`. */
  idPrefix: string;
  id?: string;
  className?: string;
}

/** A row of tabs; they wrap to a second row rather than clip when the labels do not fit (长辈版, 320 px). */
export default function Tabs<K extends string>({ items, value, onChange, idPrefix, id, className }: TabsProps<K>) {
  return (
    <View className={`lzt-tabs${className ? ` ${className}` : ''}`} id={id} aria-role='tablist'>
      {items.map((t) => (
        <View
          key={t.key}
          id={`${idPrefix}${t.key}`}
          className={`lzt-tabs__item${t.key === value ? ' lzt-tabs__item--on' : ''}`}
          aria-role='tab'
          aria-selected={t.key === value}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}

/** The tab a console opens on: the page's `?tab=` when it names one of `tabs`, else the first. */
export function useTabParam<K extends string>(tabs: readonly Tab<K>[]): [K, (key: K) => void] {
  const { params } = useRouter();
  return useState<K>(tabs.find((t) => t.key === params.tab)?.key ?? tabs[0].key);
}

export interface ConsoleTab<K extends string> extends Tab<K> {
  /** The heading of the tab's section. */
  title: string;
}

interface ConsoleTabsProps<K extends string> {
  tabs: readonly ConsoleTab<K>[];
  tab: K;
  onChange: (key: K) => void;
  /** Each tab is `${idPrefix}${key}`. */
  idPrefix: string;
  /** The section heading's element id. */
  titleId: string;
}

/** A 管理员 console's tab bar and the heading of the open tab's section. */
export function ConsoleTabs<K extends string>({ tabs, tab, onChange, idPrefix, titleId }: ConsoleTabsProps<K>) {
  const current = tabs.find((t) => t.key === tab) ?? tabs[0];
  return (
    <>
      <Tabs items={tabs} value={tab} onChange={onChange} idPrefix={idPrefix} />
      <View className='lzt-console__title' id={titleId}>
        {current.title}
      </View>
    </>
  );
}
