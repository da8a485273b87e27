// Pick a node of the 社区's tree (a 片 or 组 for cards, a 邻 for 组织指定), searchable by
// name, lead or 楼栋 over roster.tree.
import { Input, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { LEVEL_LABELS, type Level } from '../../../contracts/roles';
import CallView from '../../components/CallView';
import PrimaryButton from '../../components/PrimaryButton';
import { useCall } from '../../hooks/useCall';
import { fetchTree, inTreeOrder, visibleFor, type TreeData, type TreeNode } from '../treeModel';
import '../../components/work.scss';
import '../roster.scss';

const STEP = 20;

interface Props {
  id: string;
  levels: Level[];
  value: TreeNode | null;
  onChange: (node: TreeNode) => void;
  placeholder: string;
}

function Options({ data, levels, value, onChange, placeholder, id }: Props & { data: TreeData }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(STEP);
  const names = useMemo(() => new Map(data.nodes.map((n) => [n.id, n.name])), [data.nodes]);
  const ordered = useMemo(() => inTreeOrder(data.nodes), [data.nodes]);
  const candidates = useMemo(() => {
    const visible = visibleFor(data.nodes, query.trim());
    return ordered.filter((n) => levels.includes(n.level) && (!visible || visible.has(n.id)));
  }, [data.nodes, ordered, levels, query]);
  return (
    <View className={`chooser${levels.length > 1 ? ' chooser--nested' : ''}`}>
      <View className='tree-search chooser__search'>
        <Input
          id={`${id}-search`}
          className='tree-search__input'
          value={query}
          placeholder={placeholder}
          onInput={(e) => {
            setQuery(e.detail.value);
            setShown(STEP);
          }}
        />
      </View>
      <View className='lzt-cells chooser__list'>
        {candidates.length === 0 ? <View className='lzt-cell lzt-sub'>没有找到，换个名字或楼栋试试</View> : null}
        {candidates.slice(0, shown).map((n) => (
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
                {n.parentId && names.get(n.parentId) ? `${names.get(n.parentId)} · ` : ''}
                {n.leadName ?? '暂无三长'} · {n.households}户
              </View>
            </View>
          </View>
        ))}
      </View>
      {candidates.length > shown ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton kind='default' onClick={() => setShown((s) => s + STEP)}>
            显示更多（{shown} / {candidates.length}）
          </PrimaryButton>
        </View>
      ) : null}
    </View>
  );
}

export default function NodeChooser(props: Props) {
  const tree = useCall(fetchTree, []);
  return (
    <CallView state={tree} loadingText='正在读取组织体系…'>
      {(data) => <Options {...props} data={data} />}
    </CallView>
  );
}
