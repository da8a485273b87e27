// 通知公告 as stored, and how a stored notice is shown.
// notices: one per notice, at its scope node (`at` = the scope node's ancestors, itself included).
//   `rank` orders the feed: pinned first, then newest, the id breaking ties; it is also the cursor.
//   `key` orders the publisher's list (newest first). `reads` is the maintained read counter.
// noticeReads: one marker per (notice, household), _id = noticeId:householdId, written once.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { NoticeItem } from '../../../contracts/notice';
import { ROLE_LABELS, type Level, type Role } from '../../../contracts/roles';
import type { At } from '../../domain/docs';

/** visibleUntil of a notice without expiry (the feed filters visibleUntil > now on every notice). */
export const NO_EXPIRY = 8_640_000_000_000_000;

export interface NoticeDoc {
  _id: string;
  title: string;
  body: string;
  images: string[];
  pinned: boolean;
  expiresAt: number | null;
  /** expiresAt, or NO_EXPIRY: one range filter hides expired notices. */
  visibleUntil: number;
  scopeId: string;
  scopeLevel: Level;
  scopeName: string;
  at: At;
  /** The publisher's openid, the role they published as and the name shown. */
  by: string;
  byRole: Role;
  byName: string;
  status: 'published' | 'withdrawn';
  createdAt: number;
  updatedAt: number;
  withdrawnAt?: number;
  withdrawnBy?: string;
  /** `${createdAt}-${_id}`, zero-padded: newest first in the publisher's list. */
  key: string;
  /** `${pinned ? 1 : 0}-${key}`: the feed's order and cursor. */
  rank: string;
  /** Households in scope that opened it (one marker each). */
  reads: number;
  /** Households under the scope node when it was published (the node's maintained count). */
  households: number;
}

export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  householdId: string;
  openid: string;
  at: number;
}

export const newNoticeId = (now: number) => `n${now.toString(36)}${randomBytes(5).toString('hex')}`;
export const keyOf = (createdAt: number, id: string) => `${String(createdAt).padStart(14, '0')}-${id}`;
export const rankOf = (pinned: boolean, key: string) => `${pinned ? 1 : 0}-${key}`;
export const readMarkerId = (noticeId: string, householdId: string) => `${noticeId}:${householdId}`;

const EXCERPT_CHARS = 60;
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

export const publisherOf = (n: NoticeDoc) => ({ name: n.byName, roleLabel: ROLE_LABELS[n.byRole] });
export const scopeOf = (n: NoticeDoc) => ({ id: n.scopeId, name: n.scopeName, level: n.scopeLevel });

export function itemOf(n: NoticeDoc, read: boolean): z.input<typeof NoticeItem> {
  return {
    id: n._id,
    title: n.title,
    excerpt: excerptOf(n.body),
    pinned: n.pinned,
    publishedAt: n.createdAt,
    expiresAt: n.expiresAt,
    scope: scopeOf(n),
    publisher: publisherOf(n),
    imageCount: n.images.length,
    read,
  };
}
