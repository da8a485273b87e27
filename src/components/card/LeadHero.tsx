import { Text, View } from '@tarojs/components';
import { cnDate } from '../../utils/cnDate';
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
      <ContactRow unitId={card.unit.id} who='neighbourLead' label='邻长电话' phoneMasked={lead.phoneMasked} askSignIn={askSignIn} />
      <View className='lzt-hero__since'>{cnDate(lead.since)}起担任邻长</View>
    </View>
  );
}
