// 我的反映: the caller's own reports, newest first, each to its timeline; a way to report another.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import CursorList from '../components/CursorList';
import EmptyState from '../components/EmptyState';
import ProblemCell from './parts/ProblemCell';
import { useCursorPaged } from '../hooks/useCursorPaged';
import type { MineReply, ProblemRow } from './types';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './minqing.scss';

export default function MinePage() {
  const list = useCursorPaged<ProblemRow, MineReply>((cursor) => call('minqing', 'mine', { ...(cursor ? { cursor } : {}), pageSize: 20 }), []);
  return (
    <PageShell name='minqing-mine'>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='mine-report' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/report') })}>
          反映问题
        </PrimaryButton>
      </View>
      <CursorList state={list} id='mine-list' empty={<EmptyState id='mine-list-empty' title='您还没有反映过问题' description='遇到楼道、环境、邻里的问题，点上面的“反映问题”告诉邻长。' />}>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((r) => (
              <ProblemCell key={r.id} row={r} />
            ))}
          </View>
        )}
      </CursorList>
    </PageShell>
  );
}
