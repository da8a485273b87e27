import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../components/Cell';
import type { CardView } from '../components/card/types';
import { pageUrl } from '../utils/pageUrl';

function openApply(card: CardView, kind: 'self' | 'recommend') {
  void Taro.navigateTo({ url: pageUrl('register/apply', { unitId: card.unit.id, kind, unitName: card.unit.name }) });
}

/** 反映问题 to this 邻's 邻长: a resident without a bound household reports against this card. */
const openReport = (card: CardView) => void Taro.navigateTo({ url: pageUrl('minqing/report', { unitId: card.unit.id }) });

/** 反映问题, 本邻通知 (the notices that reach this 邻), 我想当邻长 / 推荐邻长: 个人自荐 and 群众推荐 for this 邻. */
export default function ScanLinks({ card }: { card: CardView }) {
  return (
    <CellGroup title='一起把邻里服务好' className='scan-links'>
      <Cell id='scan-report' title='反映问题' description='楼道、环境、邻里的问题，直接告诉这位邻长' onClick={() => openReport(card)} />
      <Cell id='scan-notices' title='通知公告' description='社区、片、组和本邻发布的通知' onClick={() => void Taro.navigateTo({ url: pageUrl('notice/index', { unitId: card.unit.id }) })} />
      <Cell id='scan-apply-self' title='我想当邻长' description='个人自荐，社区审核通过后任命' onClick={() => openApply(card, 'self')} />
      <Cell id='scan-apply-recommend' title='推荐邻长' description='群众推荐您信得过的热心邻居' onClick={() => openApply(card, 'recommend')} />
    </CellGroup>
  );
}
