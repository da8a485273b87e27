import { View } from '@tarojs/components';
import { cnDate } from '../../utils/beijingTime';
import { KIND_LABEL, STATUS_LABEL, type Application } from './labels';
import PhoneCheck from './PhoneCheck';

/** One 自荐 or 推荐 with its status and, once reviewed, the reason; a pending 自荐 offers 用微信手机号验证. */
export default function ApplicationItem({ a, onChanged }: { a: Application; onChanged?: (a: Application) => void }) {
  return (
    <View className={`lzt-card application application--${a.status}`}>
      <View className='application__head'>
        <View className='application__kind'>{KIND_LABEL[a.kind]}</View>
        <View className={`application__status application__status--${a.status}`}>{STATUS_LABEL[a.status]}</View>
      </View>
      <View className='application__who'>{a.name}</View>
      <View className='application__line'>{a.kind === 'self' ? '申请担任' : '推荐担任'} {a.unitName} 的邻长</View>
      {a.phoneMasked ? <View className='application__line'>电话 {a.phoneMasked}</View> : null}
      <View className='application__line'>提交于 {cnDate(a.createdAt)}</View>
      {a.reviewedAt ? <View className='application__line'>审核于 {cnDate(a.reviewedAt)}</View> : null}
      {a.phoneConfirmed ? <View className='application__line application__confirmed'>手机号已用微信验证</View> : null}
      {a.status === 'pending' ? <View className='application__note'>社区管理员正在审核，请耐心等待。</View> : null}
      {a.status === 'pending' && a.kind === 'self' && a.phoneConfirmed === false ? <PhoneCheck a={a} onConfirmed={(x) => onChanged?.(x)} /> : null}
      {a.status === 'approved' ? (
        <View className='application__note'>{a.reason ? `说明：${a.reason}` : a.kind === 'self' ? '恭喜您成为邻长！相关工作入口在“首页 › 我的工作”。' : '感谢您的推荐，被推荐人已任命为邻长。'}</View>
      ) : null}
      {a.status === 'rejected' ? <View className='application__note application__note--reason'>原因：{a.reason ?? '社区未填写原因'}</View> : null}
    </View>
  );
}
