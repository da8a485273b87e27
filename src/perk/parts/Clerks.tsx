// A partner's 核销员 on the 管理员's partner page: who is bound (remove someone who has left)
// and the codes not used yet (withdraw one), and a new one-time code for a named 店员.
import { View } from '@tarojs/components';
import type { ClerkRowT, PartnerAdminT } from '../../../contracts/perk';
import { call } from '../../api/client';
import BindingCodes from '../../components/work/BindingCodes';

interface Props {
  partner: PartnerAdminT;
  clerks: ClerkRowT[];
  onChanged: () => void;
}

export default function Clerks({ partner, clerks, onChanged }: Props) {
  return (
    <BindingCodes
      id='clerk'
      rootId='partner-invite'
      className='clerk-codes'
      rows={clerks}
      words={{
        title: '核销员',
        person: '核销员',
        unnamed: '未注明店员',
        removeTitle: '解除核销员',
        removeNote: (who) => `解除后，${who}不能再为“${partner.name}”核销优惠。`,
        empty: '还没有核销员。店员凭绑定码成为本店核销员，之后可以扫码或输入8位数字核销。',
        handTo: `请把绑定码交给“${partner.name}”的店员`,
        howTo: (until) => `店员打开邻长通，在“我的 › 输入绑定码”里输入这8位数字，即成为本店核销员。只能使用一次，有效期至 ${until}。`,
        labelLabel: '店员称呼',
        labelHint: '写上是给谁的，以后在这里就知道是谁绑定的，店员离职时好解除。',
        placeholder: '如：收银员小李',
        create: '生成核销员绑定码',
      }}
      remove={(code) => call('perk', 'removeClerk', { partnerId: partner.id, code })}
      invite={(label) => call('perk', 'clerkInvite', { partnerId: partner.id, ...(label ? { label } : {}) })}
      onChanged={onChanged}
      createKind='default'
      closed={
        partner.status === 'active' ? undefined : (
          <View className='lzt-section-foot' id='clerk-invite-suspended'>
            暂停中不能生成绑定码，恢复合作后再生成。
          </View>
        )
      }
    />
  );
}
