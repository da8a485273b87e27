// One household for its 邻长: address, people, full phone (拨打), visit history, 登记走访.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { formatDate } from '../utils/beijingTime';
import { announceVisit } from './ledgerEvents';
import VisitForm, { type RecordedVisit } from './VisitForm';
import VisitHistory from './VisitHistory';
import { isCompleteVisit } from './visitItems';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './ledger.scss';

function PhoneCell({ phone }: { phone?: string }) {
  if (!phone) return <Cell id='household-phone' title='联系电话' value='未留电话' />;
  return (
    <Cell
      id='household-phone'
      title='联系电话'
      value={
        <View className='household-phone'>
          <View className='household-phone__number'>{phone}</View>
          <PrimaryButton id='household-call' className='household-phone__call' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
            拨打
          </PrimaryButton>
        </View>
      }
    />
  );
}

/** The visit made today (Beijing date), which problems collected now belong to. */
function todaysVisit(visits: { id: string; visitedAt: number }[]): string | undefined {
  const today = formatDate(Date.now());
  return visits.find((v) => formatDate(v.visitedAt) === today)?.id;
}

export default function HouseholdPage() {
  const id = useRouter().params.id ?? '';
  const detail = useCall(() => call('ledger', 'household', { id }), [id]);

  const recorded = (visit: RecordedVisit) => {
    announceVisit({ householdId: id, visitedAt: visit.visitedAt, complete: isCompleteVisit(visit.items) });
    void detail.reload();
  };

  return (
    <PageShell name='ledger-household'>
      {isFinalError(detail.error) ? (
        <BlockedState error={detail.error} />
      ) : (
        <CallView state={detail} loadingText='正在读取住户信息…'>
          {(h) => (
            <>
              <View className='lzt-card household-head'>
                <View className='lzt-title' id='household-address'>
                  {h.address}
                </View>
                <View className='lzt-sub'>{h.bound ? '已扫码绑定' : '尚未扫码绑定'}</View>
              </View>
              <CellGroup title='住户信息'>
                <Cell id='household-people' title='家庭人数' value={`${h.people}人`} />
                <PhoneCell phone={h.phone} />
              </CellGroup>
              <VisitForm householdId={h.id} onRecorded={recorded} />
              <CellGroup title='收集一批问题' footer='住户提出的问题登记为民情反映，按三事分流办理，住户能看到办理进度。'>
                <Cell
                  id='household-collect'
                  title='收集一批问题'
                  description={todaysVisit(h.visits) ? '关联今天的走访' : '为这户登记问题'}
                  onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/report', { householdId: h.id, visitId: todaysVisit(h.visits), address: h.address }) })}
                />
              </CellGroup>
              <View className='lzt-section-title'>走访记录（最近 {h.visits.length} 次）</View>
              <VisitHistory visits={h.visits} />
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
