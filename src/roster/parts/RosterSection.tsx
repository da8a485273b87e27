// 名册: every 片, 组 and 邻 of the 社区 with its 三长 (phone masked), paged; the search box asks
// roster.nodes (name, 三长, the last 4 of a phone, 楼栋). A row opens the node's page (动态调整, 历任).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PagedList from '../../components/PagedList';
import SearchBox from '../../components/SearchBox';
import { usePaged } from '../../hooks/usePaged';
import { pageUrl } from '../../utils/pageUrl';
import { chosenCommunity } from '../treeModel';
import TreeRow from './TreeRow';
import '../../components/work.scss';

type NodesPage = Output<'roster', 'nodes'>;
type Row = NodesPage['items'][number];

export default function RosterSection() {
  const [q, setQ] = useState('');
  const community = chosenCommunity();
  const list = usePaged<Row, NodesPage>(
    (page, from) => call('roster', 'nodes', { page, pageSize: 20, ...(community ? { communityId: community } : {}), ...(q ? { q, from } : {}) }),
    [q],
  );
  return (
    <View id='admin-roster'>
      <SearchBox id='roster-search' placeholder='姓名、手机尾号、楼栋' onSearch={setQ} />
      <View className='lzt-section-title'>
        {list.first ? `${list.first.community.name}：` : ''}片、组、邻及其三长{list.first && !list.searching ? `（${list.total}个）` : ''}
      </View>
      <PagedList id='roster-list' state={list} loadingText='正在读取名册…' emptyTitle='社区还没有导入名册' emptyDescription='在“导入”里用 Excel 名册导入。'>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((n) => (
              <TreeRow key={n.id} node={n} depth={0} path={n.path} onOpen={() => void Taro.navigateTo({ url: pageUrl('roster/unit', { id: n.id }) })} />
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
