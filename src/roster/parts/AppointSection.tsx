// 组织指定: the 社区 appoints a 邻长 directly (register.appoint) and hands over the binding code.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import type { TreeNode } from '../treeModel';
import { checkPerson, FormError, TextAreaField, TextField } from './Fields';
import InviteCode from './InviteCode';
import NodeChooser from './NodeChooser';
import { useAction } from '../../hooks/useAction';

type Appointed = Output<'register', 'appoint'>['application'];

export default function AppointSection() {
  const { busy, error, setError, run } = useAction();
  const [unit, setUnit] = useState<TreeNode | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<Appointed | null>(null);

  async function submit() {
    const problem = unit ? checkPerson(name, phone) : '请先选择一个邻';
    if (problem) return setError(problem);
    const data = await run('appoint', () =>
      call('register', 'appoint', { unitId: unit!.id, name: name.trim(), phone: phone.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    );
    if (!data) return;
    setDone(data.application);
    setName('');
    setPhone('');
    setReason('');
    void Taro.showToast({ title: '已任命', icon: 'success' });
  }

  return (
    <View id='admin-appoint'>
      {done?.invite ? <InviteCode id='appoint-invite' code={done.invite.code} expiresAt={done.invite.expiresAt} forWhom={`${done.unitName} 新任邻长 ${done.name}`} /> : null}
      <View className='lzt-section-title'>选择邻（可搜索楼栋，如“3栋2单元”）</View>
      <NodeChooser id='appoint-unit' levels={['unit']} value={unit} onChange={setUnit} placeholder='邻、邻长或楼栋' />
      <View className='lzt-section-title'>任命的邻长</View>
      <TextField id='appoint-name' label='姓名' value={name} onChange={setName} maxLength={20} placeholder='请输入姓名' />
      <TextField id='appoint-phone' label='手机号' type='number' value={phone} onChange={setPhone} maxLength={11} placeholder='11位手机号' />
      <TextAreaField id='appoint-reason' label='说明（选填）' value={reason} onChange={setReason} maxLength={200} placeholder='例如：经社区党委研究，指定其担任邻长' />
      <FormError id='appoint-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='appoint-submit' loading={!!busy || undefined} disabled={!!busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : unit ? `任命为“${unit.name}”邻长` : '确认任命'}
        </PrimaryButton>
      </View>
      <View className='lzt-section-foot'>任命立即生效；原邻长（如有）转为历任，住户和联系卡随邻转交。</View>
    </View>
  );
}
