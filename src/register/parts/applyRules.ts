import { PHONE_RE } from '../../../contracts/rules';
import type { Input } from '../../api/client';
import { cleanPhone, MSG, NAME_MAX } from '../../utils/formRules';
import { STORY_MAX, type ApplyKind } from './labels';

export interface ApplyDraft {
  name: string;
  phone: string;
  story: string;
}

export type ApplyCall =
  | { action: 'apply'; input: Input<'register', 'apply'> }
  | { action: 'recommend'; input: Input<'register', 'recommend'> };

/** 个人自荐 needs the applicant's phone; 群众推荐 may leave the candidate's phone out. */
export function checkApply(unitId: string, kind: ApplyKind, d: ApplyDraft): { ok: true; call: ApplyCall } | { ok: false; message: string } {
  const name = d.name.trim();
  const story = d.story.trim();
  const phone = cleanPhone(d.phone);
  const who = kind === 'self' ? '您的' : '被推荐人的';
  if (!name) return { ok: false, message: `请填写${who}姓名` };
  if (name.length > NAME_MAX) return { ok: false, message: `姓名最多${NAME_MAX}个字` };
  if (kind === 'self' && !phone) return { ok: false, message: '请填写您的手机号，方便社区联系您' };
  if (phone && !PHONE_RE.test(phone)) return { ok: false, message: MSG.phone };
  if (!story) return { ok: false, message: kind === 'self' ? '请写几句自我介绍' : '请写几句推荐理由' };
  if (story.length > STORY_MAX) return { ok: false, message: `${kind === 'self' ? '自我介绍' : '推荐理由'}最多${STORY_MAX}个字` };
  if (kind === 'self') return { ok: true, call: { action: 'apply', input: { unitId, name, phone, story } } };
  return { ok: true, call: { action: 'recommend', input: { unitId, name, story, ...(phone ? { phone } : {}) } } };
}
