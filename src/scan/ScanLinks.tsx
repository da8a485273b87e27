import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../components/Cell';
import type { CardView } from '../components/card/types';

function openApply(card: CardView, kind: 'self' | 'recommend') {
  const unitName = encodeURIComponent(card.unit.name);
  void Taro.navigateTo({ url: `/register/apply?unitId=${card.unit.id}&kind=${kind}&unitName=${unitName}` });
}

/** 本邻通知 (the notices that reach this 邻), 我想当邻长 / 推荐邻长: 个人自荐 and 群众推荐 for this 邻. */
export default function ScanLinks({ card }: { card: CardView }) {
  return (
    <>
      <CellGroup title='通知公告' className='scan-notices'>
        <Cell id='scan-notices' title='本邻的通知' description='社区、片、组和邻长发给这里住户的通知' onClick={() => void Taro.navigateTo({ url: `/notice/index?unitId=${card.unit.id}` })} />
      </CellGroup>
      <CellGroup title='一起把邻里服务好' className='scan-links'>
        <Cell id='scan-apply-self' title='我想当邻长' description='个人自荐，社区审核通过后任命' onClick={() => openApply(card, 'self')} />
        <Cell id='scan-apply-recommend' title='推荐邻长' description='群众推荐您信得过的热心邻居' onClick={() => openApply(card, 'recommend')} />
      </CellGroup>
    </>
  );
}
