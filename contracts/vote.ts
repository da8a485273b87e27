// 最美邻长评选: campaigns, nominations, exactly-once voting, anti-fraud and results.
// One call per mini program page:
//   首页 block ............ vote.announcements      活动管理列表 (管理员) ... vote.list
//   活动页 + 候选人宫格 .... vote.campaign           活动设置 (管理员) ....... vote.overview → vote.save
//   候选人页 .............. vote.candidate          审核提名 (管理员) ....... vote.nominations → vote.review
//   投票按钮 .............. vote.cast               异常与作废 (管理员) ..... vote.alerts / vote.votes → vote.void
//   排行榜 ................ vote.leaderboard        操作记录 (管理员) ....... vote.audit
//   提名 / 自荐表单 ........ vote.recommend / vote.apply / vote.nominate (管理员)
//   我的提名 .............. vote.mine               确认结果 (管理员) ....... vote.confirm
// Times are epoch ms; the mini program shows them in Beijing time. File ids are what
// wx.cloud.uploadFile returns (cloud://…) or, in the local H5 build, the dev upload's
// `local:…` (served at /files/…); <Image> takes a cloud:// id as its src directly.
import { z } from 'zod';
import { action } from './action';
import { FileId, Id, PageOf, Paging, SearchPageOf, SearchPaging, UserText } from './common';
import { ADMIN, ANYONE, SIGNED_IN } from './roles';
import { campaignProblems } from './rules';

// Chinese labels of these enums: contracts/vote-labels.ts (zod-free, for the mini program).
export const CampaignStatus = z.enum(['upcoming', 'nominating', 'reviewing', 'voting', 'closed']);
export type CampaignStatusT = z.infer<typeof CampaignStatus>;

/** Who may vote (and recommend): any WeChat user, residents with a bound household, or those of the campaign's scope. */
export const Eligibility = z.enum(['anyone', 'registered', 'scope']);
export type EligibilityT = z.infer<typeof Eligibility>;

/** The ranking (and vote counts) shown while voting, or only once voting has ended. */
export const RankingMode = z.enum(['live', 'after']);

export const NominationKind = z.enum(['org', 'public', 'self']);
export const CandidateStatus = z.enum(['pending', 'approved', 'rejected']);
/** Photos wait for the 管理员 (in the cloud, mediaCheckAsync answers later, so nothing is shown before review). */
export const PhotoStatus = z.enum(['pending', 'approved', 'rejected']);
/** Made by the mini program for each tap (and reused for its retries): the same id never counts twice. */
export const RequestId = z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, '请求编号不正确');
const Time = z.number().int().min(Date.UTC(2020, 0, 1)).max(Date.UTC(2100, 0, 1));
export const Story = UserText(800);
const Photos = z.array(FileId).max(6);

export const MAX_PER_DAY = 100;
const CampaignFields = z.object({
  /** The 镇街, 社区 or 片 (or the 区) the campaign is for; candidates are the 邻长 under it. */
  scopeNodeId: Id,
  title: UserText(40),
  description: UserText(2000),
  cover: FileId.optional(),
  nominateFrom: Time,
  nominateUntil: Time,
  voteFrom: Time,
  voteUntil: Time,
  eligibility: Eligibility.default('registered'),
  perDay: z.number().int().min(1).max(MAX_PER_DAY).default(3),
  perCandidatePerDay: z.number().int().min(1).max(MAX_PER_DAY).default(1),
  /** Per-voter rate limit: the least time between two of a voter's votes (0: none). */
  minGapSeconds: z.number().int().min(0).max(3600).default(3),
  ranking: RankingMode.default('live'),
  honorees: z.number().int().min(1).max(50).default(10),
  /** The badge honorees get on their card; default "<year>年度最美邻长". */
  badge: z.string().trim().min(1).max(12).optional(),
});

