// 首页 › 通知公告: the newest notices that reach the resident's household (pinned first), or the
// last scanned card's 邻 before binding, with 全部通知; a publisher also gets 发布通知 and 我发布的.
// Kept small: it sits in the main package (the pages live in the notice subpackage).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '../../../contracts/roles';
import type { WhoAmI } from '../../api/whoami';
import { call } from '../../api/client';
import CallView from '../../components/CallView';
import { Cell } from '../../components/Cell';
import NoticeRow from '../../components/NoticeRow';
import { useCall } from '../../hooks/useCall';
import { lastCardUnit } from '../../utils/lastCard';
import { pageUrl } from '../../utils/pageUrl';

const SHOWN = 3;
const PUBLISHERS: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead', 'admin'];
const go = (url: string) => () => void Taro.navigateTo({ url });

export default function NoticeSection({ me }: { me: WhoAmI }) {
  const cardUnit = me.household ? undefined : lastCardUnit();
  const feed = useCall(() => call('notice', 'feed', { pageSize: SHOWN, ...(cardUnit ? { unitId: cardUnit } : {}) }), [cardUnit], {
    refreshOnShow: true,
  });
  const publisher = me.roles.some((r) => PUBLISHERS.includes(r));
  const listUrl = pageUrl('notice/index', { unitId: cardUnit });
  return (
    <View id='home-notices' className='home-notices'>
      <View className='lzt-section-title home-notices__title'>
        <View>通知公告</View>
        <View id='home-notices-all' className='home-notices__all' onClick={go(listUrl)}>
          全部通知 ›
        </View>
      </View>
      <View className='lzt-cells'>
        <CallView state={feed} loadingText='正在读取通知…'>
          {(f) =>
            f.source === 'none' ? (
              <Cell
                id='home-notices-bind'
                title='绑定住户后查看通知'
                description='扫描门上的邻长联系卡并绑定您家，这里会显示您所在邻、组、片和社区发布的通知。'
                onClick={() => void Taro.switchTab({ url: pageUrl('pages/card/index') })}
              />
            ) : f.items.length === 0 ? (
              <View id='home-notices-empty' className='home-notices__empty'>
                {f.source === 'card' ? `${f.unit?.name ?? '这个邻'}暂时没有通知` : '暂时没有通知，社区和三长发布后会显示在这里'}
              </View>
            ) : (
              <>
                {f.items.map((n) => (
                  <NoticeRow key={n.id} n={n} onOpen={go(pageUrl('notice/detail', { id: n.id, unitId: cardUnit }))} />
                ))}
              </>
            )
          }
        </CallView>
        {publisher ? (
          <>
            <Cell id='home-notice-publish' title='发布通知' description='向您负责的社区、片、组或邻发布' onClick={go(pageUrl('notice/publish'))} />
            <Cell id='home-notice-published' title='我发布的通知' description='每条通知的已读户数' onClick={go(pageUrl('notice/published'))} />
          </>
        ) : null}
      </View>
    </View>
  );
}
