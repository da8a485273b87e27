import { Text, View } from '@tarojs/components';
import { cnDate } from '../../utils/beijingDay';
import { Cell, CellGroup } from '../Cell';
import PrimaryButton from '../PrimaryButton';
import ContactRow from './ContactRow';
import { dial } from './phoneActions';
import type { AskSignIn, CardView } from './types';
import './card.scss';

interface Props {
  card: CardView;
  askSignIn?: AskSignIn;
}

const GROUP_LEVEL: Record<CardView['wechatGroups'][number]['level'], string> = {
  unit: '楼栋群',
  group: '组群',
  area: '片群',
};

export function ServicePromise({ card }: { card: CardView }) {
  return (
    <CellGroup title='服务承诺'>
      <View className='lzt-promise' id='card-promise'>
        {card.promise}
      </View>
    </CellGroup>
  );
}

export function WechatGroups({ card }: { card: CardView }) {
  if (card.wechatGroups.length === 0) return null;
  return (
    <CellGroup title='邻里微信群' footer='进群后能及时收到通知，也能在群里找邻长。' className='card-wechat-groups'>
      {card.wechatGroups.map((g) => (
        <Cell key={g.level} className={`card-wechat-group card-wechat-group--${g.level}`} title={g.name} value={GROUP_LEVEL[g.level]} description={`怎么进群：${g.joinHint}`} />
      ))}
    </CellGroup>
  );
}

/** A 组长 or 片长 marked away (动态调整): 外出 can still be phoned; one who cannot serve is not handed out. */
function ChainAway({ who, role, card }: { who: 'groupLead' | 'areaLead'; role: string; card: CardView }) {
  const lead = who === 'groupLead' ? card.group.lead : card.area.lead;
  if (!lead?.away) return null;
  const up = who === 'groupLead' && card.area.lead && (!card.area.lead.away || card.area.lead.away.status === 'away') ? `片长${card.area.lead.name}` : null;
  const text =
    lead.away.status === 'away'
      ? `${role}${cnDate(lead.away.since)}起外出，电话仍可联系。`
      : up
        ? `${role}目前不能履职，有事请联系${up}或拨打社区电话。`
        : `${role}目前不能履职，有事请拨打社区电话。`;
  return (
    <View className='lzt-hero__away lzt-chain-away' id={`card-${who}-away`} aria-role='alert'>
      {text}
    </View>
  );
}

/** The 组长 and the 片长 above this 邻长, each with the same masked-number reveal. */
export function LeadChain({ card, askSignIn }: Props) {
  const links = [
    { who: 'groupLead' as const, role: '组长', node: card.group },
    { who: 'areaLead' as const, role: '片长', node: card.area },
  ];
  return (
    <CellGroup title='组长和片长' footer='邻长不在时，可以联系组长或片长。'>
      {links.map(({ who, role, node }) => (
        <View key={who} className='lzt-chain-item' id={`card-${who}`}>
          {node.lead && (!node.lead.away || node.lead.away.status === 'away') ? (
            <ContactRow unitId={card.unit.id} who={who} label={`${role} · ${node.name}`} name={node.lead.name} phoneMasked={node.lead.phoneMasked} askSignIn={askSignIn} />
          ) : (
            <View className='lzt-contact'>
              <View className='lzt-contact__label'>{`${role} · ${node.name}`}</View>
              <View className='lzt-contact__name lzt-contact__name--vacant'>
                {node.lead ? `${node.lead.name}（暂不能履职）` : `${role}暂缺，请拨打社区电话`}
              </View>
            </View>
          )}
          <ChainAway who={who} role={role} card={card} />
        </View>
      ))}
    </CellGroup>
  );
}

export function CommunityHotline({ card }: { card: CardView }) {
  const { community } = card;
  if (!community.hotline) return null;
  return (
    <CellGroup title='社区服务电话'>
      <View className='lzt-contact' id='card-community'>
        <View className='lzt-contact__label'>{community.name}</View>
        <Text className='lzt-contact__phone lzt-contact__phone--full' id='card-hotline' userSelect>
          {community.hotline}
        </Text>
        <PrimaryButton kind='default' className='card-hotline-call' onClick={() => dial(community.hotline)}>
          拨打社区电话
        </PrimaryButton>
      </View>
    </CellGroup>
  );
}
