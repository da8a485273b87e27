// The publish form's draft and its checks (the function checks again): a scope, a title of at
// most 40 characters, a body of at most 2000, up to 9 images, pinned, and an expiry.
import type { Input } from '../../api/client';
import { DAY_MS, startOfDay } from '../../utils/beijingTime';

export const TITLE_MAX = 40;
export const BODY_MAX = 2000;
export const IMAGES_MAX = 9;

/** 有效期: kept until withdrawn, or hidden after 3, 7 or 30 days (the end of that Beijing day). */
export const EXPIRY_CHOICES = [
  { key: 0, label: '长期有效（直到撤回）' },
  { key: 3, label: '3 天' },
  { key: 7, label: '7 天' },
  { key: 30, label: '30 天' },
] as const;
export type ExpiryDays = (typeof EXPIRY_CHOICES)[number]['key'];

export interface Draft {
  scopeId: string;
  title: string;
  body: string;
  images: string[];
  pinned: boolean;
  /** A choice for a new notice; an edited one keeps its own until another is picked. */
  expiry: { days: ExpiryDays } | { keep: number | null };
}

export const newDraft = (scopeId: string): Draft => ({ scopeId, title: '', body: '', images: [], pinned: false, expiry: { days: 0 } });

/** The end (23:59:59.999 Beijing) of the day `days` days from now. */
export function expiryOf(now: number, days: number): number {
  return startOfDay(now) + (days + 1) * DAY_MS - 1;
}

type PublishInput = Input<'notice', 'publish'>;

export function checkDraft(d: Draft, now: number): { ok: true; input: PublishInput } | { ok: false; message: string } {
  const title = d.title.trim();
  const body = d.body.trim();
  if (!d.scopeId) return { ok: false, message: '请选择发布范围' };
  if (!title) return { ok: false, message: '请填写通知标题' };
  if (title.length > TITLE_MAX) return { ok: false, message: `标题最多 ${TITLE_MAX} 个字` };
  if (!body) return { ok: false, message: '请填写通知正文' };
  if (body.length > BODY_MAX) return { ok: false, message: `正文最多 ${BODY_MAX} 个字` };
  if (d.images.length > IMAGES_MAX) return { ok: false, message: `最多 ${IMAGES_MAX} 张图片` };
  const expiresAt = 'days' in d.expiry ? (d.expiry.days ? expiryOf(now, d.expiry.days) : null) : d.expiry.keep;
  return { ok: true, input: { scopeId: d.scopeId, title, body, images: d.images, pinned: d.pinned, expiresAt } };
}
