// A 邻's card as the scan landing shows it: built from the one unit document.
import type { CardViewT } from '../../../contracts/card';
import { maskPhone } from '../../core/mask';
import { DEFAULT_PROMISE, type NodeDoc } from '../../domain/docs';
import { mayServe, turnTo, type ChainLead } from '../../domain/succession';

const masked = (l: ChainLead | null | undefined) =>
  l ? { name: l.name, phoneMasked: maskPhone(l.phone), ...(l.away ? { away: l.away } : {}) } : null;

/** `ownUnit`: the caller's household is bound to this 邻, so the 邻长's number comes in full (one tap to call). */
export function cardView(unit: NodeDoc, ownUnit = false): CardViewT {
  const chain = unit.chain;
  const groups = [
    unit.wechatGroup && { level: 'unit' as const, ...unit.wechatGroup },
    chain?.group.wechatGroup && { level: 'group' as const, ...chain.group.wechatGroup },
    chain?.area.wechatGroup && { level: 'area' as const, ...chain.area.wechatGroup },
  ].filter((g): g is NonNullable<typeof g> => !!g);
  return {
    unit: { id: unit._id, name: unit.name, buildings: unit.buildings ?? [] },
    mine: ownUnit,
    lead: unit.lead
      ? {
          name: unit.lead.name,
          phoneMasked: maskPhone(unit.lead.phone),
          ...(ownUnit && mayServe(unit.lead) ? { phone: unit.lead.phone } : {}),
          photo: unit.lead.photo,
          since: unit.lead.since,
          honours: unit.lead.honours ?? [],
          ...(unit.lead.away ? { away: { status: unit.lead.away.status, since: unit.lead.away.since } } : {}),
        }
      : null,
    turnTo: turnTo(unit, 'neighbourLead'),
    promise: unit.promise ?? DEFAULT_PROMISE,
    wechatGroups: groups,
    group: { name: chain?.group.name ?? '', lead: masked(chain?.group.lead) },
    area: { name: chain?.area.name ?? '', lead: masked(chain?.area.lead) },
    community: chain?.community ?? { id: unit.at.community ?? '', name: '', hotline: '' },
  };
}
