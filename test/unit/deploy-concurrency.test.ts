// Why the plan keeps 单实例多并发 off (MAX_CONCURRENCY_PER_INSTANCE = 1): wx-server-sdk's
// getWXContext() takes the caller from process.env, one per process. Two calls sharing an
// instance would share it. If a later SDK reads the caller per call instead, this fails and
// the plan's choice can be revisited. Only getWXContext is used: nothing reaches the network.
import { MAX_CONCURRENCY_PER_INSTANCE } from '../../server/deploy/functions';
import { buildPlan } from '../../scripts/deploy/plan';
import { ROOT } from '../../scripts/deploy/bundle';

it('getWXContext reads the caller from process.env, so each instance serves one call at a time', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getWXContext } = require('wx-server-sdk') as { getWXContext(): { OPENID?: string } };
  const saved = { keys: process.env.WX_CONTEXT_KEYS, openid: process.env.WX_OPENID };
  try {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'caller-a';
    const first = getWXContext();
    process.env.WX_OPENID = 'caller-b'; // the platform starting a second call in the same process
    expect(first.OPENID).toBe('caller-a');
    expect(getWXContext().OPENID).toBe('caller-b');
  } finally {
    if (saved.keys === undefined) delete process.env.WX_CONTEXT_KEYS;
    else process.env.WX_CONTEXT_KEYS = saved.keys;
    if (saved.openid === undefined) delete process.env.WX_OPENID;
    else process.env.WX_OPENID = saved.openid;
  }
  expect(MAX_CONCURRENCY_PER_INSTANCE).toBe(1);
  for (const f of buildPlan(ROOT).functions) expect(f.maxConcurrency).toBe(1);
});
