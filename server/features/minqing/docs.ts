// 民情: the documents as stored. A problem sits at its 邻 in the tree (`at`, plus `department`
// while a 部门 holds it) and is held by one handler at a time (`holder`, a HolderKey).
import type { DeadlinesT, MeetingT, ProblemDraftT } from '../../../contracts/minqing';
import type { DEADLINE_KINDS, HANDLER_LEVELS, PROBLEM_CLASSES, PROBLEM_STATUSES, TIMELINE_KINDS } from '../../../contracts/minqing-labels';
import type { Role } from '../../../contracts/roles';
import type { At } from '../../domain/docs';

export type HandlerLevel = (typeof HANDLER_LEVELS)[number];
export type ProblemClass = (typeof PROBLEM_CLASSES)[number];
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** `unit:u1`, `group:g1`, `area:a1`, `community:c1`, `department:d1`, `street:s1`, `district:d`. */
export type HolderKey = string;

export interface Holder {
  level: HandlerLevel;
  id: string;
  /** Shown to everyone who may see the problem: the 三长's name, the 社区's or the 部门's. */
  name: string;
}

export interface ProblemDoc {
  _id: string;
  number: string;
  at: At;
  unitId: string;
  unitName: string;
  areaName: string;
  householdId?: string;
  /** Who reported it (the resident), or for a problem filed on a visit the household's first member. */
  by: string | null;
  reporterName: string;
  /** Only with contact consent: for the handler who holds it. */
  reporterPhone?: string;
  onBehalf?: { openid: string; name: string };
  visitId?: string;
  category: string;
  categoryLabel: string;
  description: string;
  photos: string[];
  place: string;
  point?: ProblemDraftT['point'];
  urgent: boolean;
  anonymous: boolean;
  contactConsent: boolean;
  class: ProblemClass | null;
  status: ProblemStatus;
  holder: Holder;
  /** HolderKey of the holder (the to-do index). */
  hk: HolderKey;
  /** HolderKey of the one above the holder, who sees it when overdue and may 督办. */
  wk: HolderKey | null;
  /** Every holder so far: the handling chain (they see an anonymous reporter). */
  chain: HolderKey[];
  /** 'open' while the holder has to act; 'done' once resolved or closed. */
  box: 'open' | 'done';
  acceptDueAt: number;
  resolveDueAt: number | null;
  /** The deadline that applies now (null once resolved). */
  dueAt: number | null;
  overdue: boolean;
  overdueKind?: DeadlineKind;
  createdAt: number;
  updatedAt: number;
  acceptedAt?: number;
  /** Who resolved it last (HolderKey): ratings count for them. */
  resolvedBy?: HolderKey;
  resolvedInTime?: boolean;
  confirmBy?: number;
  rating?: { stars: number; comment?: string; auto: boolean; at: number };
  department?: { id: string; name: string };
  /** Set when a 部门 gives it back to the 社区; cleared when the 社区 hands it on. */
  handedBack?: { from: string; reason: string; at: number };
  sentUp?: 'street' | 'district';
  meetingId?: string;
  /** When the current round began: the submission, or the reopening after a 1–2 star rating. */
  roundAt?: number;
  /** 督办 so far. */
  urges?: number;
  /** Sort keys with a unique tie-breaker (cursor paging): created (desc lists), due (to-do). */
  ck: string;
  dk: string;
  /** Changes with every write (a transaction re-reads it). */
  rev: number;
}

export interface TimelineDoc {
  _id: string;
  problemId: string;
  at: number;
  /** Order within one call (several entries may share a millisecond). */
  seq: number;
  kind: TimelineKind;
  /** roleLabel: the words the role was shown in then (entries written before it was kept have none). */
  by: { openid: string | null; name: string; role: Role; roleLabel?: string };
  note?: string;
  photos: string[];
  class?: ProblemClass;
  to?: { level: HandlerLevel; name: string };
  stars?: number;
  meetingId?: string;
}

export interface InboxDoc {
  _id: string;
  openid: string;
  at: number;
  ck: string;
  title: string;
  body: string;
  problemId?: string;
  meetingId?: string;
  read: boolean;
}

export interface MeetingDoc extends Omit<MeetingT, 'id' | 'items'> {
  _id: string;
  at: At;
  items: (MeetingT['items'][number] & { by: string | null })[];
  /** Residents whose problems are on the agenda (they see the published minutes). */
  residents: string[];
  createdBy: string;
  ck: string;
}

export interface DepartmentDoc {
  _id: string;
  name: string;
  at: At;
  order: number;
}

/** Per 社区: its own categories and deadlines (absent: the defaults). */
export interface MinqingConfigDoc {
  _id: string;
  categories: { id: string; label: string; active: boolean }[];
  deadlines?: DeadlinesT;
}

export const keyOf = (h: Pick<Holder, 'level' | 'id'>): HolderKey => `${h.level}:${h.id}`;
export function parseKey(k: HolderKey): { level: HandlerLevel; id: string } {
  const i = k.indexOf(':');
  return { level: k.slice(0, i) as HandlerLevel, id: k.slice(i + 1) };
}

const pad = (n: number) => String(n).padStart(13, '0');
export const createdKey = (createdAt: number, id: string) => `${pad(createdAt)}:${id}`;
export const dueKey = (dueAt: number | null, id: string) => `${pad(dueAt ?? 9_999_999_999_999)}:${id}`;
