// A perk of one partner, new or existing (管理员): title, content, who may use it, the dates
// it is valid (Beijing days, both inclusive), how often each person may use it, 上架/下架.
import { Picker, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { EligibilityT, LimitPeriodT, PerkAdminT } from '../../contracts/perk';
import { call, type Output } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import CheckRow from '../components/form/CheckRow';
import { Field, FormError, TextArea, TextInput } from '../components/form/Field';
import Stepper from '../components/form/Stepper';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { cnDate, DAY_MS, formatDate, fromPickers } from '../utils/beijingTime';
import { ELIGIBILITY, ELIGIBILITY_LABELS, PERIOD_LABELS, PERIODS } from './labels';
import Chips from './parts/Chips';
import { useAction } from '../hooks/useAction';
import '../components/work.scss';
import '../components/form/form.scss';
import './styles/chips.scss';
import './styles/edit.scss';

type PartnerData = Output<'perk', 'partner'>;

/** The last ms of a Beijing day (validTo is inclusive). */
const dayEnd = (ymd: string) => fromPickers(ymd) + DAY_MS - 1;

const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: p === 'total' ? '每人累计' : PERIOD_LABELS[p] }));
const STATUS_OPTIONS = [
  { value: 'active' as const, label: '上架（三长可见）' },
  { value: 'suspended' as const, label: '下架' },
];

const limitPreview = (count: number, period: LimitPeriodT) => (period === 'total' ? `每人共${count}次` : `${PERIOD_LABELS[period]}${count}次`);

function DateRow({ id, label, value, start, onChange }: { id: string; label: string; value: string; start?: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='perk-date' id={id} hoverClass='perk-date--active'>
        <View className='perk-date__label'>{label}</View>
        <View className='perk-date__value'>{cnDate(fromPickers(value))}</View>
        <View className='lzt-cell__arrow' />
      </View>
    </Picker>
  );
}

function PerkForm({ partnerId, perk, onSaved }: { partnerId: string; perk: PerkAdminT | null; onSaved: () => void }) {
  const today = formatDate(Date.now());
  const [title, setTitle] = useState(perk?.title ?? '');
  const [description, setDescription] = useState(perk?.description ?? '');
  const [eligibility, setEligibility] = useState<EligibilityT[]>(perk?.eligibility ?? ['neighbourLead', 'groupLead', 'areaLead']);
  const [from, setFrom] = useState(perk ? formatDate(perk.validFrom) : today);
  const [to, setTo] = useState(perk ? formatDate(perk.validTo) : formatDate(Date.now() + 365 * DAY_MS));
  const [count, setCount] = useState(perk?.limit.count ?? 1);
  const [period, setPeriod] = useState<LimitPeriodT>(perk?.limit.period ?? 'month');
  const [status, setStatus] = useState<'active' | 'suspended'>(perk?.status ?? 'active');
  const [problem, setProblem] = useState('');
  const { busy, error, run } = useAction();

  const toggle = (e: EligibilityT, on: boolean) => setEligibility((list) => (on ? [...list.filter((x) => x !== e), e] : list.filter((x) => x !== e)));

  function check(): string {
    if (!title.trim()) return '请填写优惠名称';
    if (!description.trim()) return '请填写优惠内容';
    if (eligibility.length === 0) return '请选择适用对象';
    if (dayEnd(to) <= fromPickers(from)) return '结束日期应晚于开始日期';
    return '';
  }

  async function save() {
    const p = check();
    setProblem(p);
    if (p) return;
    const data = await run('save', () =>
      call('perk', 'savePerk', {
        ...(perk ? { perkId: perk.id } : {}),
        partnerId,
        title: title.trim(),
        description: description.trim(),
        eligibility,
        validFrom: fromPickers(from),
        validTo: dayEnd(to),
        limit: { count, period },
        status,
      }),
    );
    if (data) onSaved();
  }

  return (
    <View id='perk-form'>
      <View className='lzt-form'>
        <Field id='perk-title' label='优惠名称'>
          <TextInput value={title} onChange={setTitle} maxlength={30} placeholder='如：堂食九折' />
        </Field>
        <Field id='perk-description' label='优惠内容'>
          <TextArea value={description} onChange={setDescription} maxlength={300} placeholder='优惠的具体内容和使用说明，如：凭优惠码堂食九折，酒水除外' />
        </Field>
        <Field id='perk-eligibility' label='适用对象（可多选）' hint='“最美邻长”指获得最美邻长表彰的在任三长。'>
          {ELIGIBILITY.map((e) => (
            <CheckRow key={e} id={`perk-eligibility-${e}`} checked={eligibility.includes(e)} onChange={(on) => toggle(e, on)}>
              {ELIGIBILITY_LABELS[e]}
            </CheckRow>
          ))}
        </Field>
        <Field id='perk-validity' label='有效期（北京时间，含起止当天）'>
          <DateRow id='perk-valid-from' label='开始日期' value={from} onChange={setFrom} />
          <DateRow id='perk-valid-to' label='结束日期' value={to} start={from} onChange={setTo} />
        </Field>
        <Field id='perk-limit' label='每人限用' hint={`即：${limitPreview(count, period)}`}>
          <Chips id='perk-limit-period' options={PERIOD_OPTIONS} value={period} onChange={setPeriod} />
          <View className='perk-limit-count'>
            <Stepper id='perk-limit-count' value={count} min={1} max={99} unit='次' onChange={setCount} />
          </View>
        </Field>
        {perk ? (
          <Field id='perk-status' label='状态' hint='下架后三长看不到这项优惠，也不能核销；记录保留。'>
            <Chips id='perk-status-chips' options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          </Field>
        ) : null}
      </View>
      <View id='perk-form-error'>
        <FormError message={problem || error || null} />
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='perk-save' disabled={!!busy} loading={busy === 'save' || undefined} onClick={() => void save()}>
          {busy === 'save' ? '正在保存…' : '保存'}
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function PerkEditPage() {
  const { partnerId = '', perkId } = useRouter().params;
  const state = useCall(() => call('perk', 'partner', { partnerId }), [partnerId]);
  const saved = () => {
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setTimeout(() => void Taro.navigateBack(), 600);
  };
  return (
    <PageShell name='perk-edit'>
      {isFinalError(state.error) ? (
        <BlockedState error={state.error} />
      ) : (
        <CallView state={state} loadingText='正在读取…'>
          {(data: PartnerData) => {
            const perk = perkId ? data.perks.find((k) => k.id === perkId) ?? null : null;
            if (perkId && !perk) return <BlockedState error={{ code: 'NOT_FOUND', message: '没有找到这项优惠' }} />;
            return (
              <>
                <View className='lzt-card'>
                  <View className='lzt-sub'>{data.partner.name}</View>
                  <View className='lzt-title'>{perk ? '修改优惠' : '新增优惠'}</View>
                </View>
                <PerkForm partnerId={data.partner.id} perk={perk} onSaved={saved} />
              </>
            );
          }}
        </CallView>
      )}
    </PageShell>
  );
}
