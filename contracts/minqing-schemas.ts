// 民情: the shapes the actions of contracts/minqing.ts take and return.
import { z } from 'zod';
import { FileId, Id, PersonName, UserText } from './common';
import {
  DEADLINE_KINDS,
  ESCALATION_TARGETS,
  HANDLER_LEVELS,
  MAX_PROBLEM_PHOTOS,
  MEETING_OUTCOMES,
  MEETING_STATUSES,
  PROBLEM_CLASSES,
  PROBLEM_STATUSES,
  TIMELINE_KINDS,
  TODO_BOXES,
} from './minqing-labels';
import { RoleName } from './common';

export const ProblemClass = z.enum(PROBLEM_CLASSES);
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export const HandlerLevel = z.enum(HANDLER_LEVELS);
export const TimelineKind = z.enum(TIMELINE_KINDS);
export const TodoBox = z.enum(TODO_BOXES);
export const MeetingOutcome = z.enum(MEETING_OUTCOMES);
export const MeetingStatus = z.enum(MEETING_STATUSES);
export const EscalationTarget = z.enum(ESCALATION_TARGETS);
export const DeadlineKind = z.enum(DEADLINE_KINDS);

/** A fixed category (environment …) or a 社区's own (c_…). */
export const CategoryId = z.string().trim().regex(/^(?:[a-z]{2,16}|c_[0-9A-Za-z]{1,16})$/, '请选择问题类别');
export const Photos = z.array(FileId).max(MAX_PROBLEM_PHOTOS, `最多上传${MAX_PROBLEM_PHOTOS}张照片`);
export const Note = UserText(500);
export const OptionalNote = z.string().trim().max(500).optional();

/** Opaque cursor paging (a unique tie-breaker inside): lists stay as fast at 100,000 problems. */
export const CursorPaging = z.object({
  cursor: z.string().max(200).optional(),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const CursorPageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });

/** A map point picked with chooseLocation. */
export const MapPoint = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().trim().max(60).optional(),
});

/** What the resident (or the 邻长 on a visit) fills in. */
export const ProblemDraft = z.object({
  category: CategoryId,
  description: UserText(500),
  photos: Photos.default([]),
  /** Where: prefilled with the household's building/unit, or written/picked. */
  place: z.string().trim().max(60).optional(),
  point: MapPoint.optional(),
  /** 紧急（涉及人身财产安全）: accept within 2 h, and the whole chain is told at once. */
  urgent: z.boolean().default(false),
  /** 对邻居匿名: only the handling chain sees who reported it. */
  anonymous: z.boolean().default(false),
  /** The handler may call or message the reporter (shows their phone to the handling chain). */
  contactConsent: z.boolean().default(false),
});
export type ProblemDraftT = z.infer<typeof ProblemDraft>;

export const Category = z.object({ id: z.string(), label: z.string(), custom: z.boolean() });

export const Deadlines = z.object({
  acceptHours: z.number().int().min(1).max(168),
  urgentAcceptHours: z.number().int().min(1).max(24),
  personalDays: z.number().int().min(1).max(60),
  minorDays: z.number().int().min(1).max(60),
  majorDays: z.number().int().min(1).max(120),
  confirmDays: z.number().int().min(1).max(30),
});
export type DeadlinesT = z.infer<typeof Deadlines>;

export const Actor = z.object({ name: z.string(), role: RoleName, roleLabel: z.string() });

export const TimelineEntry = z.object({
  id: z.string(),
  at: z.number(),
  kind: TimelineKind,
  /** Who did it (a resident's name hidden from neighbours when anonymous; 系统 for the sweep). */
  by: Actor,
  note: z.string().optional(),
  photos: z.array(z.string()),
  /** classified / reclassified */
  class: ProblemClass.optional(),
  /** routed / assigned / escalated / reopened: where it went */
  to: z.object({ level: HandlerLevel, name: z.string() }).optional(),
  /** rated */
  stars: z.number().int().optional(),
  meetingId: z.string().optional(),
});
export type TimelineEntryT = z.infer<typeof TimelineEntry>;

export const HandlerView = z.object({ level: HandlerLevel, id: z.string(), name: z.string() });

export const Rating = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  /** 7 days without an answer: closed as 默认满意. */
  auto: z.boolean(),
  at: z.number(),
});

