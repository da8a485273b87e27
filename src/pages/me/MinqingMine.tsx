// 我的 › 民情: 我的反映 (how many are open) and 消息 with its unread count (also the badge on the 我的 tab).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/Cell';
import { useMinqingCounts } from '../../hooks/useMinqingCounts';
import { pageUrl } from '../../utils/pageUrl';
import './index.scss';

const open = (url: string) => () => void Taro.navigateTo({ url });

export default function MinqingMine({ signedIn }: { signedIn?: boolean }) {
  const counts = useMinqingCounts(signedIn);
  if (!signedIn) return null;
  const unread = counts?.unread ?? 0;
  return (
    <CellGroup title='反映问题' className='me-minqing'>
      <Cell
        id='me-open-inbox'
        title='消息'
        description='您反映的问题每办理一步都会告诉您'
        value={unread > 0 ? <View className='me-badge' id='me-unread'>{unread > 99 ? '99+' : unread}</View> : undefined}
        onClick={open(pageUrl('minqing/inbox'))}
      />
      <Cell
        id='me-open-minqing'
        title='我的反映'
        description='查看办理进度，确认并评价'
        value={counts?.mineOpen ? `${counts.mineOpen} 件办理中` : undefined}
        onClick={open(pageUrl('minqing/mine'))}
      />
      <Cell id='me-report' title='反映问题' description='告诉邻长您遇到的问题' onClick={open(pageUrl('minqing/report'))} />
    </CellGroup>
  );
}
