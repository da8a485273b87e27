// Pick a node of the 社区 (a 片 or 组 for cards, a 邻 for 组织指定): roster.nodes of those levels,
// paged, searched server-side by name, 三长, the last 4 of a phone or 楼栋.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { LEVEL_LABELS } from '../../../contracts/roles';
import { call, type Output } from '../../api/client';
import PagedList from '../../components/PagedList';
import SearchBox from '../../components/SearchBox';
import { usePaged } from '../../hooks/usePaged';
import { chosenCommunity, type TreeNode } from '../treeModel';
import '../../components/work.scss';
import '../roster.scss';

type NodesPage = Output<'roster', 'nodes'>;
type Row = NodesPage['items'][number];
type ChooserLevel = 'area' | 'group' | 'unit';

interface Props {
  id: string;
  levels: ChooserLevel[];
  value: TreeNode | null;
  onChange: (node: TreeNode) => void;
  placeholder: string;
}

export default function NodeChooser({ id, levels, value, onChange, placeholder }: Props) {
  const [q, setQ] = useState('');
  const community = chosenCommunity();
  const list = usePaged<Row, NodesPage>(
    (page, from) => call('roster', 'nodes', { levels, page, pageSize: 20, ...(community ? { communityId: community } : {}), ...(q ? { q, from } : {}) }),
    [q, levels.join()],
  );
  return (
    <View className={`chooser${levels.length > 1 ? ' chooser--nested' : ''}`}>
      <SearchBox id={`${id}-search`} placeholder={placeholder} onSearch={setQ} />
      <PagedList id={`${id}-list`} state={list} loadingText='正在读取组织体系…' emptyTitle='社区还没有导入名册'>
        {(items) => (
          <View className='lzt-cells chooser__list'>
            {items.map((n) => (
              <View
                key={n.id}
                id={`${id}-option-${n.id}`}
                className={`lzt-cell chooser__option chooser__option--${n.level}${value?.id === n.id ? ' chooser__option--on' : ''}`}
                hoverClass='lzt-cell--active'
                aria-role='radio'
                aria-checked={value?.id === n.id}
                onClick={() => onChange(n)}
              >
                <View className='chooser__radio'>{value?.id === n.id ? '✓' : ''}</View>
                <View className='lzt-cell__body'>
                  <View className='lzt-cell__title'>
                    {n.name}
                    <View className='lzt-chip lzt-chip--none chooser__level'>{LEVEL_LABELS[n.level]}</View>
                  </View>
                  <View className='lzt-cell__desc'>
                    {n.path ? `${n.path} · ` : ''}
                    {n.leadName ?? '暂无三长'} · {n.households}户
                  </View>
                </View>
              </View>
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
