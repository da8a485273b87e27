// 我的信息 (个人信息保护法): a signed-in user sees everything held about them, takes it away as a
// file, and deletes their account. Phones are masked here as everywhere they are listed; the
// exported file (theirs alone, private storage) holds them in full.
import { z } from 'zod';
import { action } from './action';
import { VisitView } from './household';
import { SIGNED_IN } from './roles';

const MyAccount = z.object({
  name: z.string(),
  phoneMasked: z.string().optional(),
  createdAt: z.number(),
  roles: z.array(z.string()),
  honours: z.array(z.object({ title: z.string(), at: z.number() })),
});

const MyHouseholdData = z.object({
  address: z.string(),
  unitName: z.string(),
  people: z.number().int(),
  phoneMasked: z.string().optional(),
  members: z.number().int(),
  boundAt: z.number().optional(),
});

const MyReport = z.object({
  id: z.string(),
  number: z.string(),
  categoryLabel: z.string(),
  description: z.string(),
  statusLabel: z.string(),
  createdAt: z.number(),
});

const MyVotes = z.object({ campaignTitle: z.string(), votes: z.number().int(), lastAt: z.number() });
const MyRedemption = z.object({ perkTitle: z.string(), partnerName: z.string(), at: z.number() });
const MyApplication = z.object({ kindLabel: z.string(), unitName: z.string(), statusLabel: z.string(), createdAt: z.number() });

export const MyData = z.object({
  account: MyAccount.nullable(),
  household: MyHouseholdData.nullable(),
  /** The 邻长's visits to the household since the caller joined it. */
  visits: z.array(VisitView),
  reports: z.array(MyReport),
  votes: z.array(MyVotes),
  redemptions: z.array(MyRedemption),
  applications: z.array(MyApplication),
  messages: z.number().int(),
  /** Some list held more than a page (100): the export holds everything. */
  truncated: z.boolean(),
  /** Why the account cannot be deleted yet (a role held), or null. */
  eraseBlocked: z.string().nullable(),
});
export type MyDataT = z.infer<typeof MyData>;

export const privacy = {
  mine: action({
    summary: '我的信息：账号、住户、可见的走访、反映、投票、核销与申请记录（手机号打码）',
    input: z.object({}).strip(),
    output: MyData,
    roles: SIGNED_IN,
  }),
  export: action({
    summary: '导出我的信息（.xlsx，每类一个工作表；只有本人能下载）',
    input: z.object({}).strip(),
    output: z.object({ fileId: z.string(), url: z.string(), name: z.string() }),
    roles: SIGNED_IN,
  }),
  erase: action({
    summary: '注销账号：删除账号、住户成员身份与手机号，反映中的个人信息抹去（统计数字保留）；担任三长等身份时须先卸任',
    input: z.object({ confirm: z.literal(true, { errorMap: () => ({ message: '请先确认注销' }) }) }),
    output: z.object({ erased: z.literal(true), household: z.enum(['none', 'membership']) }),
    roles: SIGNED_IN,
  }),
};