const windowsInOrder = (v: z.infer<typeof CampaignFields>, ctx: z.RefinementCtx) => {
  for (const p of campaignProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

export const CampaignView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  cover: z.string().optional(),
  scope: z.object({ nodeId: z.string(), level: z.string(), name: z.string() }),
  nominateFrom: z.number(),
  nominateUntil: z.number(),
  voteFrom: z.number(),
  voteUntil: z.number(),
  eligibility: Eligibility,
  perDay: z.number(),
  perCandidatePerDay: z.number(),
  minGapSeconds: z.number(),
  ranking: RankingMode,
  honorees: z.number(),
  badge: z.string(),
  status: CampaignStatus,
  /** Approved candidates. */
  candidates: z.number(),
  /** Whether vote counts and the ranking are shown to this caller now. */
  rankingVisible: z.boolean(),
  results: z
    .object({
      confirmedAt: z.number(),
      /** The 管理员 chose other honorees than the top N, with this reason. */
      adjusted: z.boolean(),
      reason: z.string().optional(),
      honorees: z.array(
        z.object({ candidateId: z.string(), no: z.number(), name: z.string(), unitId: z.string(), unitName: z.string(), votes: z.number(), rank: z.number() }),
      ),
    })
    .nullable(),
});
export type CampaignViewT = z.infer<typeof CampaignView>;

export const CampaignSummary = CampaignView.pick({
  id: true,
  title: true,
  cover: true,
  scope: true,
  status: true,
  nominateFrom: true,
  nominateUntil: true,
  voteFrom: true,
  voteUntil: true,
  results: true,
});

/** The caller's votes today (a Beijing day), for the vote button. */
export const MyVotes = z.object({
  signedIn: z.boolean(),
  /** False with a reason when the caller cannot vote now (not signed in, not eligible, outside the window, disqualified). */
  canVote: z.boolean(),
  reason: z.string().optional(),
  /**
   * True when the votes left decide (a voter of this campaign, today); false when something
   * else stops the caller (signed out, outside the window, not eligible, barred), whose
   * leftToday is then no count of theirs and is not shown as "投完".
   */
  byQuota: z.boolean(),
  day: z.string(),
  leftToday: z.number(),
});

export const CandidateCard = z.object({
  id: z.string(),
  no: z.number(),
  name: z.string(),
  unitName: z.string(),
  photo: z.string().optional(),
  /** null while the ranking is hidden. */
  votes: z.number().nullable(),
});

export const NominationView = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: NominationKind,
  status: CandidateStatus,
  no: z.number().optional(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  story: z.string(),
  /** `src`: what to show (a short-lived address while the photo is not public; see readableUrls in server/domain/uploads.ts). */
  photos: z.array(z.object({ fileId: z.string(), status: PhotoStatus, src: z.string() })),
  nominatorName: z.string().optional(),
  /** A resident's recommendation that the 邻长's own application (or the 管理员's) took over: kept for the review. */
  recommendation: z.object({ story: z.string(), nominatorName: z.string().optional() }).optional(),
  reason: z.string().optional(),
  createdAt: z.number(),
  reviewedAt: z.number().optional(),
});

export const AlertView = z.object({
  id: z.string(),
  candidateId: z.string(),
  no: z.number(),
  name: z.string(),
  /** Start of the minute (epoch ms) and its votes, against the average of the 10 minutes before. */
  minute: z.number(),
  votes: z.number(),
  baseline: z.number(),
  createdAt: z.number(),
});

export const VoteRow = z.object({
  id: z.string(),
  candidateId: z.string(),
  /** The voter's openid (管理员 only: it is what a void names). */
  voter: z.string(),
  at: z.number(),
  valid: z.boolean(),
  voidReason: z.string().optional(),
});

export const VoidTarget = z.discriminatedUnion('kind', [
  /** Every valid vote of one voter in the campaign. */
  z.object({ kind: z.literal('voter'), voter: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/), block: z.boolean().default(false) }),
  /** A candidate's valid votes cast in [from, until). */
  z.object({ kind: z.literal('window'), candidateId: Id, from: Time, until: Time }),
]);

