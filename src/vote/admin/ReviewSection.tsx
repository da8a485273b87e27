// 审核提名: pending nominations to approve (a 编号 is given; photos can be turned down one by
// one) or reject with a reason; approved candidates can be disqualified (with a reason);
// and 组织推荐, where the 管理员 names a 邻长 directly.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PagedList from '../../components/PagedList';
import PrimaryButton from '../../components/PrimaryButton';
import { usePaged } from '../../hooks/usePaged';
import LeadPicker, { type PickedLead } from '../parts/LeadPicker';
import NominationCard from '../parts/NominationCard';
import PhotoPicker from '../../components/PhotoPicker';
import { useAction } from '../../hooks/useAction';
import type { Campaign, Nomination, NominationsPage } from '../types';
import Tabs, { type Tab } from '../../components/Tabs';
import { CANDIDATE_STATUS_LABELS } from '../../../contracts/vote-labels';

type Status = 'pending' | 'approved' | 'rejected';
const TABS: Tab<Status>[] = (['pending', 'approved', 'rejected'] as const).map((key) => ({ key, label: CANDIDATE_STATUS_LABELS[key] }));

function ReviewCard({ n, closed, onReviewed }: { n: Nomination; closed: boolean; onReviewed: (n: Nomination) => void }) {
  const { busy, error, setError, run } = useAction();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [rejectPhotos, setRejectPhotos] = useState<string[]>([]);
  const pending = n.status === 'pending';
  const toggle = (f: string) => setRejectPhotos((p) => (p.includes(f) ? p.filter((x) => x !== f) : [...p, f]));

  async function review(approve: boolean) {
    if (!approve && !reason.trim()) return setError(pending ? '不通过时请写明原因' : '取消资格时请写明原因');
    const data = await run(approve ? 'approve' : 'reject', () =>
      call('vote', 'review', { candidateId: n.id, approve, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(approve ? { rejectPhotos } : {}) }),
    );
    if (!data) return;
    void Taro.showToast({ title: approve ? `已入围 ${data.nomination.no ?? ''}号` : pending ? '已退回' : '已取消资格', icon: 'success' });
    setRejecting(false);
    onReviewed(data.nomination);
  }

  const actionable = !closed && (pending || n.status === 'approved');
  return (
    <NominationCard n={n} showNominator rejectPhotos={pending ? rejectPhotos : undefined} onTogglePhoto={pending ? toggle : undefined}>
      {pending && n.photos.length > 0 ? <View className='lzt-sub'>点照片可以单独设为“不通过”，不通过的照片不会公开。</View> : null}
      {actionable ? (
        <>
          {rejecting ? (
            <Field id={`review-reason-${n.id}`} label={pending ? '不通过的原因（会告知推荐人）' : '取消资格的原因（记入操作记录）'}>
              <TextArea value={reason} onChange={setReason} maxlength={200} placeholder='请写明原因' />
            </Field>
          ) : null}
          <FormError message={error} />
          <View className='nomination__actions'>
            {rejecting ? (
              <>
                <PrimaryButton kind='default' onClick={() => setRejecting(false)}>
                  取消
                </PrimaryButton>
                <PrimaryButton className='review-reject-confirm' kind='warn' loading={busy === 'reject' || undefined} disabled={!!busy} onClick={() => void review(false)}>
                  {pending ? '确认不通过' : '确认取消资格'}
                </PrimaryButton>
              </>
            ) : pending ? (
              <>
                <PrimaryButton className='review-reject' kind='warn' disabled={!!busy} onClick={() => setRejecting(true)}>
                  不通过
                </PrimaryButton>
                <PrimaryButton className='review-approve' loading={busy === 'approve' || undefined} disabled={!!busy} onClick={() => void review(true)}>
                  通过并编号
                </PrimaryButton>
              </>
            ) : (
              <PrimaryButton className='review-disqualify' kind='warn' disabled={!!busy} onClick={() => setRejecting(true)}>
                取消候选资格
              </PrimaryButton>
            )}
          </View>
        </>
      ) : null}
    </NominationCard>
  );
}

