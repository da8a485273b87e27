// A notice in full: title, who published it to which scope and when, the body and its images
// (tap to enlarge). Opening it marks the household's read. The publisher and the 三长/管理员 above
// see 已读 N / 范围内 M 户; the publisher or a 管理员 above can edit or withdraw it.
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import { fileSrc } from '../api/fileSrc';
import CallView from '../components/CallView';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { FormError } from '../components/form/Field';
import { useAction } from '../hooks/useAction';
import { useCall } from '../hooks/useCall';
import { cnDate, cnDateTime } from '../utils/beijingTime';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './notice.scss';

type Detail = Output<'notice', 'get'>;

function ReadCount({ read, households }: { read: number; households: number }) {
  const share = households > 0 ? Math.min(100, Math.round((read / households) * 100)) : 0;
  return (
    <View className='lzt-card notice-reads' id='notice-read-count'>
      <View className='notice-reads__label'>阅读情况</View>
      <View className='notice-reads__figure'>
        已读 <Text className='notice-reads__num'>{read}</Text> / 范围内 {households} 户
      </View>
      <View className='lzt-progress notice-reads__bar'>
        <View className='lzt-progress__bar' style={{ width: `${share}%` }} />
      </View>
      <View className='lzt-sub'>每户第一次打开时计一次，家里几个人看都只算一户。</View>
    </View>
  );
}

function Manage({ n, onWithdrawn }: { n: Detail; onWithdrawn: () => void }) {
  const action = useAction();
  async function withdraw() {
    const sure = await Taro.showModal({ title: '撤回这条通知？', content: '撤回后居民不再看到它，已读记录保留。', confirmText: '撤回', confirmColor: '#b71c1c' });
    if (!sure.confirm) return;
    const done = await action.run('withdraw', () => call('notice', 'withdraw', { id: n.id }));
    if (done) {
      void Taro.showToast({ title: '已撤回', icon: 'success' });
      onWithdrawn();
    }
  }
  if (n.status === 'withdrawn') return <View className='notice-detail__withdrawn' id='notice-withdrawn'>这条通知已撤回，居民不再看到。</View>;
  return (
    <View className='notice-manage'>
      <FormError message={action.error || null} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='notice-edit' kind='default' onClick={() => void Taro.navigateTo({ url: pageUrl('notice/publish', { id: n.id }) })}>
          修改通知
        </PrimaryButton>
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='notice-withdraw' kind='warn' disabled={!!action.busy} onClick={() => void withdraw()}>
          {action.busy ? '正在撤回…' : '撤回通知'}
        </PrimaryButton>
      </View>
    </View>
  );
}

function Body({ n, reload }: { n: Detail; reload: () => void }) {
  const urls = n.images.map(fileSrc);
  return (
    <>
      <View className='notice-detail' id='notice-detail'>
        <View className='notice-detail__title' id='notice-detail-title'>
          {n.pinned ? <Text className='notice-detail__pin'>置顶</Text> : null}
          {n.title}
        </View>
        <View className='notice-detail__meta'>
          {n.publisher.name}（{n.publisher.roleLabel}） · {cnDateTime(n.publishedAt)}
        </View>
        <View className='notice-detail__meta'>发布范围：{n.scope.name}</View>
        <Text className='notice-detail__body' id='notice-detail-body' userSelect>
          {n.body}
        </Text>
        {urls.length > 0 ? (
          <View className='notice-detail__images'>
            {urls.map((u, i) => (
              <Image key={u} className='notice-detail__image' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: urls[i] })} />
            ))}
          </View>
        ) : null}
        {n.expiresAt ? <View className='notice-detail__expiry'>有效期至 {cnDate(n.expiresAt)}</View> : null}
      </View>
      {n.readCount ? <ReadCount {...n.readCount} /> : null}
      {n.canManage ? <Manage n={n} onWithdrawn={reload} /> : null}
    </>
  );
}

export default function NoticeDetailPage() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const unitId = decodeParam(params.unitId) || undefined;
  const [version, setVersion] = useState(0);
  const state = useCall(() => call('notice', 'get', { id, ...(unitId ? { unitId } : {}) }), [id, unitId, version], { refreshOnShow: true });
  return (
    <PageShell name='notice-detail'>
      <CallView state={state} loadingText='正在打开通知…'>
        {(n) => <Body n={n} reload={() => setVersion((v) => v + 1)} />}
      </CallView>
    </PageShell>
  );
}
