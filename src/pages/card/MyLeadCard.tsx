import { View } from '@tarojs/components';
import { call } from '../../api/client';
import CallView from '../../components/CallView';
import LeadCard from '../../components/card/LeadCard';
import { useCall } from '../../hooks/useCall';

interface Props {
  /** The 邻 (unit) the caller's household belongs to. */
  unitId: string;
}

/** The 邻长联系卡 of the caller's own 邻, the same card a scan opens. */
export default function MyLeadCard({ unitId }: Props) {
  const card = useCall(() => call('card', 'get', { unitId }), [unitId], { refreshOnShow: true });
  return (
    <View id='my-lead-card' data-unit-id={unitId}>
      <CallView state={card} loadingText='正在打开邻长联系卡…'>
        {(c) => <LeadCard card={c} />}
      </CallView>
    </View>
  );
}
