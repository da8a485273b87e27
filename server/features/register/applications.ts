import type { z } from 'zod';
import type { ApplicationKind } from '../../../contracts/register';
import { maskPhone } from '../../core/mask';
import { ROLE_LABELS } from '../../../contracts/roles';
import type { At, LeadDoc } from '../../domain/docs';
import { cmd, type Store } from '../../store/port';

export interface ApplicationDoc {
  _id: string;
  kind: z.infer<typeof ApplicationKind>;
  unitId: string;
  unitName: string;
  at: At;
  name: string;
  phone?: string;
  story?: string;
  /** Who applied or recommended (none for 组织指定). */
  applicant: string | null;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  createdAt: number;
  reviewedAt?: number;
  reviewedBy?: string;
  leadId?: string;
  invite?: { code: string; expiresAt: number };
  /** When the applicant confirmed `phone` with WeChat's phone-number button (个人自荐). */
  phoneConfirmedAt?: number;
}

/**
 * 个人自荐 naming the phone of a sitting 三长 from another WeChat account: approving it would
 * hand that lead's seat (and ledger) to the applicant, since one phone is one person. Says so
 * per application id; the caller refuses approval until the phone is confirmed.
 * One read for a page of applications.
 */
export async function clashesOf(store: Store, apps: ApplicationDoc[]): Promise<Map<string, string>> {
  const self = apps.filter((a) => a.kind === 'self' && a.phone && a.status === 'pending');
  const out = new Map<string, string>();
  if (self.length === 0) return out;
  const phones = [...new Set(self.map((a) => a.phone as string))];
  const leads = (await store
    .collection('leads')
    .where({ phone: cmd.in(phones), status: cmd.in(['active', 'away']) })
    .limit(100)
    .get()) as LeadDoc[];
  for (const a of self) {
    const other = leads.find((l) => l.phone === a.phone && l.openid !== a.applicant);
    if (!other) continue;
    const seat = `同一手机号已是在任${ROLE_LABELS[other.role] ?? '三长'} ${other.name}`;
    out.set(a._id, other.openid ? `${seat}，申请来自另一个微信号` : `${seat}（尚未绑定微信），申请来自未经核实的微信号`);
  }
  return out;
}

/** What a viewer sees; the invite code and a clash only for the 管理员. */
export function applicationView(a: ApplicationDoc, forAdmin: boolean, clash?: string) {
  return {
    id: a._id,
    kind: a.kind,
    unitId: a.unitId,
    unitName: a.unitName,
    name: a.name,
    phoneMasked: a.phone ? maskPhone(a.phone) : undefined,
    story: a.story,
    status: a.status,
    reason: a.reason,
    createdAt: a.createdAt,
    reviewedAt: a.reviewedAt,
    ...(a.kind === 'self' ? { phoneConfirmed: !!a.phoneConfirmedAt } : {}),
    ...(forAdmin && clash ? { clash } : {}),
    ...(forAdmin && a.invite ? { invite: a.invite } : {}),
  };
}
