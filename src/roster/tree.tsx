// 组织体系图: the 社区's 片 → 组 → 邻 with their 三长, households and status; searchable
// by name or 楼栋 over the returned nodes. A 邻 opens its 邻长联系卡 (the 邻长, the number, 绑定);
// with ?manage=1 (管理员) a node opens its management page instead.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState, type ReactElement } from 'react';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import ChipSwitch from '../components/ChipSwitch';
import EmptyState from '../components/EmptyState';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import SearchBox from '../components/SearchBox';
import { useCall } from '../hooks/useCall';
import TreeRow from './parts/TreeRow';
import { chooseCommunity, childrenIndex, fetchTree, rootsOf, visibleFor, type TreeData, type TreeNode } from './treeModel';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './roster.scss';

function CommunityHead({ community }: { community: TreeData['community'] }) {
  return (
    <View className='lzt-card tree-head'>
      <View className='lzt-title' id='tree-community'>
        {community.name}
      </View>
      {community.hotline ? (
        <View className='tree-head__hotline'>
          <View className='tree-head__hotline-text'>
            <View className='lzt-sub'>社区服务热线</View>
            <View className='tree-head__number' id='tree-hotline'>
              {community.hotline}
            </View>
          </View>
          <PrimaryButton kind='default' className='tree-head__call' onClick={() => void Taro.makePhoneCall({ phoneNumber: community.hotline })}>
            拨打
          </PrimaryButton>
        </View>
      ) : null}
    </View>
  );
}

/** A 镇街 or 区 管理员 looks after several 社区: one tap switches the roster pages to another. */
function CommunitySwitch({ data, onPick }: { data: TreeData; onPick: (id: string) => void }) {
  if ((data.communities ?? []).length < 2) return null;
  return (
    <View className='tree-communities' id='tree-communities'>
      <View className='lzt-sub'>切换社区</View>
      <ChipSwitch id='tree-community' items={data.communities ?? []} current={data.community.id} onPick={onPick} />
    </View>
  );
}

function Tree({ data, query, manage }: { data: TreeData; query: string; manage: boolean }) {
  const index = useMemo(() => childrenIndex(data.nodes), [data.nodes]);
  const roots = useMemo(() => rootsOf(data.nodes), [data.nodes]);
  const visible = useMemo(() => visibleFor(data.nodes, query), [data.nodes, query]);
  // 片 start open, 组 closed; a search opens everything it shows.
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (n: TreeNode) => (visible ? true : open[n.id] ?? n.level === 'area');
  const manageNode = (n: TreeNode) => void Taro.navigateTo({ url: pageUrl('roster/unit', { id: n.id }) });
  // The same page a scan of the 邻's card opens.
  const openCard = (n: TreeNode) => void Taro.navigateTo({ url: pageUrl('scan/index', { scene: n.id }) });

  const rows: ReactElement[] = [];
  const walk = (n: TreeNode, depth: number) => {
    if (visible && !visible.has(n.id)) return;
    const kids = index.get(n.id) ?? [];
    const leaf = n.level === 'unit';
    rows.push(
      <TreeRow
        key={n.id}
        node={n}
        depth={depth}
        expanded={leaf ? undefined : isOpen(n)}
        onToggle={leaf ? undefined : () => setOpen((o) => ({ ...o, [n.id]: !isOpen(n) }))}
        onOpen={leaf ? () => (manage ? manageNode(n) : openCard(n)) : undefined}
        onManage={manage && !leaf ? () => manageNode(n) : undefined}
      />,
    );
    if (!leaf && isOpen(n)) kids.forEach((k) => walk(k, depth + 1));
  };
  roots.forEach((r) => walk(r, 0));

  if (rows.length === 0) {
    return <EmptyState id='tree-no-match' title={query ? `没有找到“${query}”` : '社区还没有导入名册'} description={query ? '换个名字或楼栋试试，例如“3栋”。' : undefined} />;
  }
  return (
    <View className='lzt-cells' id='tree-list'>
      {rows}
    </View>
  );
}

export default function TreePage() {
  const manage = useRouter().params.manage === '1';
  const tree = useCall(fetchTree, []);
  const [query, setQuery] = useState('');
  return (
    <PageShell name='roster-tree'>
      {isFinalError(tree.error) ? (
        <BlockedState error={tree.error} />
      ) : (
        <CallView state={tree} loadingText='正在读取组织体系…'>
          {(data) => (
            <>
              <CommunityHead community={data.community} />
              <CommunitySwitch
                data={data}
                onPick={(id) => {
                  chooseCommunity(id);
                  setQuery('');
                  void tree.reload();
                }}
              />
              <SearchBox key={data.community.id} id='tree-search' placeholder='姓名、组名或楼栋' onSearch={setQuery} />
              <View className='lzt-section-title'>
                片 → 组 → 邻（{data.nodes.filter((n) => n.level === 'unit').length}个邻）{manage ? '，点击进入管理' : '，点击邻查看联系卡'}
              </View>
              <Tree data={data} query={query.trim()} manage={manage} />
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
