// 待审核: 个人自荐 and 群众推荐 to approve or reject; also the decided ones.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PagedList from '../../components/PagedList';
import SearchBox from '../../components/SearchBox';
import { usePaged } from '../../hooks/usePaged';
import ApplicationCard, { type Application } from './ApplicationCard';
import Tabs, { type Tab } from '../../components/Tabs';
import { APPLICATION_STATUS_LABELS } from '../rosterLabels';
import '../../components/work.scss';

type Status = 'pending' | 'approved' | 'rejected';
type PendingPage = Output<'register', 'pending'>;

const TABS: Tab<Status>[] = (['pending', 'approved', 'rejected'] as const).map((key) => ({ key, label: APPLICATION_STATUS_LABELS[key] }));

export default function ReviewSection() {
  const [status, setStatus] = useState<Status>('pending');
  const [q, setQ] = useState('');
  const list = usePaged<Application, PendingPage>((page, from) => call('register', 'pending', { status, page, pageSize: 10, ...(q ? { q, from } : {}) }), [status, q]);
  const reviewed = (app: Application) => list.patch((items) => items.map((a) => (a.id === app.id ? app : a)));
  return (
    <View id='admin-review'>
      <Tabs items={TABS} value={status} onChange={setStatus} idPrefix='review-tab-' />
      <SearchBox id='review-search' placeholder='姓名、手机尾号、邻' onSearch={setQ} />
      <PagedList
        id='review-list'
        state={list}
        loadingText='正在读取申请…'
        emptyTitle={status === 'pending' ? '没有待审核的申请' : '暂无记录'}
        emptyDescription={status === 'pending' ? '居民自荐或推荐邻长后，会出现在这里。' : undefined}
      >
        {(items) => (
          <View>
            {items.map((a) => (
              <ApplicationCard key={a.id} app={a} onReviewed={reviewed} />
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
