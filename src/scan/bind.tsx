import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import CallView from '../components/CallView';
import PageShell from '../components/PageShell';
import type { CardView } from '../components/card/types';
import { useSignInGate } from '../dev/useSignInGate';
import { useCall } from '../hooks/useCall';
import { decodeParam } from '../utils/pageUrl';
import BindDone from './BindDone';
import BindForm from './BindForm';
import { cachedCard, loadCard } from './loadCard';
import './bind.scss';

/** 这是我的邻长 → bind the household to this 邻 (the card comes from the landing's read when there was one). */
export default function BindPage() {
  const unitId = decodeParam(useRouter().params.unitId);
  const card = useCall(async () => {
    const known = cachedCard(unitId);
    return known ? { ok: true as const, data: known } : loadCard(unitId);
  }, [unitId]);
  const gate = useSignInGate();
  const [done, setDone] = useState<{ address: string; pending: boolean } | null>(null);
  return (
    <PageShell name='scan-bind'>
      <CallView state={card} loadingText='正在打开…'>
        {(c: CardView) =>
          done ? (
            <BindDone address={done.address} pending={done.pending} leadName={c.lead?.name ?? null} />
          ) : (
            <>
              <View className='lzt-card bind-head'>
                <View className='lzt-title'>绑定我家</View>
                <View className='lzt-sub bind-head__sub'>
                  {c.unit.name}
                  {c.lead ? ` · 邻长 ${c.lead.name}` : ' · 邻长暂缺'}
                </View>
              </View>
              <BindForm card={c} gate={gate} onBound={(address, pending) => setDone({ address, pending })} />
            </>
          )
        }
      </CallView>
      {gate.sheet}
    </PageShell>
  );
}
