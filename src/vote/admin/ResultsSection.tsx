// 确认结果: after the end, the frozen ranking with the top N ticked. The 管理员 confirms as is,
// or changes the ticks and writes why; the honorees get their badge and the results are
// announced on the campaign page and on 首页.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import EmptyState from '../../components/EmptyState';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PagedList from '../../components/PagedList';
import PrimaryButton from '../../components/PrimaryButton';
import { usePaged } from '../../hooks/usePaged';
import { Portrait } from '../parts/CandidateRow';
import { RankMark } from '../parts/Leaderboard';
import Results from '../parts/Results';
import { shortDateTime } from '../../utils/beijingTime';
import { useAction } from '../../hooks/useAction';
import type { Campaign, LeaderboardPage, RankedCandidate } from '../types';
import { pageUrl } from '../../utils/pageUrl';

function Confirm({ campaign, onConfirmed }: { campaign: Campaign; onConfirmed: () => void }) {
  const n = campaign.honorees;
  const list = usePaged<RankedCandidate, LeaderboardPage>((page) => call('vote', 'leaderboard', { campaignId: campaign.id, page, pageSize: Math.min(50, Math.max(20, n + 1)) }), [campaign.id]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();

  const first = list.first?.items ?? [];
  const defaults = useMemo(() => first.slice(0, n).map((k) => k.id), [first, n]);
  useEffect(() => {
    if (list.first && picked === null) setPicked(defaults);
  }, [list.first]);
  const chosen = picked ?? defaults;
  const adjusted = chosen.length !== defaults.length || chosen.some((id) => !defaults.includes(id));
  // A tie across the line: the server will not pick for us.
  const tie = first.length > n && first[n - 1].votes === first[n].votes;
  const toggle = (id: string) => setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);

  async function confirm() {
    if (chosen.length === 0) return setError('请至少选择一位表彰对象');
    if ((adjusted || tie) && !reason.trim()) return setError(tie && !adjusted ? `第 ${n} 名和第 ${n + 1} 名票数相同，请写明选定的理由` : '表彰名单与票数排名不一致，请写明调整的原因');
    const ok = await Taro.showModal({ title: '确认表彰名单', content: `表彰 ${chosen.length} 位邻长并公布结果？确认后不能更改。`, confirmText: '确认' });
    if (!ok.confirm) return;
    const explicit = adjusted || tie;
    const data = await run('confirm', () =>
      call('vote', 'confirm', { campaignId: campaign.id, ...(explicit ? { honorees: chosen } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    );
    if (!data) return;
    void Taro.showToast({ title: '结果已公布', icon: 'success' });
    onConfirmed();
  }

  return (
    <View id='confirm-honorees'>
      <View className='lzt-section-foot vote-explain'>
        投票已于 {shortDateTime(campaign.voteUntil)} 结束，排名已冻结。默认表彰前 {n} 名；如需调整，勾选或取消后写明原因。
      </View>
      <PagedList id='confirm-list' state={list} loadingText='正在读取排名…' emptyTitle='本次评选没有入围的候选人'>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((k) => {
              const on = chosen.includes(k.id);
              return (
                <View
                  key={k.id}
                  id={`confirm-${k.id}`}
                  className={`vote-row confirm-row${on ? ' confirm-row--on' : ''}`}
                  aria-role='checkbox'
                  aria-checked={on}
                  onClick={() => toggle(k.id)}
                >
                  <View className='confirm-row__box'>{on ? '✓' : ''}</View>
                  <RankMark rank={k.rank} />
                  <Portrait name={k.name} photo={k.photo} />
                  <View className='vote-row__body'>
                    <View className='vote-row__name'>
                      <View className='vote-no'>{k.no}号</View>
                      {k.name}
                    </View>
                    <View className='lzt-sub vote-row__unit'>{k.unitName}</View>
                  </View>
                  <View className='vote-row__votes'>
                    <View className='vote-row__count'>{k.votes}</View>
                    <View className='lzt-sub'>票</View>
                  </View>
                </View>
              );
            })}
          </View>
        )}
      </PagedList>
      <View className='lzt-section-title' id='confirm-summary'>
        已选 {chosen.length} 人{adjusted ? '（与票数排名不同）' : tie ? '（名次线上有并列）' : '（按票数排名）'}
      </View>
      <View className='lzt-form'>
        <Field id='confirm-reason' label='说明' optional={!adjusted && !tie} hint='调整名单或名次线上有并列时必须写明原因，会和结果一起公布。'>
          <TextArea value={reason} onChange={setReason} maxlength={200} placeholder='例如：按票数排名确认' />
        </Field>
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='confirm-submit' loading={busy === 'confirm' || undefined} disabled={!!busy} onClick={() => void confirm()}>
          确认表彰名单并公布（{chosen.length} 人）
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function ResultsSection({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  if (campaign.results) {
    return (
      <View id='manage-results'>
        <Results campaign={campaign} />
        <View className='lzt-btn-wrap'>
          <PrimaryButton kind='default' id='results-open-campaign' onClick={() => void Taro.navigateTo({ url: pageUrl('vote/campaign', { id: campaign.id }) })}>
            查看评选页上的公布
          </PrimaryButton>
        </View>
      </View>
    );
  }
  if (campaign.status !== 'closed') {
    return (
      <View id='manage-results'>
        <EmptyState id='results-not-yet' title='投票结束后才能确认表彰名单' description={`投票 ${shortDateTime(campaign.voteUntil)} 截止（北京时间）。`} />
      </View>
    );
  }
  return (
    <View id='manage-results'>
      <Confirm campaign={campaign} onConfirmed={onChanged} />
    </View>
  );
}
