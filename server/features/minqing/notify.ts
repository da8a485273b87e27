// Back to the resident: every step they should hear of writes a 消息 (their in-app inbox,
// with the unread count on 我的) and sends a subscribe message through the notifier port.
import { PROBLEM_STATUS_LABELS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { subscribeData } from '../../core/subscribe';
import { TEMPLATES } from '../../core/templates';
import { createdKey, type InboxDoc, type ProblemDoc } from './docs';
import { randomId } from './ids';

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
    // Never throws: a message that does not go out is recorded by the notifier; the 消息 stays.
    await ctx.notifier.send({
      touser: m.openid,
      templateId: TEMPLATES.problemProgress,
      page: m.page ?? (m.problemId ? `minqing/detail?id=${m.problemId}` : m.meetingId ? `minqing/meeting?id=${m.meetingId}` : 'minqing/inbox'),
      data: subscribeData({ character_string1: m.number ?? 'MQ', thing2: m.body, phrase3: m.status ?? '有新进展', thing4: m.title }),
    });
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
