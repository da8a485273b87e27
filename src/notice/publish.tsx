// 发布通知 (管理员 and 三长), or 修改通知 with ?id=: the scope (only where the caller may publish,
// with its households), title, body, up to 9 images, 置顶, 有效期. The function checks the text
// (内容安全) before anything is stored and says why when it refuses.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CheckRow from '../components/form/CheckRow';
import ChoiceList from '../components/form/ChoiceList';
import { Field, FormError, TextArea, TextInput } from '../components/form/Field';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PhotoPicker from '../components/PhotoPicker';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { cnDate } from '../utils/beijingTime';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { BODY_MAX, checkDraft, EXPIRY_CHOICES, IMAGES_MAX, newDraft, TITLE_MAX, type Draft } from './parts/noticeForm';
import '../components/work.scss';
import './notice.scss';

type Target = Output<'notice', 'targets'>['targets'][number];
type Detail = Output<'notice', 'get'>;

async function load(id: string) {
  const targets = await call('notice', 'targets', {});
  if (!targets.ok) return targets;
  if (!id) return { ok: true as const, data: { targets: targets.data.targets, editing: null as Detail | null } };
  const n = await call('notice', 'get', { id });
  return n.ok ? { ok: true as const, data: { targets: targets.data.targets, editing: n.data } } : n;
}

const targetLabel = (t: Target) => `${t.name}（${t.households} 户）`;

function Form({ targets, editing }: { targets: Target[]; editing: Detail | null }) {
  const [draft, setDraft] = useState<Draft>(() =>
    editing
      ? { scopeId: editing.scope.id, title: editing.title, body: editing.body, images: editing.images, pinned: editing.pinned, expiry: { keep: editing.expiresAt } }
      : newDraft(targets[0]?.id ?? ''),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  async function submit() {
    if (busy) return;
    const checked = checkDraft(draft, Date.now());
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const { scopeId, ...fields } = checked.input;
    const reply = editing ? await call('notice', 'update', { id: editing.id, ...fields }) : await call('notice', 'publish', { scopeId, ...fields });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    void Taro.showToast({ title: editing ? '已保存' : '已发布', icon: 'success' });
    if (editing) void Taro.navigateBack();
    else void Taro.redirectTo({ url: pageUrl('notice/detail', { id: reply.data.notice.id }) });
  }

  const scope = targets.find((t) => t.id === draft.scopeId);
  const expiryLabel =
    'days' in draft.expiry
      ? (EXPIRY_CHOICES.find((c) => c.key === (draft.expiry as { days: number }).days)?.label ?? '')
      : draft.expiry.keep
        ? `有效期至 ${cnDate(draft.expiry.keep)}（不改）`
        : '长期有效（直到撤回）';
  const expiryOptions = [...('keep' in draft.expiry && draft.expiry.keep ? [expiryLabel] : []), ...EXPIRY_CHOICES.map((c) => c.label)];
  return (
    <View id='notice-form'>
      <View className='lzt-form'>
        {editing ? (
          <Field id='notice-scope' label='发布范围' hint='发布后不能更改范围；要发给别的范围，请重新发布一条。'>
            <View className='notice-form__fixed'>{editing.scope.name}</View>
          </Field>
        ) : (
          <Field id='notice-scope' label='发布范围' hint={scope ? `范围内的 ${scope.households} 户居民会在首页看到这条通知。` : undefined}>
            <ChoiceList id='notice-scope-choices' options={targets.map(targetLabel)} value={scope ? targetLabel(scope) : ''} onChange={(label) => set({ scopeId: targets.find((t) => targetLabel(t) === label)!.id })} />
          </Field>
        )}
        <Field id='notice-title' label='标题'>
          <TextInput value={draft.title} onChange={(title) => set({ title })} placeholder='例如：本周六上午小区停水检修' maxlength={TITLE_MAX} />
        </Field>
        <Field id='notice-body' label='正文' hint='写清楚时间、地点、要居民做什么；发布前会经过内容安全检查。'>
          <TextArea value={draft.body} onChange={(body) => set({ body })} placeholder='各位居民：……' maxlength={BODY_MAX} />
        </Field>
        <Field id='notice-images' label={`图片（最多 ${IMAGES_MAX} 张）`} optional>
          <PhotoPicker id='notice-image-picker' value={draft.images} onChange={(images) => set({ images })} max={IMAGES_MAX} addLabel='添加图片' folder='pub/notice' />
        </Field>
      </View>
      <View className='lzt-section-title'>显示方式</View>
      <View className='lzt-form'>
        <Field id='notice-pin' label='置顶'>
          <CheckRow id='notice-pinned' checked={draft.pinned} onChange={(pinned) => set({ pinned })}>
            在居民首页和通知列表里排在最前面
          </CheckRow>
        </Field>
        <Field id='notice-expiry' label='有效期' hint='过了有效期，居民就不再看到这条通知。'>
          <ChoiceList
            id='notice-expiry-choices'
            options={expiryOptions}
            value={expiryLabel}
            onChange={(label) => {
              const c = EXPIRY_CHOICES.find((x) => x.label === label);
              if (c) set({ expiry: { days: c.key } });
            }}
          />
        </Field>
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='notice-submit' disabled={busy} loading={busy || undefined} onClick={() => void submit()}>
          {busy ? (editing ? '正在保存…' : '正在发布…') : editing ? '保存修改' : '发布通知'}
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function NoticePublishPage() {
  const id = decodeParam(useRouter().params.id);
  const state = useCall(() => load(id), [id]);
  const d = state.data;
  let body;
  if (d) body = <Form targets={d.targets} editing={d.editing} />;
  else if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
  else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  else body = <Loading text='正在打开…' />;
  return <PageShell name='notice-publish'>{body}</PageShell>;
}
