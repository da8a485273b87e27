// What the minqing actions return, as the pages use it (types only: zod stays out of the bundle).
import type { Input, Output } from '../api/client';

export type ProblemReply = Output<'minqing', 'get'>;
export type Problem = ProblemReply['problem'];
export type TimelineEntry = ProblemReply['timeline'][number];
export type ProblemAction = ProblemReply['can'][number];
export type ProblemRow = Output<'minqing', 'mine'>['items'][number];
export type TodoReply = Output<'minqing', 'todo'>;
export type TodoCounts = TodoReply['counts'];
export type TodoBox = NonNullable<Input<'minqing', 'todo'>['box']>;
export type ListFilters = Omit<Input<'minqing', 'list'>, 'cursor' | 'pageSize'>;
export type ProblemDraft = Input<'minqing', 'submitForHousehold'>['problems'][number];
export type Category = Output<'minqing', 'categories'>['items'][number];
export type MeetingReply = Output<'minqing', 'meeting'>;
export type Meeting = MeetingReply['meeting'];
export type MeetingItem = Meeting['items'][number];
export type InboxMessage = Output<'minqing', 'inbox'>['items'][number];
export type Counts = Output<'minqing', 'counts'>;
export type MineReply = Output<'minqing', 'mine'>;
export type ListReply = Output<'minqing', 'list'>;
export type MeetingsReply = Output<'minqing', 'meetings'>;
export type InboxReply = Output<'minqing', 'inbox'>;
export type StatsReply = Output<'minqing', 'stats'>;
export type RatesRow = StatsReply['node'];
export type Rates = RatesRow['rates'];
export type DeadlinesReply = Output<'minqing', 'deadlines'>;
export type Deadlines = DeadlinesReply['deadlines'];
