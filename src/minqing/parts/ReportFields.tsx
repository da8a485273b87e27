// The fields of one 民情 report (the resident's own, or one the 邻长 collects on a visit):
// category chips, description, up to 9 photos, where, 紧急, 对邻居匿名, contact consent.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_PROBLEM_PHOTOS } from '../../../contracts/minqing-labels';
import CheckRow from '../../components/form/CheckRow';
import { Field, TextArea, TextInput } from '../../components/form/Field';
import PhotoPicker from '../../components/PhotoPicker';
import PrimaryButton from '../../components/PrimaryButton';
import type { Category } from '../types';
import '../../components/form/form.scss';
import '../minqing.scss';

export const DESCRIPTION_MAX = 500;
export const PLACE_MAX = 60;

export interface DraftState {
  category: string;
  description: string;
  photos: string[];
  place: string;
  point?: { latitude: number; longitude: number; name?: string };
  urgent: boolean;
  anonymous: boolean;
  contactConsent: boolean;
}

export const emptyDraft = (place = ''): DraftState => ({
  category: '',
  description: '',
  photos: [],
  place,
  urgent: false,
  anonymous: false,
  contactConsent: false,
});

/** What is missing, in the words the form shows; null when it can be sent. */
export function draftProblem(d: DraftState): string | null {
  if (!d.category) return '请选择问题类别';
  if (!d.description.trim()) return '请写一写遇到了什么问题';
  return null;
}

/** The draft as the contract takes it. */
export function toInput(d: DraftState) {
  const place = d.place.trim();
  return {
    category: d.category,
    description: d.description.trim(),
    photos: d.photos,
    ...(place ? { place } : {}),
    ...(d.point ? { point: d.point } : {}),
    urgent: d.urgent,
    anonymous: d.anonymous,
    contactConsent: d.contactConsent,
  };
}

interface Props {
  categories: Category[];
  value: DraftState;
  onChange: (d: DraftState) => void;
  /** 邻长 collecting for a household: the wording speaks of the household. */
  onBehalf?: boolean;
}

async function pickPoint(): Promise<DraftState['point'] | null> {
  try {
    const r = await Taro.chooseLocation({});
    return { latitude: r.latitude, longitude: r.longitude, ...(r.name ? { name: r.name.slice(0, PLACE_MAX) } : {}) };
  } catch {
    return null; // cancelled or refused: the typed place stays
  }
}

export default function ReportFields({ categories, value, onChange, onBehalf }: Props) {
  const set = (patch: Partial<DraftState>) => onChange({ ...value, ...patch });
  // chooseLocation is a WeChat map; H5 (the local server) has none: the place is typed.
  const canPickOnMap = process.env.TARO_ENV === 'weapp';

  async function onMap() {
    const point = await pickPoint();
    if (point) set({ point, place: point.name ?? value.place });
  }

  return (
    <View className='lzt-form mq-form'>
      <Field id='report-category' label='问题类别'>
        <View className='mq-chips' id='report-category-chips'>
          {categories.map((c) => (
            <View
              key={c.id}
              id={`report-category-${c.id}`}
              className={`mq-chip${value.category === c.id ? ' mq-chip--on' : ''}`}
              hoverClass='mq-chip--active'
              aria-role='radio'
              aria-checked={value.category === c.id}
              onClick={() => set({ category: c.id })}
            >
              {c.label}
            </View>
          ))}
        </View>
      </Field>
      <Field id='report-description' label={onBehalf ? '住户反映的问题' : '遇到了什么问题'} hint='写清楚是什么事、在哪里、从什么时候开始，办理人员会尽快联系处理。'>
        <TextArea
          value={value.description}
          onChange={(description) => set({ description })}
          placeholder='例如：3栋2单元楼道灯坏了一个星期，晚上上下楼看不清'
          maxlength={DESCRIPTION_MAX}
        />
      </Field>
      <Field id='report-photos' label='照片' optional hint={`最多 ${MAX_PROBLEM_PHOTOS} 张，拍下现场更容易说清楚。`}>
        <PhotoPicker id='report-photo-picker' value={value.photos} onChange={(photos) => set({ photos })} max={MAX_PROBLEM_PHOTOS} folder='minqing' />
      </Field>
      <Field id='report-place' label='地点' optional hint={canPickOnMap ? '已按住户的楼栋单元填好，可以修改，或在地图上选点。' : '已按住户的楼栋单元填好，可以修改。'}>
        <TextInput value={value.place} onChange={(place) => set({ place, point: undefined })} placeholder='例如：3栋2单元楼道' maxlength={PLACE_MAX} />
        {canPickOnMap ? (
          <PrimaryButton id='report-map' kind='default' className='mq-map-btn' onClick={() => void onMap()}>
            {value.point ? `已选：${value.point.name ?? '地图上的位置'}（重新选择）` : '在地图上选点'}
          </PrimaryButton>
        ) : null}
      </Field>
      <View className='mq-flags'>
        <CheckRow id='report-urgent' checked={value.urgent} onChange={(urgent) => set({ urgent })}>
          紧急（涉及人身财产安全）
          <View className='lzt-sub'>优先受理，邻长、组长、片长等立即收到提醒</View>
        </CheckRow>
        <CheckRow id='report-anonymous' checked={value.anonymous} onChange={(anonymous) => set({ anonymous })}>
          对邻居匿名
          <View className='lzt-sub'>只有办理的邻长、组长、片长和社区看得到是谁反映的</View>
        </CheckRow>
        <CheckRow id='report-contact' checked={value.contactConsent} onChange={(contactConsent) => set({ contactConsent })}>
          {onBehalf ? '住户同意办理人员打电话联系' : '同意办理人员打电话联系我'}
          <View className='lzt-sub'>不勾选时，办理人员看不到电话号码</View>
        </CheckRow>
      </View>
    </View>
  );
}
