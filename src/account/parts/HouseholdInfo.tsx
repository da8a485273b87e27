import { Cell, CellGroup } from '../../components/Cell';
import { cnDateTime } from '../../utils/beijingTime';
import type { MyHousehold } from './visitItems';

/** Everything held about the household: the resident's own data in full; a phone another member left, masked. */
export default function HouseholdInfo({ h }: { h: MyHousehold }) {
  return (
    <CellGroup title='我家登记的信息' footer='人数和手机号只有您家的邻长能看到；组长、片长和社区管理员只看到门牌和走访情况。' className='household-info'>
      <Cell id='household-address' title='门牌地址' value={h.address} description={h.unitName} />
      <Cell id='household-people' title='家庭人数' value={`${h.people}人`} />
      <Cell
        id='household-phone'
        title='手机号'
        value={h.phone ?? h.familyPhoneMasked ?? '未留'}
        description={h.phone ? '已同意邻长查看' : h.familyPhoneMasked ? '家人留的，只有TA本人能修改或删除' : undefined}
      />
      <Cell id='household-members' title='绑定这户的微信' value={`${h.members}人`} />
      {h.boundAt ? <Cell id='household-bound-at' title='绑定时间' value={cnDateTime(h.boundAt)} /> : null}
    </CellGroup>
  );
}
