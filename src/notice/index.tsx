// 通知公告: every notice that reaches the resident's household (or, before binding, the scanned
// card's 邻), pinned first then newest, paged with 加载更多.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call, type Output } from '../api/client';
import CursorList from '../components/CursorList';
import EmptyState from '../components/EmptyState';
import NoticeRow, { type NoticeItem } from '../components/NoticeRow';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCursorPaged } from '../hooks/useCursorPaged';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import './notice.scss';

type FeedPage = Output<'notice', 'feed'>;
const PAGE_SIZE = 10;

export default function NoticeListPage() {
  const unitId = decodeParam(useRouter().params.unitId) || undefined;
  const list = useCursorPaged<NoticeItem, FeedPage>((cursor) => call('notice', 'feed', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(unitId ? { unitId } : {}) }), [unitId]);
  const first = list.first;
  const open = (n: NoticeItem) => void Taro.navigateTo({ url: pageUrl('notice/detail', { id: n.id, unitId }) });
  const empty =
    first?.source === 'none' ? (
      <EmptyState
        id='notice-list-unbound'
        title='还没有绑定住户'
        description='扫描门上的邻长联系卡，绑定您家以后，就能看到您所在邻、组、片和社区发布的通知。'
        action={
          <PrimaryButton id='notice-list-go-card' onClick={() => void Taro.switchTab({ url: pageUrl('pages/card/index') })}>
            去联系卡页绑定
          </PrimaryButton>
        }
      />
    ) : (
      <EmptyState id='notice-list-empty' title='暂时没有通知' description='社区、片长、组长和邻长发布通知后，会显示在这里。' />
    );
  return (
    <PageShell name='notice-list'>
      {first?.unit ? (
        <View className='lzt-section-title' id='notice-list-scope'>
          {first.source === 'card' ? `${first.unit.name}（您扫描的联系卡）的通知` : `您家所在的${first.unit.name}及其组、片、社区收到的通知`}
        </View>
      ) : null}
      <CursorList id='notice-list' state={list} loadingText='正在读取通知…' empty={empty}>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((n) => (
              <NoticeRow key={n.id} n={n} onOpen={open} />
            ))}
          </View>
        )}
      </CursorList>
    </PageShell>
  );
}
