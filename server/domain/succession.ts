// 动态调整 at every level. A 三长 marked 外出 (away) can still be phoned; one marked 不能履职
// (unable) or 不宜担任 (unfit) is not handed out, and the card points to the next level up that
// can serve (邻长 → 组长 → 片长 → 社区电话). The same rule holds for the 邻长, the 组长 and the
// 片长: the copies of the 组长 and 片长 on each card (unit.chain) carry their away mark for it.
import type { AwayStatus, ChainLink, LeadSnapshot, NodeDoc } from './docs';

export type LeadWho = 'neighbourLead' | 'groupLead' | 'areaLead';

/** A lead as a card holds it: who, how to phone them, and their away mark if any. */
export interface ChainLead {
  name: string;
  phone: string;
  away?: { status: AwayStatus; since: number };
}

export const ROLE_NAME: Record<LeadWho, string> = { neighbourLead: '邻长', groupLead: '组长', areaLead: '片长' };

/** May this lead's phone be given out (present, and not marked unable or unfit)? */
export const mayServe = (lead: { away?: { status: AwayStatus } } | null | undefined): boolean =>
  !!lead && (!lead.away || lead.away.status === 'away');

/** The copy of a node's lead kept on the cards below it. */
export function chainLeadOf(lead: Pick<LeadSnapshot, 'name' | 'phone' | 'away'> | null | undefined): ChainLead | null {
  if (!lead) return null;
  return { name: lead.name, phone: lead.phone, ...(lead.away ? { away: { status: lead.away.status, since: lead.away.since } } : {}) };
}

/** The lead of `who` as the unit's card knows them. */
export function leadOnCard(unit: NodeDoc, who: LeadWho): ChainLead | null {
  if (who === 'neighbourLead') return chainLeadOf(unit.lead);
  const link: ChainLink | undefined = who === 'groupLead' ? unit.chain?.group : unit.chain?.area;
  return link?.lead ?? null;
}

type AboveWho = Exclude<LeadWho, 'neighbourLead'>;
const ABOVE: Record<LeadWho, AboveWho[]> = {
  neighbourLead: ['groupLead', 'areaLead'],
  groupLead: ['areaLead'],
  areaLead: [],
};

/** Whom to turn to when `who` cannot serve: the nearest lead above who can, else the 社区. */
export function turnTo(unit: NodeDoc, who: LeadWho): AboveWho | 'community' {
  return ABOVE[who].find((w) => mayServe(leadOnCard(unit, w))) ?? 'community';
}

/** What a resident reads when `who` cannot be handed out. */
export function cannotServeMessage(unit: NodeDoc, who: LeadWho): string {
  const next = turnTo(unit, who);
  return next === 'community'
    ? `这位${ROLE_NAME[who]}目前不能履职，请拨打社区电话`
    : `这位${ROLE_NAME[who]}目前不能履职，请联系${ROLE_NAME[next]}或拨打社区电话`;
}