function OrgNominate({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [lead, setLead] = useState<PickedLead | null>(null);
  const [story, setStory] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (!lead) return setError('请先选择一位邻长');
    if (!story.trim()) return setError('请写明推荐理由和事迹');
    const data = await run('nominate', () => call('vote', 'nominate', { campaignId: campaign.id, unitId: lead.unitId, story: story.trim(), photos }));
    if (!data) return;
    void Taro.showToast({ title: `已入围 ${data.nomination.no ?? ''}号`, icon: 'success' });
    setOpen(false);
    setLead(null);
    setStory('');
    setPhotos([]);
    onDone();
  }

  if (!open) {
    return (
      <View className='lzt-btn-wrap'>
        <PrimaryButton kind='default' id='org-nominate-open' onClick={() => setOpen(true)}>
          ＋ 组织推荐一位邻长（直接入围）
        </PrimaryButton>
      </View>
    );
  }
  return (
    <View id='org-nominate'>
      <View className='lzt-section-title'>组织推荐：选择邻长</View>
      {lead ? (
        <View className='lzt-card nominate-picked'>
          已选：<View className='nominate-picked__name'>{lead.leadName}</View>
          <View className='lzt-sub'>{lead.unitName}</View>
        </View>
      ) : null}
      <LeadPicker id='org-lead' scope={campaign.scope} value={lead} onChange={setLead} />
      <View className='lzt-form'>
        <Field id='org-story' label='推荐理由和事迹'>
          <TextArea value={story} onChange={setStory} maxlength={800} placeholder='写清楚这位邻长为邻里做的好事' />
        </Field>
        <Field id='org-photos' label='照片' optional>
          <PhotoPicker id='org-photo-picker' value={photos} onChange={setPhotos} max={6} folder='pub/vote' />
        </Field>
      </View>
      <FormError message={error} />
      <View className='nomination__actions lzt-pad'>
        <PrimaryButton kind='default' onClick={() => setOpen(false)}>
          取消
        </PrimaryButton>
        <PrimaryButton id='org-nominate-submit' loading={!!busy || undefined} disabled={!!busy} onClick={() => void submit()}>
          提交并入围
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function ReviewSection({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const [status, setStatus] = useState<Status>('pending');
  const [refresh, setRefresh] = useState(0);
  const list = usePaged<Nomination, NominationsPage>((page) => call('vote', 'nominations', { campaignId: campaign.id, status, page, pageSize: 10 }), [campaign.id, status, refresh]);
  const closed = campaign.status === 'closed';
  // After the results nothing changes; before them the server says what still can (CLOSED).
  const settled = !!campaign.results;
  const reviewed = (n: Nomination) => {
    list.patch((items) => items.map((x) => (x.id === n.id ? n : x)));
    onChanged();
  };
  return (
    <View id='manage-review'>
      {closed ? null : (
        <OrgNominate
          campaign={campaign}
          onDone={() => {
            setRefresh((r) => r + 1);
            onChanged();
          }}
        />
      )}
      <Tabs items={TABS} value={status} onChange={setStatus} idPrefix='review-tab-' />
      <PagedList
        id='review-list'
        state={list}
        loadingText='正在读取提名…'
        emptyTitle={status === 'pending' ? '没有待审核的提名' : status === 'approved' ? '还没有入围的候选人' : '没有未通过的提名'}
        emptyDescription={status === 'pending' ? '居民推荐或邻长自荐后，会出现在这里。' : undefined}
      >
        {(items) => (
          <View>
            {items.map((n) => (
              <ReviewCard key={n.id} n={n} closed={settled} onReviewed={reviewed} />
            ))}
          </View>
        )}
      </PagedList>
    </View>
  );
}
