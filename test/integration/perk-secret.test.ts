// The pass-signing key: configured per environment, fails closed when missing, and never
// leaves the functions — no reply of any action, for any role, contains it.
import { FUNCTIONS } from '../../contracts';
import { ROLES } from '../../contracts/roles';
import { dispatch } from '../../server/core/router';
import { perkFunction } from '../../server/features/perk/handlers';
import { envSecrets } from '../../server/runtime/cloud-ports';
import { createLocalRuntime } from '../../server/runtime/local';
import { manualClock } from '../../server/runtime/local-ports';
import { buildDemo, writeTree } from '../../server/seed/demo';
import { ACTION_EXAMPLES } from './examples';
import { NL, CLERK, ok, perkCall } from './perk-helpers';
import { OPENID_BY_ROLE, T0 } from './runtime';

const KEY = 'test-only-pass-key-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e';
const forms = (key: Buffer) => [key.toString('utf8'), key.toString('hex'), key.toString('base64'), key.toString('base64url')];

function runtime() {
  const rt = createLocalRuntime({ dbFile: ':memory:', clock: manualClock(T0), passKey: KEY, log: () => undefined });
  writeTree(rt.store, buildDemo(T0));
  return rt;
}

describe('perk pass key', () => {
  it('is the configured one locally', () => {
    const rt = runtime();
    expect(rt.ports.secrets.passKey().toString('utf8')).toBe(KEY);
    rt.close();
  });

  // Every action × every role in one runtime: more than the default 5 s on a loaded machine.
  it('appears in no reply of any action, for any role', async () => {
    const rt = runtime();
    const key = rt.ports.secrets.passKey();
    const replies: string[] = [];
    // A pass and its verification first, so the replies that carry tokens are among them.
    const pass = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL));
    replies.push(JSON.stringify(pass), JSON.stringify(await perkCall(rt, 'verify', { token: pass.token }, CLERK)));
    for (const [fn, contract] of Object.entries(FUNCTIONS)) {
      for (const action of Object.keys(contract)) {
        const example = ACTION_EXAMPLES[`${fn}.${action}`] ?? {};
        for (const role of ROLES) replies.push(JSON.stringify(await rt.call(fn, { action, ...example }, OPENID_BY_ROLE[role])));
      }
    }
    const all = replies.join('\n');
    for (const form of forms(key)) expect(all).not.toContain(form);
    // Nor any long piece of it.
    for (let i = 0; i + 16 <= KEY.length; i += 8) expect(all).not.toContain(KEY.slice(i, i + 16));
    rt.close();
  }, 60_000);

  it('in the cloud comes from LZT_PASS_SECRET and fails closed without it', async () => {
    const log = jest.fn();
    expect(() => envSecrets({}, log).passKey()).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => envSecrets({ LZT_PASS_SECRET: 'xyz-123-value' }, log).passKey()).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls.flat().join(' ')).not.toContain('xyz-123-value'); // the value is never logged
    expect(envSecrets({ LZT_PASS_SECRET: KEY }).passKey().toString('utf8')).toBe(KEY);

    const rt = runtime();
    const writes = rt.store.stats().writes;
    const reply = await dispatch(perkFunction, { action: 'pass', perkId: 'p1k1' }, { ...rt.ports, secrets: envSecrets({}, () => undefined) }, { openid: NL });
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '优惠码服务尚未配置，请联系管理员' } });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('differs per environment: a pass from one does not verify in another', async () => {
    const a = runtime();
    const b = createLocalRuntime({ dbFile: ':memory:', clock: manualClock(T0), passKey: `${KEY}-other`, log: () => undefined });
    writeTree(b.store, buildDemo(T0));
    const pass = ok(await perkCall(a, 'pass', { perkId: 'p1k1' }, NL));
    expect(ok(await perkCall(b, 'verify', { token: pass.token }, CLERK)).verdict).toBe('forged');
    a.close();
    b.close();
  });
});
