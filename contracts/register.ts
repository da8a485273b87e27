// 三长 registration: 个人自荐, 群众推荐, 组织指定; the 管理员 approves or rejects.
import { z } from 'zod';
import { action } from './action';
import { Id, PersonName, Phone, SearchPageOf, SearchPaging, UserText } from './common';
import { ADMIN, SIGNED_IN } from './roles';

export const ApplicationKind = z.enum(['self', 'recommend', 'appoint']);
export { APPLICATION_KIND_LABELS as KIND_LABELS } from './labels';

export const ApplicationView = z.object({
  id: z.string(),
  kind: ApplicationKind,
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  phoneMasked: z.string().optional(),
  story: z.string().optional(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string().optional(),
  createdAt: z.number(),
  reviewedAt: z.number().optional(),
  /** 个人自荐 only: the applicant confirmed the phone with WeChat's phone-number button. */
  phoneConfirmed: z.boolean().optional(),
  /**
   * For the 管理员: the phone is a sitting 三长's and the application comes from another WeChat
   * account (e.g. 同一手机号已是在任邻长 张三，申请来自另一个微信号). Such an application is
   * approved only once phoneConfirmed.
   */
  clash: z.string().optional(),
  /** For an approved candidate who has not linked WeChat yet: the code to give them. */
  invite: z.object({ code: z.string(), expiresAt: z.number() }).optional(),
});

export const register = {
  apply: action({
    summary: '个人自荐当邻长',
    input: z.object({ unitId: Id, name: PersonName, phone: Phone, story: UserText(500) }),
    output: z.object({ application: ApplicationView }),
    roles: SIGNED_IN,
  }),
  recommend: action({
    summary: '群众推荐邻长人选',
    input: z.object({ unitId: Id, name: PersonName, phone: Phone.optional(), story: UserText(500) }),
    output: z.object({ application: ApplicationView }),
    roles: SIGNED_IN,
  }),
  appoint: action({
    summary: '组织指定邻长（直接生效）',
    input: z.object({ unitId: Id, name: PersonName, phone: Phone, reason: UserText(200).optional() }),
    output: z.object({ application: ApplicationView }),
    roles: ADMIN,
  }),
  confirmPhone: action({
    summary: '申请人用微信手机号验证自荐时填写的手机号',
    // The one-time code of <Button open-type="getPhoneNumber"> (WeChat's are 32+ hex characters).
    input: z.object({ id: Id, code: z.string().min(8).max(128).regex(/^[0-9A-Za-z:_-]+$/) }),
    output: z.object({ application: ApplicationView }),
    roles: SIGNED_IN,
  }),
  mine: action({
    summary: '我提交的自荐与推荐及结果',
    input: z.object({}),
    output: z.object({ items: z.array(ApplicationView) }),
    roles: SIGNED_IN,
  }),
  pending: action({
    summary: '待审核的自荐与推荐（可按姓名、邻名、手机号后四位搜索）',
    input: SearchPaging.extend({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
    output: SearchPageOf(ApplicationView),
    roles: ADMIN,
  }),
  review: action({
    summary: '审核：通过即任命并分配到邻，不通过须写明原因',
    input: z
      .object({ id: Id, approve: z.boolean(), reason: UserText(200).optional() })
      .refine((v) => v.approve || !!v.reason, { message: '不通过时请写明原因', path: ['reason'] }),
    output: z.object({ application: ApplicationView }),
    roles: ADMIN,
  }),
};
