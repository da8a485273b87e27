// The documents of the district tree and what hangs off it, as stored (both runtimes).
// Every record knows where it sits: `at` holds its ancestors' ids by level.
import type { VisitItemsT } from '../../contracts/household';
import type { Level } from '../../contracts/roles';

/** A problem handed to a 部门 also holds `department` (its grants reach it like a node's). */
export type At = Partial<Record<Level | 'department', string>>;
export type LeadRole = 'areaLead' | 'groupLead' | 'neighbourLead';
export type AwayStatus = 'away' | 'unable' | 'unfit';
/** A commendation of a person (最美邻长): on their lead record, and on their user once bound. */
export interface Honour {
  campaignId: string;
  title: string;
  at: number;
}

export const LEAD_ROLE_OF: Partial<Record<Level, LeadRole>> = {
  area: 'areaLead',
  group: 'groupLead',
  unit: 'neighbourLead',
};

/** The current lead of a node, copied onto it so a card opens with one read. */
export interface LeadSnapshot {
  id: string;
  name: string;
  phone: string;
  since: number;
  /** The lead's WeChat, once linked (never sent to the mini program). */
  openid?: string | null;
  /** Last time the lead did something in the app (whoami, visit …). */
  activeAt: number;
  away?: { status: AwayStatus; since: number; reason: string };
  photo?: string;
  honours?: string[];
}

export interface WechatGroupInfo {
  name: string;
  joinHint: string;
}

export interface ChainLink {
  id: string;
  name: string;
  /** The group's or area's lead, with their away mark (see domain/succession.ts). */
  lead: { name: string; phone: string; away?: { status: AwayStatus; since: number } } | null;
  wechatGroup?: WechatGroupInfo;
}

export interface NodeStatsDoc {
  households: number;
  bound: number;
  visited: number;
}

export interface NodeDoc {
  _id: string;
  level: Level;
  name: string;
  parentId: string | null;
  /** Ancestors by level (this node included), for subtree queries like { 'at.area': id }. */
  at: At;
  order: number;
  /** 片, 组, 邻: the current 三长; null while vacant. */
  lead?: LeadSnapshot | null;
  /** 邻 only: the buildings/units it serves, its service promise, and its chain upwards. */
  buildings?: string[];
  promise?: string;
  chain?: { group: ChainLink; area: ChainLink; community: { id: string; name: string; hotline: string } };
  wechatGroup?: WechatGroupInfo;
  /** 邻 only: its QR, made once (wxacode is rate-limited) and kept for every later print. */
  card?: { qrFileId?: string };
  /** 社区 only */
  hotline?: string;
  /** The openids holding the 管理员 role here (kept by grantRole/revokeRole): who hears of a 紧急 report at once. */
  admins?: string[];
  stats: NodeStatsDoc;
}

export interface LeadDoc {
  _id: string;
  role: LeadRole;
  nodeId: string;
  name: string;
  phone: string;
  /** Set once the person links their WeChat (invite code or approval of their own application). */
  openid: string | null;
  status: 'active' | 'away' | 'replaced';
  since: number;
  until?: number;
  /** Why the term ended (a succession, an import). */
  reason?: string;
  /** The last time the lead was marked away, unable or unfit. */
  away?: { status: AwayStatus; since: number; reason: string };
  /** Kept here too, so a person who binds their WeChat after the result still gets it. */
  honours?: Honour[];
  /** Their photo (set by the 管理员), copied to their user (the perk pass shows it) once bound. */
  photo?: string;
  at: At;
}

export interface HouseholdDoc {
  _id: string;
  unitId: string;
  at: At;
  building: string;
  room: string;
  people: number;
  /** Given with consent, for the 邻长 to reach the household. */
  phone?: string;
  /** The member who left the phone: only they see it in full, change or delete it (see phoneOwner). */
  phoneBy?: string;
  /** WeChat users who bound themselves to this household (family members). */
  members: string[];
  /** When each member joined: a member sees the 邻长's visits from then on, not what was said before. */
  joined?: Record<string, number>;
  /**
   * Requests to join while the household has members (anyone can name a door): the newcomer is
   * not a member and sees nothing of it until a member (or the 邻长) approves (domain/household-join.ts).
   */
  requests?: JoinRequest[];
  boundAt?: number;
  lastVisit?: { visitedAt: number; complete: boolean } | null;
  createdAt: number;
}

/** A newcomer's request to join a household that has members: what they gave waits with it. */
export interface JoinRequest {
  id: string;
  openid: string;
  at: number;
  people: number;
  /** Given with consent on the bind form; applied (if nobody's is on record) only once approved. */
  phone?: string;
  /** The household they are bound to now, left only when this request is approved. */
  leaving?: string;
}

/** One 五个一 home visit: 见一次面、聊一次天、登记一次信息、发放一份告知书、收集一批问题. */
export interface VisitDoc {
  _id: string;
  householdId: string;
  unitId: string;
  at: At;
  visitedAt: number;
  by: string;
  byName: string;
  items: VisitItemsT;
  problems?: string;
  /** The 民情 problems filed on this visit (server/features/minqing/submit.ts). */
  problemIds?: string[];
}

export const DEFAULT_PROMISE = '有事找邻长：小事不出楼栋，私事当天回应，大事帮您上报跟进。';

export function addressOf(h: Pick<HouseholdDoc, 'building' | 'room'>): string {
  return `${h.building}${h.room}`;
}

/** Who left a household's phone (records from before phoneBy: its first member). */
export function phoneOwner(h: Pick<HouseholdDoc, 'phone' | 'phoneBy' | 'members'>): string | null {
  if (!h.phone) return null;
  return h.phoneBy ?? h.members[0] ?? null;
}
