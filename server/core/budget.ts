// Time budgets: how long one call of a function may keep starting work. Each function's
// timeout is declared once, in the deploy plan's table (server/deploy/functions.ts); work
// that may not fit (voids, imports, card PDFs) runs in chunks and stops starting new ones
// once WORK_SHARE of the timeout has passed, leaving the rest for the chunk under way, the
// reply and a cold start, then resumes in the next call. Wall-clock time, not ctx.clock
// (tests move that by hand).
import { FUNCTION_SPECS, type FunctionName } from '../deploy/functions';

export const WORK_SHARE = 0.5;

export function timeoutMs(fn: FunctionName): number {
  return FUNCTION_SPECS[fn].timeoutSeconds * 1000;
}

/** The moment a call of `fn` that starts now stops starting chunks. */
export function workDeadline(fn: FunctionName, now = Date.now()): number {
  return now + timeoutMs(fn) * WORK_SHARE;
}
