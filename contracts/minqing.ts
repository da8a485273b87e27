// Cloud function `minqing`: residents' problems and their closed loop (三事分流), from the
// report to a rated answer: routing, timeline, 民情恳谈会, deadlines and 督办, 消息 and figures.
import { z } from 'zod';
import { action } from './action';
import { Empty, Id, SearchText, UserText } from './common';
import { ADMIN, LEADS, SIGNED_IN, type Role } from './roles';
import {
  Category,
  CursorPageOf,
  CursorPaging,
  Deadlines,
  Department,
  EscalationTarget,
  InboxMessage,
  ListFilters,
  Meeting,
  MeetingDraft,
  MeetingOutcome,
  Note,
  OptionalNote,
  Photos,
  ProblemClass,
  ProblemDraft,
  ProblemRow,
  ProblemStatus,
  ProblemWithTimeline,
  RatesRow,
  StaffRow,
  Rates,
  TodoBox,
  TodoCounts,
} from './minqing-schemas';

export * from './minqing-schemas';

/** Everyone who handles problems. */
export const HANDLERS: readonly Role[] = [...LEADS, 'department', 'admin'];

const ProblemId = z.object({ id: Id });
const One = ProblemWithTimeline;

export const minqing = {
  categories: action({
    summary: '问题类别（固定类别加本社区自设类别）',
    input: z.object({ communityId: Id.optional() }),
    output: z.object({ items: z.array(Category) }),
    roles: SIGNED_IN,
  }),
  addCategory: action({
    summary: '社区管理员增加一个本社区的问题类别',
    input: z.object({ communityId: Id.optional(), label: UserText(8) }),
    output: z.object({ items: z.array(Category) }),
    roles: ADMIN,
  }),
  removeCategory: action({
    summary: '社区管理员停用一个本社区自设的类别（已有的反映不受影响）',
    input: z.object({ communityId: Id.optional(), id: z.string().regex(/^c_[0-9A-Za-z]{1,16}$/) }),
    output: z.object({ items: z.array(Category) }),
    roles: ADMIN,
  }),
  deadlines: action({
    summary: '本社区的办理时限（默认：受理24小时、紧急2小时，私事3天、小事7天、大事15天）',
    input: z.object({ communityId: Id.optional() }),
    output: z.object({ deadlines: Deadlines, custom: z.boolean() }),
    roles: HANDLERS,
  }),
  setDeadlines: action({
    summary: '社区管理员调整本社区的办理时限',
    input: z.object({ communityId: Id.optional(), deadlines: Deadlines }),
    output: z.object({ deadlines: Deadlines, custom: z.boolean() }),
    roles: ADMIN,
  }),

  submit: action({
    summary: '居民反映问题（已绑定住户按住户所在的邻，未绑定按扫码的联系卡）',
    input: ProblemDraft.extend({ unitId: Id.optional() }),
    output: One,
    roles: SIGNED_IN,
  }),
  submitForHousehold: action({
    summary: '邻长“五个一”走访时为住户登记一批问题（关联到这次走访）',
    input: z.object({
      householdId: Id,
      visitId: Id.optional(),
      problems: z.array(ProblemDraft).min(1).max(10),
    }),
    output: z.object({ problems: z.array(ProblemRow) }),
    roles: ['neighbourLead'],
  }),
  get: action({
    summary: '一个反映的详情与办理时间线',
    input: ProblemId,
    output: One,
    roles: SIGNED_IN,
  }),
  mine: action({
    summary: '我的反映',
    input: CursorPaging.extend({ status: ProblemStatus.optional() }),
    output: CursorPageOf(ProblemRow),
    roles: SIGNED_IN,
  }),
  todo: action({
    summary: '待处理、已超时、已办结（邻长、组长、片长、部门、管理员），附三项数量；可按编号、内容、地点、邻、片搜索',
    input: CursorPaging.extend({ box: TodoBox.default('pending'), q: SearchText.optional() }),
    output: CursorPageOf(ProblemRow).extend({ counts: TodoCounts }),
    roles: HANDLERS,
  }),
  counts: action({
    summary: '首页与“我的”的数量：待处理/已超时/已办结、我的反映办理中、未读消息',
    input: Empty,
    output: z.object({
      todo: TodoCounts.nullable(),
      mineOpen: z.number().int(),
      unread: z.number().int(),
    }),
    roles: SIGNED_IN,
  }),
  list: action({
    summary: '管理员查看辖区全部反映，可按类别、状态、分类、片、是否超时筛选，按编号、内容、地点、邻、片搜索',
    input: CursorPaging.merge(ListFilters).extend({ q: SearchText.optional() }),
    output: CursorPageOf(ProblemRow).extend({ total: z.number().int() }),
    roles: ADMIN,
  }),

  accept: action({
    summary: '受理',
    input: ProblemId.extend({ note: OptionalNote }),
    output: One,
    roles: HANDLERS,
  }),
  classify: action({
    summary: '三事分流：分为私事、小事、大事',
    input: ProblemId.extend({ class: ProblemClass, note: OptionalNote }),
    output: One,
    roles: [...LEADS, 'admin'],
  }),
  reclassify: action({
    summary: '重新分类（须说明理由）',
    input: ProblemId.extend({ class: ProblemClass, reason: Note }),
    output: One,
    roles: [...LEADS, 'admin'],
  }),
  progress: action({
    summary: '记录办理进展（文字与照片）',
    input: ProblemId.extend({ note: Note, photos: Photos.default([]) }),
    output: One,
    roles: HANDLERS,
  }),
  resolve: action({
    summary: '办结，写明办理结果，等待居民确认评价',
    input: ProblemId.extend({ note: Note, photos: Photos.default([]) }),
    output: One,
    roles: HANDLERS,
  }),
  departments: action({
    summary: '可交办的部门（区直单位等）',
    input: Empty,
    output: z.object({ items: z.array(Department) }),
    roles: ADMIN,
  }),
  departmentStaff: action({
    summary: '管理员：一个部门的办理人员（已绑定的与未使用的绑定码）',
    input: z.object({ departmentId: Id }),
    output: z.object({ department: Department, staff: z.array(StaffRow) }),
    roles: ADMIN,
  }),
  departmentInvite: action({
    summary: '管理员：为部门的办理人员生成一次性绑定码（在“我的”输入，只看交办给本部门的事）',
    input: z.object({ departmentId: Id, label: z.string().trim().max(20).optional() }),
    output: z.object({ code: z.string(), expiresAt: z.number() }),
    roles: ADMIN,
  }),
  removeDepartmentStaff: action({
    summary: '管理员：解除部门的一位办理人员（收回部门身份；未用的绑定码作废）',
    input: z.object({ departmentId: Id, code: z.string().regex(/^\d{8}$/, '绑定码是8位数字') }),
    output: z.object({ removed: z.literal(true) }),
    roles: ADMIN,
  }),
  assign: action({
    summary: '社区管理员把大事交给部门办理',
    input: ProblemId.extend({ departmentId: Id, note: OptionalNote }),
    output: One,
    roles: ADMIN,
  }),
  handBack: action({
    summary: '部门把交办的事退回社区（不属于本部门、交错了部门），写明理由，由社区重新分派',
    input: ProblemId.extend({ reason: Note }),
    output: One,
    roles: ['department'],
  }),
  escalate: action({
    summary: '社区管理员把大事上报镇街或区',
    input: ProblemId.extend({ to: EscalationTarget, note: Note }),
    output: One,
    roles: ADMIN,
  }),
  urge: action({
    summary: '督办：上级催办超时的反映（写明要求）',
    input: ProblemId.extend({ note: Note }),
    output: One,
    roles: ['groupLead', 'areaLead', 'admin'],
  }),
  rate: action({
    summary: '居民确认办理结果并评价（1–2星转上一级重新办理）',
    input: ProblemId.extend({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(200).optional() }),
    output: One,
    roles: SIGNED_IN,
  }),

  meetings: action({
    summary: '民情恳谈会列表（片长、组长、邻长看本片，居民看议题涉及自己的已公布纪要）',
    input: CursorPaging.extend({ areaId: Id.optional() }),
    output: CursorPageOf(Meeting),
    roles: SIGNED_IN,
  }),
  meeting: action({
    summary: '一次民情恳谈会：议题与纪要',
    input: z.object({ id: Id }),
    output: z.object({ meeting: Meeting, canEdit: z.boolean(), candidates: z.array(ProblemRow) }),
    roles: SIGNED_IN,
  }),
  scheduleMeeting: action({
    summary: '片长安排民情恳谈会（本片未办结的小事自动列入议题）',
    input: MeetingDraft,
    output: z.object({ meeting: Meeting }),
    roles: ['areaLead'],
  }),
  agendaAdd: action({
    summary: '把一件小事列入恳谈会议题',
    input: z.object({ meetingId: Id, problemId: Id }),
    output: z.object({ meeting: Meeting }),
    roles: ['areaLead'],
  }),
  agendaDrop: action({
    summary: '把一件事移出恳谈会议题',
    input: z.object({ meetingId: Id, problemId: Id, reason: OptionalNote }),
    output: z.object({ meeting: Meeting }),
    roles: ['areaLead'],
  }),
  recordMinutes: action({
    summary: '记录一个议题的议定结果（议定办结、转为大事、继续跟进）',
    input: z.object({ meetingId: Id, problemId: Id, decision: Note, outcome: MeetingOutcome }),
    output: z.object({ meeting: Meeting }),
    roles: ['areaLead'],
  }),
  publishMinutes: action({
    summary: '公布会议纪要（议题涉及的居民可以看到）',
    input: z.object({ meetingId: Id, summary: z.string().trim().max(1000).optional() }),
    output: z.object({ meeting: Meeting }),
    roles: ['areaLead'],
  }),

  inbox: action({
    summary: '消息：反映办理进展的通知',
    input: CursorPaging,
    output: CursorPageOf(InboxMessage).extend({ unread: z.number().int() }),
    roles: SIGNED_IN,
  }),
  readInbox: action({
    summary: '标记消息已读（不传 ids 即全部已读）',
    input: z.object({ ids: z.array(Id).min(1).max(50).optional() }),
    output: z.object({ unread: z.number().int() }),
    roles: SIGNED_IN,
  }),
  unreadCount: action({
    summary: '未读消息数（“我的”标签上的角标）',
    input: Empty,
    output: z.object({ unread: z.number().int() }),
    roles: SIGNED_IN,
  }),

  stats: action({
    summary: '响应率、按期办结率、满意率：本级、每位办理人、每个片（来自随写随记的汇总）',
    input: z.object({ nodeId: Id.optional() }),
    output: z.object({ node: RatesRow, handlers: z.array(RatesRow), areas: z.array(RatesRow) }),
    roles: HANDLERS,
  }),
  sweep: action({
    summary: '巡检超时与到期（云端由定时触发器调用；本地为维护操作），每次处理有上限',
    input: z.object({ max: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ overdue: z.number().int(), autoClosed: z.number().int(), more: z.boolean() }),
    roles: ADMIN,
  }),
};

export type { Rates };
