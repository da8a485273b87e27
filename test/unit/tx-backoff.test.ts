// The cloud adapter's pause between transaction attempts, and the calls' time budgets.
import { timeoutMs, WORK_SHARE, workDeadline } from '../../server/core/budget';
import { FUNCTION_SPECS } from '../../server/deploy/functions';
import { TX_BACKOFF_BASE_MS, TX_BACKOFF_CAP_MS, txBackoffMs } from '../../server/store/cloud';

describe('transaction backoff', () => {
  it('is jittered in [0, d·2^n), d the failed run’s length (at least the base), capped', () => {
    expect(txBackoffMs(1, 0, () => 0)).toBe(0);
    expect(txBackoffMs(1, 0, () => 0.5)).toBe(0.5 * TX_BACKOFF_BASE_MS * 2);
    expect(txBackoffMs(3, 40, () => 0.5)).toBe(0.5 * 40 * 8);
    expect(txBackoffMs(20, 40, () => 0.999)).toBeLessThan(TX_BACKOFF_CAP_MS);
  });
});

describe('time budgets', () => {
  it('stops starting work at WORK_SHARE of the function’s declared timeout', () => {
    expect(timeoutMs('vote')).toBe(FUNCTION_SPECS.vote.timeoutSeconds * 1000);
    expect(workDeadline('vote', 1_000)).toBe(1_000 + FUNCTION_SPECS.vote.timeoutSeconds * 1000 * WORK_SHARE);
  });
});
