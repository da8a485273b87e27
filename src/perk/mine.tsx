// 我的优惠核销记录: every perk a clerk has verified for me (paged), newest first.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, type Output } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import { usePaged } from '../hooks/usePaged';
import { cnDateTime } from '../utils/beijingTime';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './styles/records.scss';

type MinePage = Output<'perk', 'myRedemptions'>;
type Row = MinePage['items'][number];

export default function PerkMinePage() {
  const list = usePaged<Row, MinePage>((page) => call('perk', 'myRedemptions', { page, pageSize: 20 }), []);
  return (
    <PageShell name='perk-mine'>
      {isFinalError(list.error) && list.items.length === 0 ? (
        <BlockedState error={list.error} />
      ) : (
        <>
          <View className='lzt-section-title'>
            我的优惠核销记录{list.first ? `（共${list.total}次）` : ''}
          </View>
          <PagedList
            id='mine-list'
            state={list}
            loadingText='正在读取核销记录…'
            emptyTitle='还没有核销记录'
            emptyDescription='在“专属优惠”里出示优惠码，商家核销后会记录在这里。'
          >
            {(rows) => (
              <View className='lzt-cells'>
                {rows.map((r) => (
                  <View
                    key={r.id}
                    id={`mine-${r.id}`}
                    className='lzt-cell lzt-cell--link mine-row'
                    hoverClass='lzt-cell--active'
                    onClick={() => void Taro.navigateTo({ url: pageUrl('perk/detail', { id: r.perkId }) })}
                  >
                    <View className='lzt-cell__body'>
                      <View className='lzt-cell__title mine-row__title'>{r.perkTitle}</View>
                      <View className='lzt-cell__desc'>
                        {r.partnerName} · {r.categoryLabel}
                      </View>
                      <View className='lzt-cell__desc'>
                        {cnDateTime(r.at)} 核销{r.reversedAt ? `，${cnDateTime(r.reversedAt)} 已撤销（不计次数）` : ''}
                      </View>
                    </View>
                    <View className='lzt-cell__arrow' />
                  </View>
                ))}
              </View>
            )}
          </PagedList>
        </>
      )}
    </PageShell>
  );
}
