// Back to the resident: every step they should hear of writes a 消息 (their in-app inbox,
// with the unread count on 我的) and sends a subscribe message through the notifier port.
import { PROBLEM_STATUS_LABELS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { phrase, thing } from '../../core/templates';
import { createdKey, type InboxDoc, type ProblemDoc } from './docs';
import { randomId } from './ids';

/** 办理进度通知: character_string1 编号, thing2 事项, phrase3 状态, thing4 说明. */
export const PROGRESS_TEMPLATE = process.env.LZT_TPL_PROBLEM_PROGRESS ?? 'problem-progress';

export interface Message {
  openid: string;
  title: string;
  body: string;
  problemId?: string;
  /** 反映编号 (the subscribe message's character_string1). */
  number?: string;
  meetingId?: string;
  /** The subscribe message's 状态 (≤ 5 characters) and page. */
  status?: string;
  page?: string;
}

export async function deliver(ctx: Ctx, messages: Message[]): Promise<void> {
  const now = ctx.clock.now();
  for (const m of messages) {
    const id = randomId('m', now);
    const doc: InboxDoc = {
      _id: id,
      openid: m.openid,
      at: now,
      ck: createdKey(now, id),
      title: m.title,
      body: m.body,
      read: false,
      ...(m.problemId ? { problemId: m.problemId } : {}),
      ...(m.meetingId ? { meetingId: m.meetingId } : {}),
    };
    await ctx.store.collection('mqinbox').add(doc);
    try {
      await ctx.notifier.send({
        touser: m.openid,
        templateId: PROGRESS_TEMPLATE,
        page: m.page ?? (m.problemId ? `minqing/detail?id=${m.problemId}` : 'pages/mine/index'),
        data: {
          character_string1: { value: (m.number ?? 'MQ').slice(0, 32) },
          thing2: thing(m.body),
          phrase3: phrase(m.status ?? '有新进展'),
          thing4: thing(m.title),
        },
      });
    } catch {
      // A refused subscribe message (no grant left, a template not set up) leaves the 消息 as the record.
    }
  }
}

/** The 消息 the reporter gets when their problem moves. */
export function toReporter(p: ProblemDoc, what: string, actorOpenid: string | null): Message[] {
  if (!p.by || p.by === actorOpenid) return [];
  return [
    {
      openid: p.by,
      problemId: p._id,
      number: p.number,
      title: `您反映的问题 ${p.number}：${PROBLEM_STATUS_LABELS[p.status]}`,
      body: `${[...p.description].slice(0, 30).join('')}｜${what}`,
      status: PROBLEM_STATUS_LABELS[p.status],
    },
  ];
}
