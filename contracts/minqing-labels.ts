// 民情 (residents' problems, 三事分流): the enum values and their Chinese labels, free of zod
// so the mini program can import them as values (contracts/minqing.ts builds its schemas on them).

/** The fixed categories every 社区 has; a 社区 may add its own (ids `c_…`). */
export const PROBLEM_CATEGORIES = ['environment', 'repair', 'dispute', 'safety', 'policy', 'other'] as const;
export const PROBLEM_CATEGORY_LABELS: Record<(typeof PROBLEM_CATEGORIES)[number], string> = {
  environment: '环境卫生',
  repair: '设施维修',
  dispute: '邻里纠纷',
  safety: '安全隐患',
  policy: '政策咨询',
  other: '其他',
};

/** 三事分流 */
export const PROBLEM_CLASSES = ['personal', 'minor', 'major'] as const;
export const PROBLEM_CLASS_LABELS: Record<(typeof PROBLEM_CLASSES)[number], string> = {
  personal: '私事',
  minor: '小事',
  major: '大事',
};
/** Who handles each class, for the classify sheet. */
export const PROBLEM_CLASS_HINTS: Record<(typeof PROBLEM_CLASSES)[number], string> = {
  personal: '邻长办理，记录办理情况',
  minor: '转片长，列入民情恳谈会议题',
  major: '报社区，交部门办理或上报镇街/区',
};

/**
 * pending: 待受理 (nobody accepted yet) · handling: 办理中 · resolved: 已办结, waiting for the
 * resident's confirmation and rating · closed: 已完结 (rated, or 默认满意 after 7 days).
 */
export const PROBLEM_STATUSES = ['pending', 'handling', 'resolved', 'closed'] as const;
export const PROBLEM_STATUS_LABELS: Record<(typeof PROBLEM_STATUSES)[number], string> = {
  pending: '待受理',
  handling: '办理中',
  resolved: '待评价',
  closed: '已完结',
};

/** Where a problem sits now: the node level (or 部门) whose handler holds it. */
export const HANDLER_LEVELS = ['unit', 'group', 'area', 'community', 'department', 'street', 'district'] as const;
export const HANDLER_LEVEL_LABELS: Record<(typeof HANDLER_LEVELS)[number], string> = {
  unit: '邻长',
  group: '组长',
  area: '片长',
  community: '社区',
  department: '部门',
  street: '镇街',
  district: '区',
};

/** The steps a problem's timeline records (append-only). */
export const TIMELINE_KINDS = [
  'submitted',
  'routed',
  'accepted',
  'classified',
  'reclassified',
  'progress',
  'agendaAdded',
  'agendaDropped',
  'decided',
  'assigned',
  'handedBack',
  'escalated',
  'urged',
  'overdue',
  'resolved',
  'rated',
  'reopened',
  'autoClosed',
] as const;
export const TIMELINE_KIND_LABELS: Record<(typeof TIMELINE_KINDS)[number], string> = {
  submitted: '提交反映',
  routed: '转交办理',
  accepted: '已受理',
  classified: '分类',
  reclassified: '重新分类',
  progress: '办理进展',
  agendaAdded: '列入民情恳谈会',
  agendaDropped: '移出民情恳谈会',
  decided: '恳谈会议定',
  assigned: '交部门办理',
  handedBack: '部门退回社区',
  escalated: '上报',
  urged: '督办',
  overdue: '已超时',
  resolved: '已办结',
  rated: '居民评价',
  reopened: '重新办理',
  autoClosed: '默认满意',
};

/** The three to-do boxes of every handler. */
export const TODO_BOXES = ['pending', 'overdue', 'done'] as const;
export const TODO_BOX_LABELS: Record<(typeof TODO_BOXES)[number], string> = {
  pending: '待处理',
  overdue: '已超时',
  done: '已办结',
};

/** 民情恳谈会: what the meeting decided for an item on its agenda. */
export const MEETING_OUTCOMES = ['resolve', 'escalate', 'continue'] as const;
export const MEETING_OUTCOME_LABELS: Record<(typeof MEETING_OUTCOMES)[number], string> = {
  resolve: '议定办结',
  escalate: '转为大事上报社区',
  continue: '继续跟进',
};
export const MEETING_STATUSES = ['scheduled', 'published'] as const;
export const MEETING_STATUS_LABELS: Record<(typeof MEETING_STATUSES)[number], string> = {
  scheduled: '待召开',
  published: '纪要已公布',
};

/** Sent up out of the 社区 (大事). */
export const ESCALATION_TARGETS = ['street', 'district'] as const;
export const ESCALATION_TARGET_LABELS: Record<(typeof ESCALATION_TARGETS)[number], string> = {
  street: '镇街',
  district: '区',
};

/** Which deadline a problem missed. */
export const DEADLINE_KINDS = ['accept', 'resolve'] as const;
export const DEADLINE_KIND_LABELS: Record<(typeof DEADLINE_KINDS)[number], string> = {
  accept: '受理超时',
  resolve: '办结超时',
};

/** Defaults after 12345 practice (hours / days from submission); a 社区 may change them. */
export const DEFAULT_DEADLINES = {
  acceptHours: 24,
  urgentAcceptHours: 2,
  personalDays: 3,
  minorDays: 7,
  majorDays: 15,
  /** Days a resident has to confirm and rate before it closes as 默认满意. */
  confirmDays: 7,
} as const;

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;
/** 1–2 stars reopen the problem one level up. */
export const REOPEN_BELOW_STARS = 3;
export const DEFAULT_SATISFIED_LABEL = '默认满意';
export const MAX_PROBLEM_PHOTOS = 9;
