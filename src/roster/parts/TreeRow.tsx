import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LEVEL_LABELS } from '../../../contracts/roles';
import { LEAD_TITLE } from '../rosterLabels';
import type { TreeNode } from '../treeModel';
import '../../components/work.scss';
import '../roster.scss';

interface Props {
  node: TreeNode;
  depth: number;
  /** 片 and 组: whether their children are shown; undefined for a 邻. */
  expanded?: boolean;
  onToggle?: () => void;
  /** A 邻: opens its page (its 邻长联系卡, or for a 管理员 its management page). */
  onOpen?: () => void;
  /** 管理员, a 片 or 组: opens the node's page (current lead, 动态调整, 历任). */
  onManage?: () => void;
  /** Where the node sits (第一片 · 第一组), in a flat list such as the 名册. */
  path?: string;
}

function StatusBadge({ status }: { status: TreeNode['leadStatus'] }) {
  if (status === 'away') return <View className='lzt-chip lzt-chip--partial tree-badge tree-badge--away'>外出</View>;
  if (status === 'vacant') return <View className='lzt-chip lzt-chip--warn tree-badge tree-badge--vacant'>空缺</View>;
  return null;
}

/** One node of the 组织体系图: level, name, lead and masked phone, households, buildings, status. */
export default function TreeRow({ node, depth, expanded, onToggle, onOpen, onManage, path }: Props) {
  const leaf = expanded === undefined;
  const onClick = leaf ? onOpen : onToggle;
  const lead = node.leadName ? `${LEAD_TITLE[node.level] ?? ''} ${node.leadName}${node.leadPhoneMasked ? ' ' + node.leadPhoneMasked : ''}` : `${LEAD_TITLE[node.level] ?? ''}暂缺`;
  return (
    <View
      id={`tree-node-${node.id}`}
      className={`lzt-cell tree-row tree-row--${node.level}`}
      style={{ paddingLeft: Taro.pxTransform(32 + depth * 36) }}
      hoverClass={onClick ? 'lzt-cell--active' : 'none'}
      onClick={onClick}
    >
      {leaf ? <View className='tree-row__dot' /> : <View className={`tree-row__caret${expanded ? ' tree-row__caret--open' : ''}`} />}
      <View className='lzt-cell__body'>
        <View className='lzt-cell__title tree-row__title'>
          <View className='lzt-chip lzt-chip--none tree-row__level'>{LEVEL_LABELS[node.level]}</View>
          <View className='tree-row__name'>{node.name}</View>
          <StatusBadge status={node.leadStatus} />
        </View>
        <View className='lzt-cell__desc tree-row__lead'>{lead}</View>
        <View className='lzt-cell__desc tree-row__meta'>
          {path ? `${path} · ` : ''}
          {node.households}户{node.buildings?.length ? ` · ${node.buildings.join('、')}` : ''}
        </View>
      </View>
      {onManage && !leaf ? (
        <View
          className='tree-row__manage'
          hoverClass='tree-row__manage--active'
          onClick={(e) => {
            e.stopPropagation();
            onManage();
          }}
        >
          管理
        </View>
      ) : null}
      {onOpen && leaf ? <View className='lzt-cell__arrow' /> : null}
    </View>
  );
}
