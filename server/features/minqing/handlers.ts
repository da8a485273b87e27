// Cloud function `minqing`: residents' problems, 三事分流 and the closed loop (contracts/minqing.ts).
import { minqing } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { defineFunction } from '../../core/router';
import { readAll } from '../../domain/nodes';
import { accessOf } from './access';
import type { ProblemDoc, TimelineDoc } from './docs';
import { accept, assign, classify, escalate, handBack, progress, reclassify, resolve, urge } from './handle';
import { inbox, readInbox, unreadOf } from './inbox';
import { counts, list, mine, todo } from './lists';
import { agendaAdd, agendaDrop, getMeeting, listMeetings, publish, recordMinutes, schedule } from './meetings';
import { shownPhotos } from './photos';
import { callerGrants, visibleProblem } from './problem';
import { rate } from './rate';
import { addCategory, categories, deadlines, departments, removeCategory, setDeadlines } from './settings';
import { departmentInvite, departmentStaff, removeDepartmentStaff } from './staff';
import { stats } from './stats';
import { submit, submitForHousehold } from './submit';
import { sweepWith } from './sweep';
import { canOf, detailOf, entryOf, rowOf } from './views';

export async function timelineOf(ctx: Ctx, problemId: string): Promise<TimelineDoc[]> {
  return readAll<TimelineDoc>(
    ctx.store.collection('mqtimeline').where({ problemId }).orderBy('seq', 'asc'),
    2000,
  );
}

/** The problem, its timeline and the caller's buttons, as the caller may see them. */
async function viewOf(ctx: Ctx, p: ProblemDoc, known?: TimelineDoc[]) {
  const grants = await callerGrants(ctx);
  const access = accessOf(p, ctx.caller.openid, grants);
  if (!access) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const timeline = known ?? (await timelineOf(ctx, p._id));
  // Only now, with access decided: the photos as addresses this caller can open.
  const [photos, ...steps] = await shownPhotos(ctx, [p.photos, ...timeline.map((e) => e.photos ?? [])]);
  return {
    problem: { ...detailOf(p, access, ctx.clock.now()), photos },
    timeline: timeline.map((e, i) => ({ ...entryOf(e, p, access), photos: steps[i] })),
    can: canOf(p, access, grants),
  };
}

const after = (ctx: Ctx) => async (r: { after: ProblemDoc }) => viewOf(ctx, r.after);

export const minqingFunction = defineFunction('minqing', minqing, {
  categories,
  addCategory,
  removeCategory,
  deadlines,
  setDeadlines,

  async submit(ctx, input) {
    const { p, timeline } = await submit(ctx, input);
    return viewOf(ctx, p, timeline);
  },
  async submitForHousehold(ctx, input) {
    const now = ctx.clock.now();
    return { problems: (await submitForHousehold(ctx, input)).map((p) => rowOf(p, now)) };
  },
  async get(ctx, { id }) {
    const { p } = await visibleProblem(ctx, id);
    return viewOf(ctx, p);
  },
  mine,
  todo,
  counts,
  list,

  accept: (ctx, i) => accept(ctx, i).then(after(ctx)),
  classify: (ctx, i) => classify(ctx, i).then(after(ctx)),
  reclassify: (ctx, i) => reclassify(ctx, i).then(after(ctx)),
  progress: (ctx, i) => progress(ctx, i).then(after(ctx)),
  resolve: (ctx, i) => resolve(ctx, i).then(after(ctx)),
  departments,
  departmentStaff,
  departmentInvite,
  removeDepartmentStaff,
  assign: (ctx, i) => assign(ctx, i).then(after(ctx)),
  handBack: (ctx, i) => handBack(ctx, i).then(after(ctx)),
  escalate: (ctx, i) => escalate(ctx, i).then(after(ctx)),
  urge: (ctx, i) => urge(ctx, i).then(after(ctx)),
  rate: (ctx, i) => rate(ctx, i).then(after(ctx)),

  meetings: listMeetings,
  meeting: getMeeting,
  scheduleMeeting: schedule,
  agendaAdd,
  agendaDrop,
  recordMinutes,
  publishMinutes: publish,

  inbox,
  readInbox,
  async unreadCount(ctx) {
    return { unread: await unreadOf(ctx, ctx.openid()) };
  },

  stats,
  async sweep(ctx, { max }) {
    return sweepWith(ctx, max);
  },
});
