// A fixed-window counter per key (one write, one read). CloudBase bills by operations, so
// this is kept for actions worth abusing (revealing phones, voting), not for every call.
import type { Ctx } from './context';
import { AppError } from './errors';
import { StoreError } from '../store/port';
import { cmd } from '../store/port';

/** One window's count for one key (`_id` = key:window), removed by the daily purge once expired. */
export interface RateLimitDoc {
  _id: string;
  n: number;
  expiresAt: number;
}

export async function rateLimit(ctx: Ctx, key: string, limit: number, windowMs: number, message?: string): Promise<void> {
  const now = ctx.clock.now();
  const window = Math.floor(now / windowMs);
  const ref = ctx.store.collection('ratelimits').doc(`${key}:${window}`);
  if (!(await ref.update({ n: cmd.inc(1) }))) {
    try {
      await ctx.store.collection('ratelimits').add({ _id: `${key}:${window}`, n: 1, expiresAt: (window + 1) * windowMs });
      return;
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
      await ref.update({ n: cmd.inc(1) });
    }
  }
  const doc = await ref.get();
  if ((doc?.n ?? 0) > limit) throw new AppError('RATE_LIMITED', message);
}
