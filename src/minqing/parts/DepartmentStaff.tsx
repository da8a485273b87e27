// One 部门's 办理人员 on the 管理员's 部门账号 page: who is bound (unbind someone who has left),
// the codes not used yet (withdraw one), and a new one-time code for a named person.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StaffRowT } from '../../../contracts/minqing';
import { call, type Output } from '../../api/client';
import CallView from '../../components/CallView';
import { Field, FormError, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import { useCall } from '../../hooks/useCall';
import { cnDate, cnDateTime } from '../../utils/beijingTime';
import '../../components/form/form.scss';
import '../minqing.scss';

const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

function StaffItem({ departmentId, name, row, onChanged }: { departmentId: string; name: string; row: StaffRowT; onChanged: () => void }) {
  const { busy, error, run } = useAction();
  const bound = row.state === 'bound';
  const who = row.label || (bound ? '办理人员' : '未注明是谁');
  async function remove() {
    const sure = await Taro.showModal({
      title: bound ? '解除办理人员' : '作废绑定码',
      content: bound ? `解除后，${who}不能再查看和办理交给“${name}”的反映。已办理的记录会保留。` : `作废后，绑定码 ${spaced(row.code)} 不能再使用。`,
      confirmText: bound ? '解除' : '作废',
      confirmColor: '#b71c1c',
    });
    if (!sure.confirm) return;
    const done = await run('remove', () => call('minqing', 'removeDepartmentStaff', { departmentId, code: row.code }));
    if (!done) return;
    void Taro.showToast({ title: bound ? '已解除' : '已作废', icon: 'success' });
    onChanged();
  }
  return (
    <View className='mq-staff' id={`staff-${row.code}`}>
      <View className='mq-staff__main'>
        <View className='mq-staff__name'>
          {who}
          <View className={`lzt-chip ${bound ? 'lzt-chip--done' : 'lzt-chip--none'}`}>{bound ? '已绑定' : '待使用'}</View>
        </View>
        <View className='lzt-sub'>{bound ? `${cnDate(row.at)}绑定` : `绑定码 ${spaced(row.code)}，${cnDateTime(row.at)}前有效`}</View>
        <FormError message={error || null} />
      </View>
      <PrimaryButton id={`staff-remove-${row.code}`} kind='warn' loading={busy === 'remove' || undefined} disabled={!!busy} onClick={() => void remove()}>
        {bound ? '解除' : '作废'}
      </PrimaryButton>
    </View>
  );
}

export default function DepartmentStaff({ departmentId }: { departmentId: string }) {
  const state = useCall(() => call('minqing', 'departmentStaff', { departmentId }), [departmentId]);
  const [label, setLabel] = useState('');
  const [invite, setInvite] = useState<Output<'minqing', 'departmentInvite'> | null>(null);
  const { busy, error, run } = useAction();
  async function create() {
    const data = await run('invite', () => call('minqing', 'departmentInvite', { departmentId, ...(label.trim() ? { label: label.trim() } : {}) }));
    if (!data) return;
    setInvite(data);
    setLabel('');
    void state.reload();
  }
  return (
    <CallView state={state} loadingText='正在读取办理人员…'>
      {({ department, staff }) => (
        <View id='department-staff'>
          <View className='lzt-section-title'>{department.name}的办理人员</View>
          {staff.length ? (
            <View className='lzt-card' id='staff-list'>
              {staff.map((r) => (
                <StaffItem key={r.code} departmentId={departmentId} name={department.name} row={r} onChanged={() => void state.reload()} />
              ))}
            </View>
          ) : (
            <View className='lzt-section-foot' id='staff-list-empty'>
              还没有办理人员。部门的工作人员凭绑定码登录后，只能看到交给本部门办理的反映。
            </View>
          )}
          {invite ? (
            <View className='lzt-card mq-staff-invite' id='staff-invite'>
              <View className='lzt-sub'>请把绑定码交给“{department.name}”的工作人员</View>
              <View className='mq-staff-invite__code' id='staff-invite-code' data-code={invite.code}>
                {spaced(invite.code)}
              </View>
              <View className='lzt-sub'>
                工作人员打开邻长通，在“我的 › 输入绑定码”里输入这8位数字，即可办理交给本部门的反映。只能使用一次，有效期至 {cnDateTime(invite.expiresAt)}。
              </View>
              <View className='lzt-btn-wrap'>
                <PrimaryButton kind='default' onClick={() => void Taro.setClipboardData({ data: invite.code })}>
                  复制绑定码
                </PrimaryButton>
              </View>
            </View>
          ) : null}
          <FormError message={error || null} />
          <View className='lzt-form'>
            <Field id='staff-invite-label' label='工作人员称呼' optional hint='写上是给谁的，以后在这里就知道是谁绑定的，人员调走时好解除。'>
              <TextInput value={label} onChange={setLabel} maxlength={20} placeholder='如：办事员小李' />
            </Field>
          </View>
          <View className='lzt-btn-wrap'>
            <PrimaryButton id='staff-invite-create' disabled={!!busy} loading={busy === 'invite' || undefined} onClick={() => void create()}>
              生成绑定码
            </PrimaryButton>
          </View>
        </View>
      )}
    </CallView>
  );
}
