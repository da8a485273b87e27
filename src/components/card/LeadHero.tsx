import { Text, View } from '@tarojs/components';
import { cnDate } from '../../utils/beijingDay';
import PrimaryButton from '../PrimaryButton';
import Avatar from './Avatar';
import ContactRow from './ContactRow';
import { dial } from './phoneActions';
import type { AskSignIn, CardView } from './types';
import './card.scss';

interface Props {
  card: CardView;
  askSignIn?: AskSignIn;
}

function Vacant({ card }: Props) {
  const { community } = card;
  return (
    <View className='lzt-card lzt-hero lzt-hero--vacant' id='card-lead-vacant'>
      <View className='lzt-hero__top'>
        <Avatar name={null} />
        <View className='lzt-hero__who'>
          <View className='lzt-hero__name'>邻长暂缺</View>
          <View className='lzt-hero__unit'>{card.unit.name}</View>
        </View>
      </View>
      <View className='lzt-hero__vacant-note'>新的邻长正在安排中。有事请先拨打社区电话，社区会安排人员为您服务。</View>
      {community.hotline ? (
        <View className='lzt-hero__hotline'>
          <View className='lzt-contact__label'>{community.name || '社区'}服务电话</View>
          <Text className='lzt-contact__phone lzt-contact__phone--full' id='card-vacant-hotline' userSelect>
            {community.hotline}
          </Text>
          <PrimaryButton className='card-vacant-call' onClick={() => dial(community.hotline)}>
            拨打社区电话
          </PrimaryButton>
        </View>
      ) : null}
    </View>
  );
}

/** Whom the card points to while a lead cannot be reached: the nearest lead above who can serve, else the 社区. */
function turnToText(card: CardView): string {
  if (card.turnTo === 'groupLead' && card.group.lead) return `组长${card.group.lead.name}（见下方）`;
  if (card.turnTo === 'areaLead' && card.area.lead) return `片长${card.area.lead.name}（见下方）`;
  return '社区（拨打社区电话）';
}

/** A 邻长 marked away by the 社区 (动态调整): say so, and who to turn to meanwhile. */
function AwayNote({ card }: Props) {
  const away = card.lead?.away;
  if (!away) return null;
  const next = turnToText(card);
  const text =
    away.status === 'away'
      ? `邻长${cnDate(away.since)}起外出，电话仍可联系；有事也可以找${next}。`
      : card.turnTo === 'community'
        ? `邻长目前不能履职，有事请拨打社区电话。`
        : `邻长目前不能履职，有事请联系${next}或拨打社区电话。`;
  return (
    <View className='lzt-hero__away' id='card-lead-away' aria-role='alert'>
      {text}
    </View>
  );
}

/** The top of the card: who the 邻长 is and how to reach them. */
export default function LeadHero({ card, askSignIn }: Props) {
  const lead = card.lead;
  if (!lead) return <Vacant card={card} />;
  return (
    <View className='lzt-card lzt-hero' id='card-lead'>
      <View className='lzt-hero__top'>
        <Avatar name={lead.name} photo={lead.photo} />
        <View className='lzt-hero__who'>
          <View className='lzt-hero__name' id='card-lead-name'>
            {lead.name}
          </View>
          <View className='lzt-hero__unit'>邻长 · {card.unit.name}</View>
          {lead.honours.length > 0 ? (
            <View className='lzt-hero__honours' id='card-lead-honours'>
              {lead.honours.map((h) => (
                <View key={h} className='lzt-honour'>
                  ★ {h}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      </View>
      <AwayNote card={card} />
      {lead.away && lead.away.status !== 'away' ? null : (
        <ContactRow unitId={card.unit.id} who='neighbourLead' label='邻长电话' phoneMasked={lead.phoneMasked} phone={lead.phone} askSignIn={askSignIn} />
      )}
      <View className='lzt-hero__since'>{cnDate(lead.since)}起担任邻长</View>
    </View>
  );
}
