import { View } from '@tarojs/components';
import { Cell, CellGroup } from '../../components/Cell';

interface Props {
  /** The 邻 (unit) the caller's household belongs to. */
  unitId: string;
}

/** The 邻长联系卡 of the caller's unit. Placeholder until card.get exists. */
export default function MyLeadCard({ unitId }: Props) {
  return (
    <View id='my-lead-card' data-unit-id={unitId}>
      <CellGroup title='我的邻长' footer='邻长的姓名、电话和所在组、片，将在联系卡功能开放后显示在这里。'>
        <Cell title='邻长联系卡' description='正在开放中，敬请期待' />
      </CellGroup>
    </View>
  );
}
