// One perk: what it is, for whom, how long, how often I have used it this period, the
// partner's hours, phone (拨打) and address (导航), and the big 出示优惠码 button.
import { Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call, type Output } from '../api/client';
import { fileSrc } from '../api/fileSrc';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { cnDate } from '../utils/beijingTime';
import LeadsOnly from './parts/LeadsOnly';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './styles/leads-only.scss';
import './styles/detail.scss';

type Detail = Output<'perk', 'get'>;
type Partner = Detail['perk']['partner'];

function navigate(p: Partner) {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: p.location.lat, longitude: p.location.lng, name: p.name, address: p.address, scale: 17 });
    return;
  }
  // The H5 dev build has no map: say where it is.
  void Taro.showModal({ title: p.name, content: `${p.address}\n导航请在微信小程序中使用。`, showCancel: false, confirmText: '知道了' });
}

function dial(phone: string) {
  void Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d]/g, '') }).catch(() => undefined);
}

function Head({ d }: { d: Detail }) {
  const { perk } = d;
  return (
    <View className='lzt-card perk-head' id='perk-head'>
      <View className='perk-head__top'>
        {perk.partner.logo ? (
          <Image className='perk-head__logo' id='perk-logo' src={fileSrc(perk.partner.logo)} mode='aspectFill' />
        ) : (
          <View className='perk-head__logo perk-head__logo--text'>{perk.partner.name.slice(0, 1)}</View>
        )}
        <View className='perk-head__partner'>
          <View className='perk-head__partner-name' id='perk-partner-name'>
            {perk.partner.name}
          </View>
          <View className='lzt-tag'>{perk.partner.categoryLabel}</View>
        </View>
      </View>
      <View className='lzt-title perk-head__title' id='perk-title'>
        {perk.title}
      </View>
      <View className='perk-head__chips'>
        <View className='lzt-chip lzt-chip--done'>{perk.forWhom}</View>
        <View className='lzt-chip lzt-chip--none'>{perk.limitText}</View>
      </View>
    </View>
  );
}

function PassButton({ d }: { d: Detail }) {
  const { perk, usage, canPass } = d;
  if (canPass) {
    return (
      <View className='lzt-btn-wrap perk-pass-wrap'>
        <PrimaryButton id='perk-open-pass' className='perk-pass-btn' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/pass', { id: perk.id }) })}>
          出示优惠码
        </PrimaryButton>
        <View className='lzt-sub perk-pass-hint'>到店后再打开，请商家店员扫码或输入8位数字核销</View>
      </View>
    );
  }
  const why = !perk.eligible ? perk.reason ?? '您暂不能使用这项优惠' : usage.used >= usage.count ? `${usage.text}，本期次数已用完` : '暂不能出示优惠码';
  return (
    <View className='perk-cannot' id='perk-cannot' aria-role='alert'>
      <View className='perk-cannot__title'>不能出示优惠码</View>
      <View className='perk-cannot__reason' id='perk-reason'>
        {why}
      </View>
    </View>
  );
}

function Body({ d }: { d: Detail }) {
  const { perk, usage, partnerIntro } = d;
  const p = perk.partner;
  return (
    <>
      <Head d={d} />
      <PassButton d={d} />
      <CellGroup title='优惠内容'>
        <Cell id='perk-description' title={perk.description} />
        <Cell id='perk-validity' className='perk-contact' title='有效期' description={`${cnDate(perk.validFrom)} 至 ${cnDate(perk.validTo)}`} />
        <Cell id='perk-usage' title='我的使用' description={usage.text} value={`${usage.used}/${usage.count}`} />
      </CellGroup>
      <CellGroup title='商家信息'>
        <Cell id='perk-hours' className='perk-contact' title='营业时间' description={p.hours} />
        <Cell
          id='perk-phone'
          className='perk-contact'
          title='电话'
          description={p.phone}
          value={
            <PrimaryButton kind='default' id='perk-call' className='perk-inline-btn' onClick={() => dial(p.phone)}>
              拨打
            </PrimaryButton>
          }
        />
        <Cell
          id='perk-address'
          className='perk-contact'
          title='地址'
          description={p.address}
          value={
            <PrimaryButton kind='default' id='perk-navigate' className='perk-inline-btn' onClick={() => navigate(p)}>
              导航
            </PrimaryButton>
          }
        />
        {partnerIntro ? <Cell id='perk-partner-intro' title='商家简介' description={partnerIntro} /> : null}
      </CellGroup>
    </>
  );
}

export default function PerkDetailPage() {
  const id = useRouter().params.id ?? '';
  // Shown again after the pass page: the usage count may have moved.
  const detail = useCall(() => call('perk', 'get', { perkId: id }), [id], { refreshOnShow: true });
  return (
    <PageShell name='perk-detail'>
      {detail.error && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'INVALID_INPUT'].includes(detail.error.code) ? (
        <LeadsOnly error={detail.error} />
      ) : (
        <CallView state={detail} loadingText='正在读取优惠详情…'>
          {(d) => <Body d={d} />}
        </CallView>
      )}
    </PageShell>
  );
}
