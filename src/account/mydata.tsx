import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../api/client';
import { openDocument } from '../api/files';
import CallView from '../components/CallView';
import EmptyState from '../components/EmptyState';
import { FormError } from '../components/form/Field';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import MyDataSections, { type MyData } from './parts/MyDataSections';
import { pageUrl } from '../utils/pageUrl';
import './mydata.scss';

const ERASE_EXPLAINED =
  '注销后，您的账号、昵称、手机号和住户绑定会删除，您反映的问题里的姓名和电话会抹去（问题本身和统计数字保留，匿名显示），消息记录一并删除。投票仍计入票数，但不含姓名电话。此操作不能撤销。';

function Erased() {
  return (
    <EmptyState
      id='mydata-erased'
      title='账号已注销'
      description='您的个人信息已删除。以后再打开邻长通，就是一个新的账号。'
      action={<PrimaryButton onClick={() => void Taro.reLaunch({ url: pageUrl('pages/home/index') })}>返回首页</PrimaryButton>}
    />
  );
}

function Actions({ d, onErased }: { d: MyData; onErased: () => void }) {
  const [busy, setBusy] = useState<'export' | 'erase' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  async function exportData() {
    if (busy) return;
    setBusy('export');
    setError(null);
    const reply = await call('privacy', 'export', {});
    if (!reply.ok) {
      setBusy(null);
      return setError(reply.error.message);
    }
    setExported(reply.data.name);
    const opened = await openDocument(reply.data.url);
    setBusy(null);
    if (!opened.ok) setError(opened.error.message);
  }

  async function erase() {
    if (busy) return;
    const answer = await Taro.showModal({ title: '确定注销账号？', content: ERASE_EXPLAINED, confirmText: '注销', confirmColor: '#b71c1c', cancelText: '不注销' });
    if (!answer.confirm) return;
    setBusy('erase');
    setError(null);
    const reply = await call('privacy', 'erase', { confirm: true });
    setBusy(null);
    if (!reply.ok) return setError(reply.error.message);
    onErased();
  }

  return (
    <View className='mydata-actions'>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='mydata-export' disabled={busy !== null} onClick={() => void exportData()}>
          {busy === 'export' ? '正在导出…' : '导出我的信息（表格文件）'}
        </PrimaryButton>
      </View>
      {exported ? (
        <View id='mydata-exported' className='lzt-section-foot'>
          {`已生成“${exported}”，包含您完整的手机号，请妥善保存，不要转发给别人。`}
        </View>
      ) : (
        <View className='lzt-section-foot'>文件里是上面的全部内容，手机号完整显示，只有您本人能下载。</View>
      )}
      <View className='lzt-section-title'>注销账号</View>
      {d.eraseBlocked ? (
        <View id='mydata-erase-blocked' className='lzt-section-foot'>
          {d.eraseBlocked}
        </View>
      ) : (
        <>
          <View className='lzt-btn-wrap'>
            <PrimaryButton id='mydata-erase' kind='warn' disabled={busy !== null} onClick={() => void erase()}>
              {busy === 'erase' ? '正在注销…' : '注销账号并删除我的信息'}
            </PrimaryButton>
          </View>
          <View className='lzt-section-foot'>{ERASE_EXPLAINED}</View>
        </>
      )}
    </View>
  );
}

/** 我的信息 (个人信息保护法): everything held about me, taken away as a file, or deleted with my account. */
export default function MyDataPage() {
  const mine = useCall(() => call('privacy', 'mine', {}), []);
  const [erased, setErased] = useState(false);
  return (
    <PageShell name='account-mydata'>
      {erased ? (
        <Erased />
      ) : (
        <CallView state={mine} loadingText='正在读取我的信息…'>
          {(d) => (
            <>
              <View className='lzt-section-foot mydata-intro'>这里是邻长通保存的关于您的全部信息。手机号只显示前三位和后四位。</View>
              <MyDataSections d={d} />
              <Actions d={d} onErased={() => setErased(true)} />
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
