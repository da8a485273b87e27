// The documents of 最美邻长评选, as stored, and their deterministic ids.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CandidateStatus, EligibilityT, NominationKind, PhotoStatus } from '../../../contracts/vote';
import type { Level } from '../../../contracts/roles';
import type { At } from '../../domain/docs';
import { cmd, type Filter } from '../../store/port';

export interface Honoree {
  candidateId: string;
  leadId: string;
  leadOpenid: string | null;
  no: number;
  name: string;
  unitId: string;
  unitName: string;
  votes: number;
  rank: number;
}

export interface CampaignDoc {
  _id: string;
  title: string;
  description: string;
  cover?: string;
  scopeNodeId: string;
  scopeLevel: Level;
  scopeName: string;
  /** The scope node's ancestors (itself included), for the 管理员's subtree lists. */
  at: At;
  nominateFrom: number;
  nominateUntil: number;
  voteFrom: number;
  voteUntil: number;
  eligibility: EligibilityT;
  perDay: number;
  perCandidatePerDay: number;
  minGapSeconds: number;
  ranking: 'live' | 'after';
  honorees: number;
  badge: string;
  /** The last 编号 given (the counter a review increments in its transaction). */
  lastNo: number;
  /** Approved candidates (kept with lastNo, in the same transactions). */
  approvedCount: number;
  /** Voters whose votes a 管理员 voided and barred from this campaign (read with the campaign by every vote). */
  blocked: string[];
  alertCount: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  results?: { confirmedAt: number; confirmedBy: string; adjusted: boolean; reason?: string; honorees: Honoree[] } | null;
}

export interface PhotoDoc {
  fileId: string;
  status: z.infer<typeof PhotoStatus>;
}

export interface CandidateDoc {
  _id: string;
  campaignId: string;
  kind: z.infer<typeof NominationKind>;
  status: z.infer<typeof CandidateStatus>;
  /** 编号, given on approval. */
  no?: number;
  /** Valid votes: incremented in the vote's transaction, decremented in a void's. */
  votes: number;
  /** The 邻 and its 邻长 at nomination time (one candidacy per person per campaign). */
  unitId: string;
  unitName: string;
  at: At;
  leadId: string;
  leadOpenid: string | null;
  name: string;
  story: string;
  photos: PhotoDoc[];
  nominatedBy: string | null;
  /** A resident's pending recommendation taken over by the 邻长's own application or the 管理员's nomination. */
  recommendation?: { story: string; nominatorName?: string };
  nominatorName?: string;
  reason?: string;
  createdAt: number;
  reviewedAt?: number;
  reviewedBy?: string;
  honoured?: boolean;
  /** Votes per minute, kept by the vote transactions for burst alerts. */
  pace?: Pace;
}

/** The candidate's votes in `minute` (epoch minutes) and in each of the 10 minutes before it (latest first). */
export interface Pace {
  minute: number;
  n: number;
  history: number[];
  /** The minute an alert was raised for, so a minute raises one alert. */
  alerted?: number;
}

/** One accepted vote. `_id` = campaign:voter:day:slot, so a slot can be taken once only. */
export interface VoteDoc {
  _id: string;
  campaignId: string;
  candidateId: string;
  voter: string;
  day: string;
  slot: number;
  requestId: string;
  at: number;
  valid: boolean;
  voidedAt?: number;
  voidAuditId?: string;
  voidReason?: string;
}

export interface AlertDoc {
  _id: string;
  campaignId: string;
  candidateId: string;
  no: number;
  name: string;
  minute: number;
  votes: number;
  baseline: number;
  createdAt: number;
}

export interface AuditDoc {
  _id: string;
  campaignId: string;
  action: 'void' | 'confirm' | 'disqualify';
  by: string;
  byName: string;
  reason: string;
  summary: string;
  target?: Record<string, unknown>;
  count: number;
  done: boolean;
  at: number;
}

const dayPrefix = (campaignId: string, voter: string, day: string) => `${campaignId}:${voter}:${day}:`;
export const voteId = (campaignId: string, voter: string, day: string, slot: number) => `${dayPrefix(campaignId, voter, day)}${slot}`;
/**
 * A voter's votes in a campaign, found by their ids (campaign:voter:…; neither part holds a
 * colon): a range of the primary key, so votes need no index by voter, and each vote is
 * cheaper to store.
 */
export function votesOfVoter(campaignId: string, voter: string): Filter {
  const prefix = `${campaignId}:${voter}:`;
  return { _id: cmd.both(cmd.gte(prefix), cmd.lt(`${prefix}\uffff`)) };
}
/** A voter's votes of one day in a campaign (at most the day's quota of them): a range of ids. */
export function votesOfDay(campaignId: string, voter: string, day: string): Filter {
  const prefix = dayPrefix(campaignId, voter, day);
  return { _id: cmd.both(cmd.gte(prefix), cmd.lt(`${prefix}\uffff`)) };
}
export const alertId = (candidateId: string, minute: number) => `${candidateId}:${minute}`;

/** One candidacy per person (roster lead record) per campaign: a second nomination finds the first. */
export function candidateIdFor(campaignId: string, leadId: string): string {
  return 'k' + createHash('sha1').update(`${campaignId}|${leadId}`).digest('hex').slice(0, 24);
}