export const AuditView = z.object({
  id: z.string(),
  action: z.enum(['void', 'confirm', 'disqualify']),
  byName: z.string(),
  reason: z.string(),
  /** What was done, in one Chinese sentence. */
  summary: z.string(),
  count: z.number(),
  done: z.boolean(),
  at: z.number(),
});

const campaignRef = z.object({ campaignId: Id });

export const vote = {
  save: action({
    summary: '创建或修改评选活动（投票开始后只能改标题、说明、封面与表彰名额）',
    input: CampaignFields.extend({ id: Id.optional() }).superRefine(windowsInOrder),
    output: z.object({ campaign: CampaignView }),
    roles: ADMIN,
  }),
  list: action({
    summary: '我管辖范围内的评选活动（管理员；可按标题搜索）',
    input: SearchPaging,
    output: SearchPageOf(CampaignSummary),
    roles: ADMIN,
  }),
  overview: action({
    summary: '活动设置页：完整规则与待办数量（管理员）',
    input: campaignRef,
    output: z.object({
      campaign: CampaignView,
      counts: z.object({ pending: z.number(), approved: z.number(), rejected: z.number(), alerts: z.number(), blocked: z.number() }),
    }),
    roles: ADMIN,
  }),
  announcements: action({
    summary: '首页：我所在辖区正在进行的评选与已公布的结果',
    input: z.object({ nodeId: Id.optional() }),
    output: z.object({
      place: z.object({ nodeId: z.string(), name: z.string() }).nullable(),
      ongoing: z.array(CampaignSummary),
      announced: z.array(CampaignSummary),
    }),
    roles: ANYONE,
  }),
  campaign: action({
    summary: '活动页：介绍、规则、我今天还剩几票，以及候选人（按姓名或编号搜索，分页）',
    input: campaignRef.merge(Paging).extend({ keyword: z.string().trim().max(20).optional() }),
    output: z.object({ campaign: CampaignView, me: MyVotes, candidates: PageOf(CandidateCard) }),
    roles: ANYONE,
  }),
  candidate: action({
    summary: '候选人页：事迹、照片、票数（实时公开时）和我还能给这位候选人投几票',
    input: z.object({ candidateId: Id }),
    output: z.object({
      campaign: CampaignSummary.extend({ rankingVisible: z.boolean(), perCandidatePerDay: z.number() }),
      candidate: CandidateCard.extend({ story: z.string(), photos: z.array(z.string()), kind: NominationKind, honoured: z.boolean() }),
      me: MyVotes.extend({ leftForCandidate: z.number() }),
      /** For useShareAppMessage. */
      shareTitle: z.string(),
    }),
    roles: ANYONE,
  }),
  leaderboard: action({
    summary: '排行榜（只读候选人计票，不读选票）',
    input: campaignRef.merge(Paging),
    output: z.object({
      visible: z.boolean(),
      /** Voting has ended: the ranking no longer moves (except by a void before the results are confirmed). */
      frozen: z.boolean(),
      items: z.array(CandidateCard.extend({ rank: z.number(), votes: z.number() })),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
    }),
    roles: ANYONE,
  }),
  cast: action({
    summary: '投一票：同一请求编号只计一次，不超过当天限额；回复当天还剩几票',
    input: z.object({ campaignId: Id, candidateId: Id, requestId: RequestId }),
    output: z.object({
      voteId: z.string(),
      candidateId: z.string(),
      /** This requestId had already been counted: nothing new was counted. */
      replayed: z.boolean(),
      day: z.string(),
      leftToday: z.number(),
      leftForCandidate: z.number(),
      /** The candidate's votes now (null while the ranking is hidden). */
      votes: z.number().nullable(),
    }),
    roles: SIGNED_IN,
  }),
  recommend: action({
    summary: '群众推荐：推荐本辖区的一位邻长，写明事迹',
    input: campaignRef.extend({ unitId: Id, story: Story, photos: Photos.default([]) }),
    output: z.object({ nomination: NominationView }),
    roles: SIGNED_IN,
  }),
  apply: action({
    summary: '个人自荐：邻长提交自己的事迹与照片（待审核时可重新提交）',
    input: campaignRef.extend({ unitId: Id.optional(), story: Story, photos: Photos.default([]) }),
    output: z.object({ nomination: NominationView }),
    roles: ['neighbourLead'],
  }),
  nominate: action({
    summary: '组织推荐：管理员直接提名一位邻长（直接入围并编号）',
    input: campaignRef.extend({ unitId: Id, story: Story, photos: Photos.default([]) }),
    output: z.object({ nomination: NominationView }),
    roles: ADMIN,
  }),
  mine: action({
    summary: '我在这次评选中的提名与我本人的候选情况',
    input: campaignRef,
    output: z.object({ nominations: z.array(NominationView), candidacy: NominationView.nullable() }),
    roles: SIGNED_IN,
  }),
  nominations: action({
    summary: '提名审核列表（管理员）',
    input: campaignRef.merge(Paging).extend({ status: CandidateStatus.default('pending') }),
    output: PageOf(NominationView),
    roles: ADMIN,
  }),
  review: action({
    summary: '审核提名：通过即入围并按顺序编号；不通过或取消资格须写明原因',
    input: z
      .object({ candidateId: Id, approve: z.boolean(), reason: UserText(200).optional(), rejectPhotos: z.array(FileId).max(6).default([]) })
      .refine((v) => v.approve || !!v.reason, { message: '不通过时请写明原因', path: ['reason'] }),
    output: z.object({ nomination: NominationView }),
    roles: ADMIN,
  }),
  alerts: action({
    // "Far above": a minute with ≥ 30 votes and ≥ 5 × the candidate's mean of the 10 minutes
    // before; one alert per burst (none again within 10 minutes). See server/features/vote/cast.ts.
    summary: '刷票预警：某位候选人每分钟得票远高于此前的水平（管理员）',
    input: campaignRef.merge(Paging),
    output: PageOf(AlertView),
    roles: ADMIN,
  }),
  votes: action({
    summary: '查看选票明细：某位候选人（可限定时间段）或某位投票人的选票（管理员）',
    input: campaignRef
      .merge(Paging)
      .extend({
        candidateId: Id.optional(),
        voter: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional(),
        from: Time.optional(),
        until: Time.optional(),
        /** Voided votes instead of valid ones. */
        voided: z.boolean().default(false),
      })
      .refine((v) => !!v.candidateId !== !!v.voter, { message: '请选择一位候选人或一位投票人', path: ['candidateId'] }),
    output: z.object({ items: z.array(VoteRow), page: z.number(), pageSize: z.number(), hasMore: z.boolean() }),
    roles: ADMIN,
  }),
  void: action({
    summary: '作废选票（某投票人的全部选票，或某候选人某时段的选票），须写明原因，记入操作记录',
    input: campaignRef.extend({ target: VoidTarget, reason: UserText(200), auditId: Id.optional() }).superRefine((v, ctx) => {
      if (v.target.kind === 'window' && v.target.from >= v.target.until) {
        ctx.addIssue({ code: 'custom', path: ['target', 'until'], message: '结束时间应晚于开始时间' });
      }
    }),
    output: z.object({ audit: AuditView, more: z.boolean() }),
    roles: ADMIN,
  }),
  audit: action({
    summary: '操作记录：作废、取消资格、确认结果（管理员）',
    input: campaignRef.merge(Paging),
    output: PageOf(AuditView),
    roles: ADMIN,
  }),
  confirm: action({
    summary: '投票结束后确认表彰名单（默认按票数取前 N 名；调整须写明原因），授予“最美邻长”',
    input: campaignRef.extend({ honorees: z.array(Id).min(1).max(50).optional(), reason: UserText(200).optional() }),
    output: z.object({ campaign: CampaignView }),
    roles: ADMIN,
  }),
};