/** One line of a list. */
export const ProblemRow = z.object({
  id: z.string(),
  /** 反映编号 the resident can quote: MQ20261125-0001 style. */
  number: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  summary: z.string(),
  class: ProblemClass.nullable(),
  status: ProblemStatus,
  urgent: z.boolean(),
  /** Past a deadline and not yet resolved. */
  overdue: z.boolean(),
  overdueKind: DeadlineKind.optional(),
  place: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The deadline that applies now (accept while pending, resolve while handling). */
  dueAt: z.number().nullable(),
  handler: HandlerView,
  areaName: z.string(),
  unitName: z.string(),
  /** A 部门 gave it back to the 社区 (not theirs): who and why, until it is handed on again. */
  handedBack: z.object({ from: z.string(), reason: z.string() }).optional(),
});
export type ProblemRowT = z.infer<typeof ProblemRow>;

/** The whole problem, as the caller may see it. */
export const ProblemDetail = ProblemRow.extend({
  description: z.string(),
  photos: z.array(z.string()),
  point: MapPoint.optional(),
  anonymous: z.boolean(),
  /** null for neighbours when anonymous; the phone only for the handling chain with consent. */
  reporter: z.object({ name: z.string(), phone: z.string().optional(), onBehalfBy: z.string().optional() }).nullable(),
  department: z.object({ id: z.string(), name: z.string() }).optional(),
  sentUp: EscalationTarget.optional(),
  meetingId: z.string().optional(),
  rating: Rating.optional(),
  /** When a resolved problem closes by itself as 默认满意. */
  confirmBy: z.number().optional(),
  /** The visit it was collected on (邻长's 五个一). */
  visitId: z.string().optional(),
});

/** What the caller may do to this problem now (the page shows these buttons). */
export const PROBLEM_ACTIONS = [
  'accept',
  'classify',
  'reclassify',
  'progress',
  'resolve',
  'assign',
  'handBack',
  'escalate',
  'urge',
  'rate',
  'agendaAdd',
] as const;
export const ProblemAction = z.enum(PROBLEM_ACTIONS);

export const ProblemWithTimeline = z.object({
  problem: ProblemDetail,
  timeline: z.array(TimelineEntry),
  can: z.array(ProblemAction),
});

export const TodoCounts = z.object({ pending: z.number().int(), overdue: z.number().int(), done: z.number().int() });

export const ListFilters = z.object({
  /** A 片 (or any node of the caller's subtree). */
  nodeId: Id.optional(),
  class: ProblemClass.optional(),
  status: ProblemStatus.optional(),
  category: CategoryId.optional(),
  overdue: z.boolean().optional(),
});

export const Department = z.object({ id: z.string(), name: z.string() });

/** A 部门's staff member bound with a code, or a code not used yet. */
export const StaffRow = z.object({
  code: z.string(),
  /** 办事员小刘, as written when the code was made ('' if not). */
  label: z.string(),
  state: z.enum(['bound', 'waiting']),
  /** Bound at (bound), or usable until (waiting). */
  at: z.number(),
});
export type StaffRowT = z.infer<typeof StaffRow>;

export const MeetingItem = z.object({
  problemId: z.string(),
  number: z.string(),
  summary: z.string(),
  categoryLabel: z.string(),
  /** Minutes for this item, once recorded. */
  decision: z.string().optional(),
  outcome: MeetingOutcome.optional(),
});

export const Meeting = z.object({
  id: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  title: z.string(),
  startsAt: z.number(),
  place: z.string(),
  /** Invited 组长/邻长/居民代表, by name. */
  invitees: z.array(z.string()),
  status: MeetingStatus,
  items: z.array(MeetingItem),
  summary: z.string().optional(),
  publishedAt: z.number().optional(),
});
export type MeetingT = z.infer<typeof Meeting>;

export const MeetingDraft = z.object({
  areaId: Id.optional(),
  title: UserText(40).optional(),
  startsAt: z.number().int().positive(),
  place: UserText(60),
  invitees: z.array(PersonName).max(50).default([]),
});

export const InboxMessage = z.object({
  id: z.string(),
  problemId: z.string().optional(),
  meetingId: z.string().optional(),
  title: z.string(),
  body: z.string(),
  at: z.number(),
  read: z.boolean(),
});

export const Rates = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  acceptedInTime: z.number().int(),
  resolved: z.number().int(),
  resolvedInTime: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  /** 响应率: accepted in time / received (null while nothing was received). */
  responseRate: z.number().nullable(),
  /** 按期办结率: resolved in time / resolved. */
  onTimeRate: z.number().nullable(),
  /** 满意率: 3 stars and more / rated. */
  satisfactionRate: z.number().nullable(),
});

export const RatesRow = z.object({ id: z.string(), name: z.string(), level: HandlerLevel, rates: Rates });
