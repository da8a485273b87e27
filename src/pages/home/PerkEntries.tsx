// 专属优惠 entries by role: 专属优惠 for the 三长, 核销 for a partner's clerk, 优惠管理 for a
// 管理员 (首页 › 我的工作), and 我的优惠核销记录 for the 三长 (我的). Plain rows: the pages
// themselves live in the perk subpackage.
import Taro from '@tarojs/taro';
import type { Role } from '../../../contracts/roles';
import type { WhoAmI } from '../../api/whoami';
import { Cell, CellGroup } from '../../components/Cell';
import { pageUrl } from '../../utils/pageUrl';

const LEAD_ROLES: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead'];
const isLead = (roles: readonly Role[]) => roles.some((r) => LEAD_ROLES.includes(r));
const go = (url: string) => () => void Taro.navigateTo({ url });

/** Rows inside 我的工作. */
export default function PerkEntries({ me }: { me: WhoAmI }) {
  const clerk = me.grants.find((g) => g.role === 'clerk');
  return (
    <>
      {isLead(me.roles) ? (
        <Cell id='home-work-perks' title='专属优惠' description='支持单位为三长提供的优惠，到店出示优惠码' onClick={go(pageUrl('perk/index'))} />
      ) : null}
      {clerk ? (
        <Cell
          id='home-work-verify'
          title='优惠核销'
          description={`${clerk.nodeName}：扫码或输入8位数字核销`}
          onClick={go(pageUrl('perk/verify', { shop: clerk.nodeName }))}
        />
      ) : null}
      {me.roles.includes('admin') ? (
        <Cell id='home-work-perk-admin' title='优惠管理' description='支持单位、优惠、核销员和核销统计' onClick={go(pageUrl('perk/admin'))} />
      ) : null}
    </>
  );
}

/** 我的 › 我的优惠核销记录, for the 三长. */
export function PerkMineEntry({ roles }: { roles?: readonly Role[] }) {
  if (!roles || !isLead(roles)) return null;
  return (
    <CellGroup title='专属优惠' className='me-perks'>
      <Cell id='me-open-perk-redemptions' title='我的优惠核销记录' description='在支持单位使用过的专属优惠' onClick={go(pageUrl('perk/mine'))} />
    </CellGroup>
  );
}
