import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { CommunityHotline, LeadChain, ServicePromise, WechatGroups } from './CardDetails';
import LeadHero from './LeadHero';
import type { AskSignIn, CardView } from './types';

interface Props {
  card: CardView;
  /** Shown right under the 邻长 (e.g. the 这是我的邻长 button). */
  actions?: ReactNode;
  askSignIn?: AskSignIn;
}

/** A whole 邻长联系卡: the 邻长, the promise, the WeChat groups, the 组长 and 片长, the 社区 hotline.
 *  Used by the scan landing and by the 联系卡 tab. */
export default function LeadCard({ card, actions, askSignIn }: Props) {
  return (
    <View className='lzt-lead-card' data-unit-id={card.unit.id}>
      <LeadHero card={card} askSignIn={askSignIn} />
      {actions}
      {card.lead ? <ServicePromise card={card} /> : null}
      <WechatGroups card={card} />
      <LeadChain card={card} askSignIn={askSignIn} />
      {card.lead ? <CommunityHotline card={card} /> : null}
    </View>
  );
}
