import type { z } from 'zod';
import type { ApplicationKind } from '../../../contracts/register';
import { maskPhone } from '../../core/mask';
import type { At } from '../../domain/docs';

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
}

/** What a viewer sees; the invite code only for the 管理员 who hands it over. */
export function applicationView(a: ApplicationDoc, forAdmin: boolean) {
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
    ...(forAdmin && a.invite ? { invite: a.invite } : {}),
  };
}
