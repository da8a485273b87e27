// A partner's details (new or existing): name, category, address, coordinates (with a hint
// how to find them), hours, phone, logo, intro. Simple checks here; the server checks again and
// its message is shown as it is.
import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import type { PartnerAdminT, PerkCategoryT } from '../../../contracts/perk';
import { call } from '../../api/client';
import { fileSrc } from '../../api/fileSrc';
import { uploadPhotos } from '../../api/photos';
import { Field, FormError, TextArea, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { CATEGORIES, CATEGORY_LABELS } from '../labels';
import Chips from './Chips';
import { useAction } from '../../hooks/useAction';
import '../../components/form/form.scss';

interface Props {
  partner: PartnerAdminT | null;
  scope: { id: string; name: string };
  onSaved: (partner: PartnerAdminT) => void;
}

const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** "27.8612" → 27.8612; anything else → NaN. */
const toNumber = (s: string) => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : NaN);

export default function PartnerForm({ partner, scope, onSaved }: Props) {
  const [name, setName] = useState(partner?.name ?? '');
  const [category, setCategory] = useState<PerkCategoryT | null>(partner?.category ?? null);
  const [address, setAddress] = useState(partner?.address ?? '');
  const [lat, setLat] = useState(partner ? String(partner.location.lat) : '');
  const [lng, setLng] = useState(partner ? String(partner.location.lng) : '');
  const [hours, setHours] = useState(partner?.hours ?? '');
  const [phone, setPhone] = useState(partner?.phone ?? '');
  const [intro, setIntro] = useState(partner?.intro ?? '');
  const [logo, setLogo] = useState(partner?.logo ?? '');
  const [logoBusy, setLogoBusy] = useState(false);
  const [logoError, setLogoError] = useState('');
  const [problem, setProblem] = useState('');
  const { busy, error, run } = useAction();

  function check(): string {
    if (!name.trim()) return '请填写商家名称';
    if (!category) return '请选择类别';
    if (!address.trim()) return '请填写地址';
    if (Number.isNaN(toNumber(lat))) return '纬度请填数字，如 27.8612';
    if (Number.isNaN(toNumber(lng))) return '经度请填数字，如 112.9531';
    if (!hours.trim()) return '请填写营业时间';
    if (!phone.trim()) return '请填写电话';
    return '';
  }

  async function pickLogo() {
    if (logoBusy) return;
    setLogoError('');
    setLogoBusy(true);
    const picked = await uploadPhotos(1, 'pub/partners');
    setLogoBusy(false);
    if (picked && !picked.ok) setLogoError(picked.error.message);
    else if (picked?.ok && picked.data[0]) setLogo(picked.data[0]);
  }

  async function save() {
    const p = check();
    setProblem(p);
    if (p || !category) return;
    const data = await run('save', () =>
      call('perk', 'savePartner', {
        ...(partner ? { partnerId: partner.id } : {}),
        name: name.trim(),
        category,
        address: address.trim(),
        location: { lat: toNumber(lat), lng: toNumber(lng) },
        hours: hours.trim(),
        phone: phone.trim(),
        ...(intro.trim() ? { intro: intro.trim() } : {}),
        ...(logo ? { logo } : {}),
        scopeId: partner?.scope.id ?? scope.id,
      }),
    );
    if (data) onSaved(data.partner);
  }

  return (
    <View id='partner-form'>
      <View className='lzt-form'>
        <Field id='partner-name' label='商家名称' hint='全区不能重名，分店请写上店名，如“XX药房（建设路店）”'>
          <TextInput value={name} onChange={setName} maxlength={30} placeholder='如：湘味小厨' />
        </Field>
        <Field id='partner-category' label='类别'>
          <Chips id='partner-category-chips' options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        </Field>
        <Field id='partner-address' label='地址'>
          <TextInput value={address} onChange={setAddress} maxlength={60} placeholder='如：岳塘区示范路18号' />
        </Field>
        <Field
          id='partner-location'
          label='位置（用于导航和按距离排列）'
          hint='在腾讯地图的“坐标拾取器”里点选门店，复制纬度和经度。岳塘约为 纬度 27.8、经度 112.9，注意不要填反。'
        >
          <View className='partner-latlng'>
            <View className='partner-latlng__item' id='partner-lat'>
              <View className='partner-latlng__label'>纬度</View>
              <TextInput value={lat} onChange={setLat} type='digit' maxlength={12} placeholder='27.8612' />
            </View>
            <View className='partner-latlng__item' id='partner-lng'>
              <View className='partner-latlng__label'>经度</View>
              <TextInput value={lng} onChange={setLng} type='digit' maxlength={12} placeholder='112.9531' />
            </View>
          </View>
        </Field>
        <Field id='partner-hours' label='营业时间'>
          <TextInput value={hours} onChange={setHours} maxlength={40} placeholder='如：每天 10:00-21:00' />
        </Field>
        <Field id='partner-phone' label='电话' hint='手机号或带区号的固话，如 0731-58001234'>
          <TextInput value={phone} onChange={setPhone} maxlength={20} placeholder='0731-58001234' />
        </Field>
        <Field id='partner-logo' label='门头照或标志' optional hint='显示在优惠详情里，方便三长找到门店'>
          <View className='partner-logo'>
            {logo ? <Image className='partner-logo__img' src={fileSrc(logo)} mode='aspectFill' /> : null}
            <View className='partner-logo__actions'>
              <PrimaryButton id='partner-logo-upload' kind='default' loading={logoBusy || undefined} disabled={logoBusy} onClick={() => void pickLogo()}>
                {logoBusy ? '正在上传…' : logo ? '更换' : '上传图片'}
              </PrimaryButton>
              {logo && !logoBusy ? (
                <PrimaryButton id='partner-logo-remove' kind='warn' onClick={() => setLogo('')}>
                  移除
                </PrimaryButton>
              ) : null}
            </View>
          </View>
          {logoError ? <FormError message={logoError} /> : null}
        </Field>
        <Field id='partner-intro' label='商家简介' optional>
          <TextArea value={intro} onChange={setIntro} maxlength={200} placeholder='一两句话介绍商家' />
        </Field>
      </View>
      <View className='lzt-sub partner-scope'>由{partner?.scope.name ?? scope.name}管理</View>
      <View id='partner-error'>
        <FormError message={problem || error || null} />
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='partner-save' disabled={!!busy} loading={busy === 'save' || undefined} onClick={() => void save()}>
          {busy === 'save' ? '正在保存…' : partner ? '保存修改' : '保存并添加优惠'}
        </PrimaryButton>
      </View>
    </View>
  );
}
