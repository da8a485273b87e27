import Taro from '@tarojs/taro';
import { fetchWhoami } from '../../api/whoami';
import CallView from '../../components/CallView';
import { Cell, CellGroup } from '../../components/Cell';
import EmptyState from '../../components/EmptyState';
import PageShell from '../../components/PageShell';
import PrimaryButton from '../../components/PrimaryButton';
import { useCall } from '../../hooks/useCall';
import { scanLeadCard } from '../../utils/scanCard';
import MyLeadCard from './MyLeadCard';
import { pageUrl } from '../../utils/pageUrl';

const openHousehold = () => void Taro.navigateTo({ url: pageUrl('account/household') });
const openReport = () => void Taro.navigateTo({ url: pageUrl('minqing/report') });

function Unbound() {
  return (
    <EmptyState
      id='card-unbound'
      title='还没有找到您的邻长'
      description='扫描门上或楼栋群里的邻长联系卡，就能找到您的邻长'
      action={
        process.env.TARO_ENV === 'weapp' ? (
          <PrimaryButton id='card-scan' onClick={() => void scanLeadCard()}>
            扫一扫
          </PrimaryButton>
        ) : undefined
      }
    />
  );
}

export default function CardPage() {
  const who = useCall(fetchWhoami, [], { refreshOnShow: true });
  return (
    <PageShell name='card'>
      <CallView state={who}>
        {(me) =>
          me.household ? (
            <>
              <MyLeadCard unitId={me.household.unitId} />
              <CellGroup title='我的住户'>
                <Cell id='card-household' title={me.household.address} description='查看、修改我家登记的信息' onClick={openHousehold} />
              </CellGroup>
              <CellGroup title='有事找邻长'>
                <Cell id='card-report' title='反映问题' description='拍照说一说，邻长接单办理，进度在“我的 › 消息”里看' onClick={openReport} />
              </CellGroup>
            </>
          ) : (
            <Unbound />
          )
        }
      </CallView>
    </PageShell>
  );
}
