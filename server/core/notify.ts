// The one notifier both runtimes use (the Notifier port, server/core/ports.ts): it checks a
// message before sending, hands it to the runtime's delivery (cloud: subscribeMessage.send;
// local: memory), and records every message that did not go out — in `notifyFailures`, one
// document each, and counted per Beijing day and reason in `notifyStats` — instead of
// swallowing it. It never throws: a notification never fails the action that caused it.
import type { Store } from '../store/port';
import { StoreError, cmd } from '../store/port';
import type { Notifier, SendResult, SubscribeMessage } from './ports';
import { dataProblems } from './subscribe';
import { beijingDay } from './time';

/** What a delivery answers: sent, or refused with WeChat's errcode (43101: the user has not subscribed). */
export type Delivery = { sent: true } | { sent: false; errCode?: number; detail: string };
export type Deliver = (message: SubscribeMessage) => Promise<Delivery>;

export const NOTIFY_FAILURES = 'notifyFailures';
export const NOTIFY_STATS = 'notifyStats';

/** Why a message did not go out. */
export type FailureReason = 'no-template' | 'invalid-field' | 'not-subscribed' | 'refused' | 'error';

/** One message that did not go out. */
export interface NotifyFailureDoc {
  _id: string;
  at: number;
  templateId: string;
  touser: string;
  page: string | null;
  reason: FailureReason;
  errCode?: number;
  detail: string;
}

/** Failures of one Beijing day (`_id` = YYYYMMDD), in all and per reason. */
export interface NotifyStatsDoc extends Partial<Record<FailureReason, number>> {
  _id: string;
  day: string;
  failed: number;
}

const reasonOf = (errCode: number | undefined): FailureReason =>
  errCode === 43101 ? 'not-subscribed' : errCode === undefined ? 'error' : 'refused';

async function count(store: Store, day: string, reason: FailureReason): Promise<void> {
  const stats = store.collection(NOTIFY_STATS);
  const inc = { failed: cmd.inc(1), [reason]: cmd.inc(1) };
  if (await stats.doc(day).update(inc)) return;
  try {
    await stats.add({ _id: day, day, failed: 1, [reason]: 1 });
  } catch (e) {
    if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
    await stats.doc(day).update(inc); // made by a concurrent failure meanwhile
  }
}

export function recordingNotifier(
  deliver: Deliver,
  deps: { store: Store; now: () => number; log?: (message: string, error?: unknown) => void },
): Notifier {
  const log = deps.log ?? ((m: string) => console.error(`[lzt] ${m}`));
  const record = async (m: SubscribeMessage, reason: FailureReason, detail: string, errCode?: number): Promise<SendResult> => {
    log(`subscribe message not sent (${reason}): ${m.templateId || '(no template)'} → ${m.touser}: ${detail}`);
    try {
      const at = deps.now();
      await deps.store.collection(NOTIFY_FAILURES).add({
        at,
        templateId: m.templateId,
        touser: m.touser,
        page: m.page ?? null,
        reason,
        ...(errCode !== undefined ? { errCode } : {}),
        detail: detail.slice(0, 200),
      });
      await count(deps.store, beijingDay(at), reason);
    } catch (e) {
      log('recording a failed subscribe message failed', e);
    }
    return { sent: false, reason };
  };
  return {
    async send(m) {
      if (!m.templateId) return record(m, 'no-template', '本环境没有配置该模板 ID');
      const problems = dataProblems(m.data);
      if (problems.length) return record(m, 'invalid-field', problems.join('; '));
      let d: Delivery;
      try {
        d = await deliver(m);
      } catch (e) {
        d = { sent: false, detail: e instanceof Error ? e.message : String(e) };
      }
      return d.sent ? { sent: true } : record(m, reasonOf(d.errCode), d.detail, d.errCode);
    },
  };
}
