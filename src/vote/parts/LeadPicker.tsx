// Pick a 邻长 of the campaign's scope, searchable by name, 邻 or 楼栋. The vote contract has no
// list of its own for this: it reads the 组织体系图 (roster.tree, one 社区 at a time) and
// keeps the 邻 with a 邻长 under the scope; the server checks the scope again.
import { Input, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { call, type Output } from '../../api/client';
import CallView from '../../components/CallView';
import PrimaryButton from '../../components/PrimaryButton';
import { useCall } from '../../hooks/useCall';

type Tree = Output<'roster', 'tree'>;
type TreeNode = Tree['nodes'][number];
export interface PickedLead {
  unitId: string;
  unitName: string;
  leadName: string;
}

interface Props {
  id: string;
  scope: { nodeId: string; level: string };
  value: PickedLead | null;
  onChange: (lead: PickedLead) => void;
}

const STEP = 20;
const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Whether `node` sits under the node `scopeId` (or is it), walking up the parents. */
function under(node: TreeNode, scopeId: string, byId: Map<string, TreeNode>): boolean {
  for (let n: TreeNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) if (n.id === scopeId) return true;
  return false;
}

function Options({ tree, id, scope, value, onChange, onCommunity }: Props & { tree: Tree; onCommunity: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(STEP);
  const byId = useMemo(() => new Map(tree.nodes.map((n) => [n.id, n])), [tree.nodes]);
  const units = useMemo(() => {
    const inside = scope.level === 'area' || scope.level === 'group' ? (n: TreeNode) => under(n, scope.nodeId, byId) : () => true;
    return tree.nodes.filter((n) => n.level === 'unit' && n.leadName && inside(n));
  }, [tree.nodes, scope, byId]);
  const found = useMemo(() => {
    const q = norm(query);
    if (!q) return units;
    return units.filter((n) => [n.name, n.leadName ?? '', ...(n.buildings ?? [])].some((s) => norm(s).includes(q)));
  }, [units, query]);
  const where = (n: TreeNode) => {
    const group = n.parentId ? byId.get(n.parentId) : undefined;
    const area = group?.parentId ? byId.get(group.parentId) : undefined;
    return [area?.name, group?.name, n.name].filter(Boolean).join(' · ');
  };
  return (
    <View className='lead-picker' id={id}>
      {tree.communities && tree.communities.length > 1 ? (
        <View className='lzt-options lead-picker__communities'>
          {tree.communities.map((c) => (
            <View key={c.id} className={`lzt-option${c.id === tree.community.id ? ' lzt-option--on' : ''}`} onClick={() => onCommunity(c.id)}>
              {c.name}
            </View>
          ))}
        </View>
      ) : null}
      <View className='vote-search lead-picker__search'>
        <Input
          id={`${id}-search`}
          className='vote-search__input'
          value={query}
          maxlength={20}
          placeholder='输入邻长姓名或楼栋查找'
          placeholderClass='lzt-input__placeholder'
          onInput={(e) => {
            setQuery(e.detail.value);
            setShown(STEP);
          }}
        />
      </View>
      <View className='lzt-sub lead-picker__count'>
        {tree.community.name}：{query ? `找到 ${found.length} 位邻长` : `共 ${units.length} 位邻长`}
      </View>
      <View className='lzt-cells lead-picker__list'>
        {found.length === 0 ? <View className='lzt-cell lzt-sub'>没有找到，换个名字或楼栋试试</View> : null}
        {found.slice(0, shown).map((n) => {
          const on = value?.unitId === n.id;
          return (
            <View
              key={n.id}
              id={`${id}-option-${n.id}`}
              className={`lzt-cell lead-picker__option${on ? ' lead-picker__option--on' : ''}`}
              hoverClass='lzt-cell--active'
              aria-role='radio'
              aria-checked={on}
              onClick={() => onChange({ unitId: n.id, unitName: n.name, leadName: n.leadName ?? '' })}
            >
              <View className='lead-picker__radio'>{on ? '✓' : ''}</View>
              <View className='lzt-cell__body'>
                <View className='lzt-cell__title'>{n.leadName}</View>
                <View className='lzt-cell__desc'>{where(n)}</View>
              </View>
            </View>
          );
        })}
      </View>
      {found.length > shown ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton kind='default' className='lead-picker__more' onClick={() => setShown((s) => s + STEP)}>
            显示更多（{shown} / {found.length}）
          </PrimaryButton>
        </View>
      ) : null}
    </View>
  );
}

export default function LeadPicker(props: Props) {
  const { scope } = props;
  const [communityId, setCommunityId] = useState<string | undefined>(scope.level === 'community' ? scope.nodeId : undefined);
  const tree = useCall(() => call('roster', 'tree', communityId ? { communityId } : {}), [communityId]);
  return (
    <CallView state={tree} loadingText='正在读取本辖区的邻长…'>
      {(t) => <Options {...props} tree={t} onCommunity={setCommunityId} />}
    </CallView>
  );
}
